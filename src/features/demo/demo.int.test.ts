import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, type TestApp, startTestApp } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';
import { groupCampaigns } from '../../analysis/triage/campaigns.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Deps } from '../../platform/deps.ts';
import { translator } from '../../platform/i18n/i18n.ts';
import {
  PERSPECTIVES,
  findEngagement,
  listCommitments,
  listPrompts,
} from '../engagements/index.ts';
import { ROLES } from '../organisations/index.ts';
import { SESSION_KINDS, listSessions } from '../sessions/index.ts';
import {
  CONTACT_ROUTES,
  HELP_GIVEN,
  findContact,
  listVoices,
  participantByReference,
} from '../voices/index.ts';
import { DEMO_ENGAGEMENT, DEMO_STATEMENTS, DEMO_STATEMENTS_PROMPT } from './demo.engagement.ts';
import { demoReferenceCode } from './demo.listening.ts';
import { listDemoAccounts, seedDemo } from './demo.ts';

const DAY = 86_400_000;

describe.each(testDatabases)('the demo on $label', (database) => {
  let heard: TestApp;
  let engagementId: string;
  beforeAll(async () => {
    if (database.skipReason !== undefined) return;
    heard = await startTestApp(database);
    const engagement = await heard.db
      .selectFrom('engagements')
      .select('id')
      .where('title', '=', DEMO_ENGAGEMENT.title)
      .executeTakeFirstOrThrow();
    engagementId = engagement.id;
  });
  afterAll(async () => {
    if (database.skipReason === undefined) await heard.close();
  });
  const skip = database.skipReason !== undefined;

  const userId = async (email: string): Promise<string> =>
    (
      await heard.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', email)
        .executeTakeFirstOrThrow()
    ).id;

  /** Today in the test app's clock: the day its demo was seeded. */
  const seededOn = async (): Promise<number> => {
    const row = await heard.db
      .selectFrom('audit_events')
      .select('occurred_at')
      .where('action', '=', 'demo_seeded')
      .executeTakeFirstOrThrow();
    return Date.parse(row.occurred_at.slice(0, 10));
  };
  const daysFromSeed = async (date: string | null): Promise<number> =>
    (Date.parse(date ?? '') - (await seededOn())) / DAY;

  it.skipIf(skip)(
    'has a council, an advocacy organisation, one engagement and an account for every role',
    async () => {
      const organisations = await heard.db.selectFrom('organisations').select('type').execute();
      expect(organisations.map((o) => o.type).sort()).toEqual(['advocacy', 'council']);
      const roles = await heard.db.selectFrom('user_roles').select('role').distinct().execute();
      expect(roles.map((r) => r.role).sort()).toEqual([...ROLES].sort());
      const platformAdmins = await heard.db
        .selectFrom('users')
        .select('id')
        .where('is_platform_admin', '=', 1)
        .execute();
      expect(platformAdmins).toHaveLength(1);
      const engagements = await heard.db.selectFrom('engagements').select('title').execute();
      expect(engagements.map((e) => e.title)).toEqual([
        'What should people expect when they ask us for help?',
      ]);
      const users = await heard.db.selectFrom('users').select('email').execute();
      expect(users.map((u) => u.email).sort()).toEqual(
        listDemoAccounts()
          .map((a) => a.email)
          .sort(),
      );
    },
  );

  it.skipIf(skip)(
    'is listening now, with safeguarding people, both purposes and a signed commitment',
    async () => {
      const engagement = await findEngagement(heard.db, engagementId);
      expect(engagement?.phase).toBe('listening');
      expect(engagement?.safeguardingLeadId).toBe(await userId(DEMO.lead));
      expect(engagement?.safeguardingDeputyId).toBe(await userId(DEMO.advocate));
      expect(engagement?.purposePlain).not.toBe('');
      expect(engagement?.purposeEasyRead).not.toBe('');
      expect(engagement?.openToInfluence).not.toBe('');
      expect(engagement?.alreadyDecided).not.toBe('');
      expect(engagement?.audiences).toEqual([
        'lived_experience',
        'family_carer',
        'professional',
        'community_member',
      ]);
      expect(engagement?.areas.length).toBeGreaterThan(0);
      expect(await daysFromSeed(engagement?.startsOn ?? null)).toBeLessThan(0);
      expect(await daysFromSeed(engagement?.endsOn ?? null)).toBeGreaterThan(0);

      const commitments = await listCommitments(heard.db, engagementId);
      expect(commitments).toHaveLength(1);
      const [commitment] = commitments;
      expect(commitment?.signerId).toBe(await userId(DEMO.decisionMaker));
      expect(commitment?.signerName).toBe('Dee Morgan');
      expect(commitment?.signerRole).toBe('Director of Adult Social Care');
      expect(commitment?.statement.length).toBeGreaterThan(100);
      // About ten weeks after the demo was made.
      const respondIn = await daysFromSeed(commitment?.respondBy ?? null);
      expect(respondIn).toBeGreaterThanOrEqual(63);
      expect(respondIn).toBeLessThanOrEqual(77);
    },
  );

  it.skipIf(skip)('asks three open questions, in plain words and Easy Read', async () => {
    const prompts = await listPrompts(heard.db, engagementId);
    expect(prompts.map((p) => p.position)).toEqual([1, 2, 3]);
    for (const prompt of prompts) {
      expect(prompt.questionPlain).not.toBe('');
      expect(prompt.questionEasyRead).not.toBe('');
      expect(prompt.questionEasyRead.length).toBeLessThan(prompt.questionPlain.length);
      expect(prompt.influences).not.toBe('');
    }
  });

  it.skipIf(skip)(
    'has a statements question with eight statements to vote on, linked from the public page',
    async () => {
      const statementsPrompts = await heard.db
        .selectFrom('prompts')
        .select(['id', 'position', 'question_plain'])
        .where('engagement_id', '=', engagementId)
        .where('kind', '=', 'statements')
        .execute();
      expect(statementsPrompts).toEqual([
        expect.objectContaining({
          position: 4,
          question_plain: DEMO_STATEMENTS_PROMPT.questionPlain,
        }),
      ]);
      const statements = await heard.db
        .selectFrom('statements')
        .select(['text', 'text_easy_read', 'state'])
        .where('engagement_id', '=', engagementId)
        .execute();
      expect(statements.map((row) => row.text).sort()).toEqual(
        DEMO_STATEMENTS.map((statement) => statement.plain).sort(),
      );
      expect(statements.every((row) => row.state === 'approved' && row.text_easy_read)).toBe(true);
      const page = await heard.app.inject({ url: `/take-part/${engagementId}` });
      expect(page.body).toContain(DEMO_STATEMENTS_PROMPT.questionPlain);
      expect(page.body).toContain(`href="/take-part/${engagementId}/statements"`);
    },
  );

  it.skipIf(skip)(
    'holds at least 35 voices from all five perspectives, online and in sessions',
    async () => {
      const voices = await listVoices(heard.db, engagementId);
      expect(voices.length).toBeGreaterThanOrEqual(35);
      expect(new Set(voices.map((v) => v.perspective))).toEqual(new Set(PERSPECTIVES));
      expect(new Set(voices.map((v) => v.channel))).toEqual(new Set(['online', 'session']));
      const prompts = await listPrompts(heard.db, engagementId);
      expect(new Set(voices.map((v) => v.promptId))).toEqual(new Set(prompts.map((p) => p.id)));
      expect(voices.some((v) => v.consentQuote)).toBe(true);
      expect(voices.some((v) => !v.consentQuote)).toBe(true);
      expect(new Set(voices.map((v) => v.text)).size).toBe(voices.length);

      const online = voices.filter((v) => v.channel === 'online');
      expect(online.length).toBeGreaterThanOrEqual(15);
      for (const voice of online) {
        expect(voice).toMatchObject({
          sessionId: null,
          capturedById: null,
          consentGivenBy: 'online',
          helpGiven: [],
          whoseView: 'own',
        });
      }

      const inSessions = voices.filter((v) => v.channel === 'session');
      expect(inSessions.length).toBeGreaterThanOrEqual(10);
      const advocateId = await userId(DEMO.advocate);
      for (const voice of inSessions) {
        expect(voice.sessionId).not.toBeNull();
        expect(voice.capturedById).toBe(advocateId);
      }
      expect(new Set(inSessions.flatMap((v) => v.helpGiven))).toEqual(new Set(HELP_GIVEN));
      expect(inSessions.filter((v) => v.whoseView === 'spoken_for')).toHaveLength(1);
      expect(inSessions.some((v) => v.isSummary)).toBe(true);
      expect(new Set(inSessions.map((v) => v.consentGivenBy))).toEqual(
        new Set(['spoken', 'writing', 'sign_language']),
      );
    },
  );

  it.skipIf(skip)(
    'has voices to sort: a safeguarding disclosure and a personal case, both with a way to reach the person, and a campaign',
    async () => {
      const voices = await listVoices(heard.db, engagementId);
      const saying = (words: string) => {
        const found = voices.filter((v) => v.text.includes(words));
        expect(found, words).toHaveLength(1);
        const [voice] = found;
        if (voice === undefined) throw new Error(`No demo voice says "${words}"`);
        return voice;
      };
      const disclosure = saying('he takes my pension');
      expect(disclosure.triageState).toBe('safeguarding_flagged');
      expect(await findContact(heard.db, disclosure.participantId)).toMatchObject({
        route: 'text',
      });
      // A flag from two weeks ago has its decision: whatever the rules make of it, it is not waiting.
      expect(saying('he noticed I had no heating on').triageState).not.toBe('safeguarding_flagged');
      const personalCase = saying('reference DP 30117');
      expect(personalCase.triageState).toBe('concern_suggested');
      expect(await findContact(heard.db, personalCase.participantId)).toMatchObject({
        route: 'text',
      });

      const letters = voices.filter((v) => /keep riverside day centre open/i.test(v.text));
      expect(letters).toHaveLength(5);
      // Near-copies, not copies: each sender changed something, if only the case.
      expect(new Set(letters.map((v) => v.text)).size).toBe(5);
      for (const letter of letters) expect(letter.text.split(/\s+/).length).toBeGreaterThan(50);
      const campaigns = groupCampaigns(voices);
      expect(campaigns).toHaveLength(1);
      expect([...(campaigns[0]?.members ?? [])].sort()).toEqual(letters.map((v) => v.id).sort());
      // The letters are design input to weigh, never anyone's case or a safeguarding matter.
      for (const letter of letters) expect(letter.triageState).toBe('new');
    },
  );

  it.skipIf(skip)('keeps reference codes for online answers only', async () => {
    const participants = await heard.db
      .selectFrom('participants')
      .innerJoin('voices', 'voices.participant_id', 'participants.id')
      .select(['participants.reference_hash', 'voices.channel'])
      .where('participants.engagement_id', '=', engagementId)
      .execute();
    for (const row of participants)
      expect(row.reference_hash === null).toBe(row.channel === 'session');
    const deps: Deps = {
      config: heard.config,
      db: heard.db,
      clock: () => new Date(),
      t: translator('en'),
    };
    const first = await participantByReference(deps, demoReferenceCode(0));
    expect(first).toMatchObject({ engagementId, perspective: 'lived_experience' });
    expect(await participantByReference(deps, demoReferenceCode(999))).toBeUndefined();
  });

  it.skipIf(skip)('asks to tell some people what happened, by every route', async () => {
    const contacts = await heard.db
      .selectFrom('participant_contacts')
      .select(['route', 'detail'])
      .execute();
    expect(new Set(contacts.map((c) => c.route))).toEqual(new Set(CONTACT_ROUTES));
    for (const { route, detail } of contacts) {
      if (route === 'email') expect(detail).toMatch(/@example\.org$/);
      if (route === 'text') expect(detail).toMatch(/^07700900\d{3}$/);
    }
  });

  it.skipIf(skip)('has sessions at a library, a carers group and a home visit', async () => {
    const sessions = await listSessions(heard.db, engagementId);
    expect(sessions.map((s) => s.kind).sort()).toEqual(['drop_in', 'group', 'home_visit']);
    expect(sessions.every((s) => SESSION_KINDS.includes(s.kind))).toBe(true);
    const voices = await listVoices(heard.db, engagementId, { channel: 'session' });
    for (const session of sessions) {
      expect(session.advocateId).toBe(await userId(DEMO.advocate));
      expect(Object.values(session.attendance).some((count) => count > 0)).toBe(true);
      expect(voices.filter((v) => v.sessionId === session.id).length).toBeGreaterThan(0);
      expect(await daysFromSeed(session.heldOn)).toBeLessThan(0);
    }
  });

  it.skipIf(skip)('adds nothing to a database that already has organisations', async () => {
    const count = async (table: 'users' | 'voices' | 'engagements') =>
      (await heard.db.selectFrom(table).select('id').execute()).length;
    const before = [await count('users'), await count('engagements'), await count('voices')];
    const again = await seedDemo({
      config: heard.config,
      db: heard.db,
      clock: () => new Date(),
      t: translator('en'),
    });
    expect(again.seeded).toBe(false);
    expect([await count('users'), await count('engagements'), await count('voices')]).toEqual(
      before,
    );
  });

  it.skipIf(skip)('is the same every time it is made from the same clock', async () => {
    // Made again on a database of its own (SQLite in memory) at the moment this one was made.
    const seeded = await heard.db
      .selectFrom('audit_events')
      .select('occurred_at')
      .where('action', '=', 'demo_seeded')
      .executeTakeFirstOrThrow();
    const sqlite = testDatabases.find((candidate) => candidate.name === 'sqlite');
    if (sqlite === undefined) throw new Error('SQLite is always a test database');
    const { db, drop } = await sqlite.open();
    try {
      const clock = () => new Date(seeded.occurred_at);
      await seedDemo({ config: heard.config, db, clock, t: translator('en') });
      const original = await voiceRecords(heard.db);
      expect(original.length).toBeGreaterThanOrEqual(35);
      expect(await voiceRecords(db)).toEqual(original);
    } finally {
      await drop();
    }
  });
});

/** Every voice with what says who and when, but not the random ids, in a fixed order. */
async function voiceRecords(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('voices')
    .innerJoin('participants', 'participants.id', 'voices.participant_id')
    .innerJoin('prompts', 'prompts.id', 'voices.prompt_id')
    .innerJoin('voice_versions', 'voice_versions.voice_id', 'voices.id')
    .leftJoin('listening_sessions', 'listening_sessions.id', 'voices.session_id')
    .select([
      'voice_versions.text',
      'voices.created_at',
      'voices.channel',
      'voices.consent_quote',
      'participants.perspective',
      'participants.reference_hash',
      'prompts.position',
      'listening_sessions.held_on',
    ])
    .execute();
  return rows.map((row) => JSON.stringify(row)).sort();
}
