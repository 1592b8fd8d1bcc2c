import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, DEMO, type TestApp, startTestApp, visibleText } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';
import { type ListeningEngagement, startListening } from '../../../test/listening-engagement.ts';
import type { Deps } from '../../platform/deps.ts';
import { translator } from '../../platform/i18n/i18n.ts';
import { hashPassword } from '../accounts/index.ts';
import { type Engagement, findEngagement } from '../engagements/index.ts';
import { insertUser } from '../organisations/index.ts';
import type { Contact } from '../voices/index.ts';
import { submitPublicVoices } from '../voices/index.ts';
import { escalateOverdueFlags } from './sorting.escalation.ts';

const WORDS = {
  flag: 'My son takes my bank card and I never see my money.',
  flagTwo: 'The night carer slapped my mum and told her to shut up.',
  concern:
    'My direct payment has been late for three months, reference DP 4471. Nobody rings back.',
  design: 'Letters from the council should be shorter and use plain words.',
  harmless: 'The bus to the day centre was on time and the staff were kind.',
} as const;
const LETTER =
  'We the undersigned ask the council to keep the Riverside day centre open. It is a lifeline for disabled adults and their carers, it gives people friendship and a reason to get up, and closing it would leave families without any support during the week.';
const OTHER_ADVOCATE = 'sam.advocate@advocacy.example';
const OTHER_LEAD = 'kit.lead@advocacy.example';

