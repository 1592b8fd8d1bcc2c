import type { Deps } from '../../platform/deps.ts';
import { hashPassword } from '../accounts/index.ts';
import { recordAudit } from '../audit/index.ts';
import {
  insertCommitment,
  insertEngagement,
  insertPrompt,
  setPhase,
} from '../engagements/index.ts';
import type { Role } from '../organisations/index.ts';
import { insertOrganisation, insertUser } from '../organisations/index.ts';
// The repository, not the feature's index: the index brings in its routes, and through them
// sessions and voices, which import accounts, whose sign-in page imports this demo.
import { insertStatement } from '../statements/statements.repository.ts';
import {
  DEMO_COMMITMENT,
  DEMO_ENGAGEMENT,
  DEMO_PROMPTS,
  DEMO_STATEMENTS,
  DEMO_STATEMENTS_PROMPT,
  type DemoPrompt,
} from './demo.engagement.ts';
import { seedVoices } from './demo.listening.ts';

/** Published on purpose: demo mode is for trying Heard, and is off in production. */
export const DEMO_PASSWORD = 'heard-demo-2026';

export interface DemoAccount {
  email: string;
  password: string;
  name: string;
  /** Catalogue key describing who this person is. */
  who: string;
  organisation: 'council' | 'advocacy' | null;
  roles: Role[];
  platformAdmin: boolean;
}

const COUNCIL = 'Northshire Council';
const ADVOCACY = 'Northshire Independent Advocacy';

const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    email: 'platform@heard.example',
    name: 'Pat Okafor',
    who: 'demo.who.platformAdmin',
    organisation: null,
    roles: [],
    platformAdmin: true,
  },
  {
    email: 'lead@advocacy.example',
    name: 'Lena Shah',
    who: 'demo.who.lead',
    organisation: 'advocacy',
    roles: ['lead'],
    platformAdmin: false,
  },
  {
    email: 'advocate@advocacy.example',
    name: 'Sam Reid',
    who: 'demo.who.advocate',
    organisation: 'advocacy',
    roles: ['advocate'],
    platformAdmin: false,
  },
  {
    email: 'admin@advocacy.example',
    name: 'Ade Brown',
    who: 'demo.who.advocacyAdmin',
    organisation: 'advocacy',
    roles: ['admin'],
    platformAdmin: false,
  },
  {
    email: 'director@council.example',
    name: 'Dee Morgan',
    who: 'demo.who.decisionMaker',
    organisation: 'council',
    roles: ['decision_maker'],
    platformAdmin: false,
  },
  {
    email: 'officer@council.example',
    name: 'Owen Price',
    who: 'demo.who.officer',
    organisation: 'council',
    roles: ['officer'],
    platformAdmin: false,
  },
  {
    email: 'admin@council.example',
    name: 'Cara Lewis',
    who: 'demo.who.councilAdmin',
    organisation: 'council',
    roles: ['admin'],
    platformAdmin: false,
  },
].map((account) => ({ ...account, password: DEMO_PASSWORD }) as DemoAccount);

export const listDemoAccounts = (): readonly DemoAccount[] => DEMO_ACCOUNTS;

const DAY = 86_400_000;

/**
 * Fills an empty database with a council, an independent advocacy organisation, one account
 * per role, and an engagement in the middle of listening: a signed commitment, three questions,
 * and about fifty voices from every perspective, online and through an advocate's sessions,
 * some of them waiting to be sorted (a possible safeguarding disclosure, a personal case, a
 * campaign).
 * Does nothing if any organisation exists, so it is safe on every start. Dates are set from the
 * clock, so the engagement is always listening now; everything but ids is the same every time.
 */