describe.each(testDatabases)('sorting voices on $label', (database) => {
  let heard: TestApp;
  let listening: ListeningEngagement;
  let engagement: Engagement;
  const ids: Record<string, string> = {};
  const skip = database.skipReason !== undefined;
  const queueUrl = () => `/engagements/${listening.id}/sorting`;
  const recordUrl = (voiceId: string) => `${queueUrl()}/voices/${voiceId}`;
  const deps = (): Deps => ({
    config: heard.config,
    db: heard.db,
    clock: heard.clock,
    t: translator('en'),
  });

  const signedIn = async (email: string): Promise<Browser> => {
    const browser = new Browser(heard.app);
    expect((await browser.signIn(email, DEMO.password)).statusCode).toBe(303);
    return browser;
  };

  const codes: Record<string, string> = {};
  const say = async (text: string, contact: Contact | null = null): Promise<string> => {
    const { participantId, referenceCode } = await submitPublicVoices(deps(), engagement, {
      perspective: 'lived_experience',
      answers: [{ promptId: listening.promptIds[0] ?? '', text }],
      consentQuote: true,
      contact,
    });
    const voice = await heard.db
      .selectFrom('voices')
      .select('id')
      .where('participant_id', '=', participantId)
      .executeTakeFirstOrThrow();
    codes[voice.id] = referenceCode;
    return voice.id;
  };

  /** What the person reads when they come back with their reference code. */
  const theirAnswers = async (voiceId: string): Promise<string> => {
    const person = new Browser(heard.app);
    const back = await person.submit('/take-part/return', '/take-part/return', {
      reference: codes[voiceId] ?? '',
    });
    expect(back.statusCode).toBe(303);
    return visibleText((await person.get('/your-answers')).body);
  };

  const stateOf = async (voiceId: string): Promise<string> =>
    (
      await heard.db
        .selectFrom('voices')
        .select('triage_state')
        .where('id', '=', voiceId)
        .executeTakeFirstOrThrow()
    ).triage_state;

  const decisionsFor = (voiceId: string) =>
    heard.db.selectFrom('triage_decisions').selectAll().where('voice_id', '=', voiceId).execute();

  const addAdvocacyUser = async (email: string, roles: ('lead' | 'advocate')[]) => {
    const organisation = await heard.db
      .selectFrom('organisations')
      .select('id')
      .where('type', '=', 'advocacy')
      .orderBy('created_at')
      .executeTakeFirstOrThrow();
    await insertUser(
      heard.db,
      {
        organisationId: organisation.id,
        name: email.split('.')[0] ?? email,
        email,
        passwordHash: await hashPassword(DEMO.password),
        roles,
        platformAdmin: false,
      },
      '2026-11-26T09:00:00.000Z',
    );
  };

  beforeAll(async () => {
    if (skip) return;
    heard = await startTestApp(database);
    listening = await startListening(heard.db);
    const found = await findEngagement(heard.db, listening.id);
    if (found === undefined) throw new Error('engagement not found');
    engagement = found;
    await addAdvocacyUser(OTHER_ADVOCATE, ['advocate']);
    await addAdvocacyUser(OTHER_LEAD, ['lead', 'advocate']);
    ids.flag = await say(WORDS.flag, { route: 'email', detail: 'ada@example.org' });
    ids.flagTwo = await say(WORDS.flagTwo);
    ids.concern = await say(WORDS.concern, { route: 'text', detail: '07700 900123' });
    ids.design = await say(WORDS.design);
    ids.harmless = await say(WORDS.harmless);
    for (const [n, edit] of [
      [1, (text: string) => text],
      [2, (text: string) => `My name is Jo. ${text}`],
      [3, (text: string) => text.replace('lifeline', 'real lifeline').toUpperCase()],
    ] as const) {
      ids[`letter${n}`] = await say(edit(LETTER));
    }
  });
  afterAll(async () => {
    if (!skip) await heard.close();
  });

  it.skipIf(skip)(
    'sorts new voices: flags and likely personal cases wait for a person',
    async () => {
      expect(await stateOf(ids.flag ?? '')).toBe('safeguarding_flagged');
      expect(await stateOf(ids.flagTwo ?? '')).toBe('safeguarding_flagged');
      expect(await stateOf(ids.concern ?? '')).toBe('concern_suggested');
      expect(await stateOf(ids.harmless ?? '')).toBe('new');
      const suggestion = await heard.db
        .selectFrom('triage_suggestions')
        .selectAll()
        .where('voice_id', '=', ids.concern ?? '')
        .executeTakeFirstOrThrow();
      expect(suggestion).toMatchObject({ kind: 'individual_concern', source: 'model' });
    },
  );

  it.skipIf(skip)('tells the named lead and deputy in Heard, and no one else', async () => {
    for (const email of [DEMO.lead, DEMO.advocate]) {
      const home = visibleText((await (await signedIn(email)).get('/home')).body);
      expect(home).toContain('Possible safeguarding concerns are waiting for your decision');
      expect(home).toContain(`2 in ${listening.title}`);
    }
    for (const email of [OTHER_ADVOCATE, OTHER_LEAD, DEMO.officer]) {
      const home = visibleText((await (await signedIn(email)).get('/home')).body);
      expect(home).not.toContain('waiting for your decision');
    }
  });

  it.skipIf(skip)('emails the named lead and deputy a link, never the words', async () => {
    const messages = await heard.db
      .selectFrom('messages')
      .selectAll()
      .where('kind', '=', 'safeguarding_flag')
      .where('link', 'like', `%/engagements/${listening.id}/%`)
      .execute();
    const recipients = messages.map((message) => message.recipient_address).sort();
    expect(recipients).toEqual([DEMO.advocate, DEMO.advocate, DEMO.lead, DEMO.lead].sort());
    for (const message of messages) {
      expect([ids.flag, ids.flagTwo].some((id) => message.link?.endsWith(`/voices/${id}`))).toBe(
        true,
      );
      for (const words of Object.values(WORDS)) expect(message.body).not.toContain(words);
      expect(message.body).not.toMatch(/bank card|slapped|ada@example/);
      expect(message.body).toContain(listening.title);
    }
  });

  it.skipIf(skip)(
    'shows the queue to advocacy roles: flags first, with words and contact',
    async () => {
      const lead = await signedIn(DEMO.lead);
      const queue = await lead.get(queueUrl());
      expect(queue.statusCode).toBe(200);
      const text = visibleText(queue.body);
      expect(text.indexOf(WORDS.flag)).toBeGreaterThan(-1);
      expect(text.indexOf(WORDS.flag)).toBeLessThan(text.indexOf(WORDS.flagTwo));
      expect(text.indexOf(WORDS.flagTwo)).toBeLessThan(text.indexOf(WORDS.concern));
      expect(text).toContain('Financial or material abuse');
      expect(text).toContain('Decision due by 27 November 2026');
      expect(text).toContain('3 voices, 3 different wordings');

      const record = visibleText((await lead.get(recordUrl(ids.flag ?? ''))).body);
      expect(record).toContain(WORDS.flag);
      expect(record).toContain('ada@example.org');
      expect(record).toContain('bank card');
      const audit = await heard.db
        .selectFrom('audit_events')
        .select(['action', 'details'])
        .where('record_id', '=', ids.flag ?? '')
        .where('action', '=', 'contact_viewed')
        .execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]?.details).not.toContain('ada@example.org');
    },
  );

  it.skipIf(skip)('lets only a named person decide a flag, with a reason', async () => {
    const other = await signedIn(OTHER_ADVOCATE);
    const form = await other.get(`${recordUrl(ids.flag ?? '')}/safeguarding`);
    expect(form.statusCode).toBe(200);
    const refused = await other.submit(
      `${recordUrl(ids.flag ?? '')}/safeguarding`,
      `${recordUrl(ids.flag ?? '')}/safeguarding`,
      { outcome: 'no_concern', reason: 'Looks fine to me' },
    );
    expect(refused.statusCode).toBe(403);
    expect(visibleText(refused.body)).toContain(
      "Only the engagement's safeguarding lead or deputy can decide",
    );

    const lead = await signedIn(DEMO.lead);
    const url = `${recordUrl(ids.flag ?? '')}/safeguarding`;
    const noReason = await lead.submit(url, url, { outcome: 'raised', reason: '  ' });
    expect(noReason.statusCode).toBe(400);
    expect(visibleText(noReason.body)).toContain('Enter the reason for your decision');
    expect(noReason.body).toMatch(/value="raised" checked/);
    const noOutcome = await lead.submit(url, url, { reason: 'Rang her daughter' });
    expect(noOutcome.statusCode).toBe(400);
    expect(noOutcome.body).toContain('Rang her daughter');
    expect(await decisionsFor(ids.flag ?? '')).toHaveLength(0);
    expect(await stateOf(ids.flag ?? '')).toBe('safeguarding_flagged');

    const saved = await lead.submit(url, url, {
      outcome: 'raised',
      reason: 'Raised with the council safeguarding team by phone, ref SG-1120.',
    });
    expect(saved.statusCode).toBe(303);
    expect(await stateOf(ids.flag ?? '')).toBe('safeguarding_raised');
    const [decision] = await decisionsFor(ids.flag ?? '');
    expect(decision).toMatchObject({ kind: 'safeguarding', outcome: 'raised' });
    const record = visibleText((await lead.get(recordUrl(ids.flag ?? ''))).body);
    expect(record).toContain('Raised with the council safeguarding team by phone, ref SG-1120.');
  });

  it.skipIf(skip)('escalates a flag left for a working day to the leads, once', async () => {
    // The demo engagement's older flags may be escalated too; look at this engagement's.
    const ours = (escalated: string[]) =>
      escalated.filter((id) => [ids.flag, ids.flagTwo, ids.harmless].includes(id));
    expect(ours(await escalateOverdueFlags(deps()))).toEqual([]);
    heard.advanceMinutes(24 * 60);
    expect(ours(await escalateOverdueFlags(deps()))).toEqual([ids.flagTwo]);
    expect(await escalateOverdueFlags(deps())).toEqual([]);
    expect(await stateOf(ids.flagTwo ?? '')).toBe('safeguarding_flagged');
    const told = await heard.db
      .selectFrom('messages')
      .select(['recipient_address', 'body'])
      .where('kind', '=', 'safeguarding_escalation')
      .where('link', 'like', `%/voices/${ids.flagTwo}`)
      .execute();
    expect(told.map((message) => message.recipient_address).sort()).toEqual(
      [DEMO.lead, OTHER_LEAD].sort(),
    );
    for (const message of told) expect(message.body).not.toContain(WORDS.flagTwo);

    const otherLead = await signedIn(OTHER_LEAD);
    expect(visibleText((await otherLead.get('/home')).body)).toContain(`1 in ${listening.title}`);
    const queue = visibleText((await otherLead.get(queueUrl())).body);
    expect(queue).toContain('Told the advocacy leads on 27 November 2026');
    const advocate = await signedIn(OTHER_ADVOCATE);
    const url = `${recordUrl(ids.flagTwo ?? '')}/safeguarding`;
    const refused = await advocate.submit(url, url, { outcome: 'no_concern', reason: 'Fine' });
    expect(refused.statusCode).toBe(403);
    const decided = await otherLead.submit(url, url, {
      outcome: 'already_known',
      reason: 'The home reported it to the council on Monday.',
    });
    expect(decided.statusCode).toBe(303);
    expect(await stateOf(ids.flagTwo ?? '')).toBe('safeguarding_known');
  });

  it.skipIf(skip)('re-checks corrected words: a new flag opens, none is ever cleared', async () => {
    const lead = await signedIn(DEMO.lead);
    const url = `/engagements/${listening.id}/voices/${ids.harmless}/correct`;
    const corrected = await lead.submit(url, url, {
      text: `${WORDS.harmless} But her husband hits her when they get home.`,
      isSummary: 'words',
      reason: 'She added this when I read it back to her.',
    });
    expect(corrected.statusCode).toBe(303);
    expect(await stateOf(ids.harmless ?? '')).toBe('safeguarding_flagged');

    const backUrl = `/engagements/${listening.id}/voices/${ids.harmless}/correct`;
    await lead.submit(backUrl, backUrl, {
      text: WORDS.harmless,
      isSummary: 'words',
      reason: 'Typed in error.',
    });
    expect(await stateOf(ids.harmless ?? '')).toBe('safeguarding_flagged');
  });

  it.skipIf(skip)("passes a personal case on only with the person's consent", async () => {
    const advocate = await signedIn(OTHER_ADVOCATE);
    const base = recordUrl(ids.concern ?? '');
    const early = await advocate.submit(`${base}/sort`, `${base}/consent`, {
      answer: 'yes',
      askedHow: 'contact_route',
    });
    expect(early.statusCode).toBe(409);
    expect(visibleText(early.body)).toContain('Sort this voice as a personal case');

    const sorted = await advocate.submit(`${base}/sort`, `${base}/sort`, {
      outcome: 'individual_concern',
      reason: 'Her own direct payment, with a reference.',
    });
    expect(sorted.statusCode).toBe(303);
    expect(await stateOf(ids.concern ?? '')).toBe('individual_concern');

    const noConsent = await advocate.submit(`${base}/handover`, `${base}/handover`, {
      passedTo: 'Complaints team',
      personToldHow: 'contact_route',
    });
    expect(noConsent.statusCode).toBe(409);
    expect(visibleText(noConsent.body)).toContain('has not agreed to pass it on');

    const csvBefore = await advocate.get(`/engagements/${listening.id}/casework.csv`);
    expect(csvBefore.body).not.toContain('DP 4471');

    const said = await advocate.submit(`${base}/consent`, `${base}/consent`, {
      answer: 'yes',
      askedHow: 'contact_route',
    });
    expect(said.statusCode).toBe(303);
    const passed = await advocate.submit(`${base}/handover`, `${base}/handover`, {
      passedTo: 'Eastvale Council complaints team',
      personToldHow: 'contact_route',
    });
    expect(passed.statusCode).toBe(303);
    const csv = await advocate.get(`/engagements/${listening.id}/casework.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('DP 4471');
    expect(csv.body).toContain('07700 900123');
    expect(csv.body).toContain('Eastvale Council complaints team');

    const changedMind = await advocate.submit(`${base}/consent`, `${base}/consent`, {
      answer: 'no',
      askedHow: 'session',
    });
    expect(changedMind.statusCode).toBe(303);
    const after = await advocate.get(`/engagements/${listening.id}/casework.csv`);
    expect(after.body).not.toContain('DP 4471');
    expect(await theirAnswers(ids.concern ?? '')).toContain(
      'We passed it to: Eastvale Council complaints team',
    );
  });

  it.skipIf(skip)('keeps off-topic voices and needs a pointer for the person', async () => {
    const advocate = await signedIn(OTHER_ADVOCATE);
    const url = `${recordUrl(ids.design ?? '')}/sort`;
    const missing = await advocate.submit(url, url, {
      outcome: 'off_topic',
      reason: 'About bin collections',
    });
    expect(missing.statusCode).toBe(400);
    expect(visibleText(missing.body)).toContain('Enter where they can take it instead');
    expect(missing.body).toContain('About bin collections');
    const saved = await advocate.submit(url, url, {
      outcome: 'off_topic',
      reason: 'About bin collections',
      pointer: 'The council waste team, 0300 123 4567',
    });
    expect(saved.statusCode).toBe(303);
    expect(await stateOf(ids.design ?? '')).toBe('off_topic');
    expect(await theirAnswers(ids.design ?? '')).toContain(
      'You can take it to: The council waste team, 0300 123 4567',
    );
    const flagged = await theirAnswers(ids.flag ?? '');
    expect(flagged).toContain(WORDS.flag);
    expect(flagged).not.toMatch(/safeguarding|raised/i);
  });

  it.skipIf(skip)('groups a campaign and records how it counts', async () => {
    const lead = await signedIn(DEMO.lead);
    const groupId = `campaign-${ids.letter1}`;
    const url = `${queueUrl()}/campaigns/${groupId}`;
    const missing = await lead.submit(url, url, { weighAs: 'one' });
    expect(missing.statusCode).toBe(400);
    const saved = await lead.submit(url, url, {
      weighAs: 'one',
      reason: 'A form letter from the Save Riverside group.',
    });
    expect(saved.statusCode).toBe(303);
    const queue = visibleText((await lead.get(saved.headers.location ?? '')).body);
    expect(queue).toContain('Your decision is saved.');
    expect(queue).toContain('As one voice, with its count shown');
    const form = visibleText((await lead.get(url)).body);
    expect(form).toContain('3 voices, 3 different wordings');
    expect(form).toContain('keep the Riverside day centre open');
    const unknown = await lead.submit(queueUrl(), `${queueUrl()}/campaigns/campaign-nope`, {
      weighAs: 'one',
      reason: 'x',
    });
    expect(unknown.statusCode).toBe(404);
  });

  it.skipIf(skip)('shows council roles counts only, small ones suppressed', async () => {
    const officer = await signedIn(DEMO.officer);
    const page = await officer.get(queueUrl());
    expect(page.statusCode).toBe(200);
    const text = visibleText(page.body);
    expect(text).toContain('fewer than 5');
    for (const words of [WORDS.flag, WORDS.flagTwo, WORDS.concern])
      expect(text).not.toContain(words);
    expect((await officer.get(recordUrl(ids.flag ?? ''))).statusCode).toBe(403);
    expect((await officer.get(`/engagements/${listening.id}/casework.csv`)).statusCode).toBe(403);
    const voices = await officer.json('GET', `/api/v1/engagements/${listening.id}/voices`);
    expect(voices.body).not.toContain('DP 4471');
    expect(voices.body).not.toContain('bank card');
  });

  it.skipIf(skip)(
    'keeps safeguarding records and open flags when the person withdraws',
    async () => {
      const participant = await heard.db
        .selectFrom('voices')
        .select('participant_id')
        .where('id', '=', ids.flag ?? '')
        .executeTakeFirstOrThrow();
      await heard.db
        .updateTable('voices')
        .set({ withdrawn_at: heard.clock().toISOString() })
        .where('participant_id', '=', participant.participant_id)
        .execute();
      const lead = await signedIn(DEMO.lead);
      const text = visibleText((await lead.get(queueUrl())).body);
      expect(text).toContain('Safeguarding records');
      expect(text).toContain("Raised with the council's safeguarding team");
      expect(await decisionsFor(ids.flag ?? '')).toHaveLength(1);
    },
  );
});