export async function seedDemo({ db, clock }: Deps): Promise<{ seeded: boolean }> {
  const existing = await db.selectFrom('organisations').select('id').limit(1).executeTakeFirst();
  if (existing !== undefined) return { seeded: false };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = clock();
  const daysAgo = (days: number, hour?: number): Date => {
    const moment = new Date(now.getTime() - days * DAY);
    if (hour !== undefined) moment.setUTCHours(hour, 0, 0, 0);
    return moment;
  };
  const day = (days: number) => daysAgo(days).toISOString().slice(0, 10);
  await db.transaction().execute(async (trx) => {
    const at = now.toISOString();
    const council = await insertOrganisation(trx, { name: COUNCIL, type: 'council' }, at);
    const advocacy = await insertOrganisation(trx, { name: ADVOCACY, type: 'advocacy' }, at);
    const organisationIds = { council: council.id, advocacy: advocacy.id };
    const userIds = new Map<string, string>();
    for (const account of DEMO_ACCOUNTS) {
      const userId = await insertUser(
        trx,
        {
          organisationId:
            account.organisation === null ? null : organisationIds[account.organisation],
          name: account.name,
          email: account.email,
          passwordHash,
          roles: account.roles,
          platformAdmin: account.platformAdmin,
        },
        at,
      );
      userIds.set(account.email, userId);
    }
    const userId = (email: string): string => {
      const id = userIds.get(email);
      if (id === undefined) throw new Error(`The demo has no account ${email}`);
      return id;
    };
    const engagementId = await insertEngagement(
      trx,
      {
        title: DEMO_ENGAGEMENT.title,
        commissioningOrganisationId: council.id,
        advocacyOrganisationId: advocacy.id,
        purposePlain: DEMO_ENGAGEMENT.purposePlain,
        purposeEasyRead: DEMO_ENGAGEMENT.purposeEasyRead,
        openToInfluence: DEMO_ENGAGEMENT.openToInfluence,
        alreadyDecided: DEMO_ENGAGEMENT.alreadyDecided,
        audiences: [...DEMO_ENGAGEMENT.audiences],
        areas: [...DEMO_ENGAGEMENT.areas],
        startsOn: day(21),
        endsOn: day(-35),
        safeguardingLeadId: userId('lead@advocacy.example'),
        safeguardingDeputyId: userId('advocate@advocacy.example'),
      },
      userId('lead@advocacy.example'),
      daysAgo(35, 9).toISOString(),
    );
    const promptIds = {} as Record<DemoPrompt, string>;
    for (const key of Object.keys(DEMO_PROMPTS) as DemoPrompt[]) {
      promptIds[key] = await insertPrompt(
        trx,
        engagementId,
        DEMO_PROMPTS[key],
        daysAgo(35, 9).toISOString(),
      );
    }
    await insertPrompt(
      trx,
      engagementId,
      { ...DEMO_STATEMENTS_PROMPT, kind: 'statements' },
      daysAgo(35, 9).toISOString(),
    );
    for (const statement of DEMO_STATEMENTS) {
      await insertStatement(
        trx,
        {
          engagementId,
          text: statement.plain,
          textEasyRead: statement.easyRead,
          isMeta: false,
          state: 'approved',
          author: { userId: userId('lead@advocacy.example') },
        },
        daysAgo(35, 9).toISOString(),
      );
    }
    await insertCommitment(
      trx,
      engagementId,
      1,
      { ...DEMO_COMMITMENT, respondBy: day(-70) },
      userId('director@council.example'),
      daysAgo(28, 11).toISOString(),
    );
    await setPhase(trx, engagementId, 'listening', daysAgo(21, 9).toISOString());
    const heard = await seedVoices(trx, {
      engagementId,
      promptIds,
      advocateId: userId('advocate@advocacy.example'),
      safeguardingLeadId: userId('lead@advocacy.example'),
      daysAgo,
    });
    await recordAudit(trx, clock, {
      actorUserId: null,
      action: 'demo_seeded',
      recordType: 'engagement',
      recordId: engagementId,
      organisationId: council.id,
      details: { prompts: Object.keys(promptIds).length + 1, ...heard },
    });
  });
  return { seeded: true };
}
