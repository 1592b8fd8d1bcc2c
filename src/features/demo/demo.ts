import type { Deps } from '../../platform/deps.ts';
import { hashPassword } from '../accounts/index.ts';
import { recordAudit } from '../audit/index.ts';
import { insertEngagement } from '../engagements/index.ts';
import type { Role } from '../organisations/index.ts';
import { insertOrganisation, insertUser } from '../organisations/index.ts';

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

/**
 * Fills an empty database with a council, an independent advocacy organisation, one account
 * per role and an engagement. Does nothing if any organisation exists, so it is safe on every start.
 */
export async function seedDemo({ db, clock }: Deps): Promise<{ seeded: boolean }> {
  const existing = await db.selectFrom('organisations').select('id').limit(1).executeTakeFirst();
  if (existing !== undefined) return { seeded: false };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (trx) => {
    const at = clock().toISOString();
    const council = await insertOrganisation(trx, { name: COUNCIL, type: 'council' }, at);
    const advocacy = await insertOrganisation(trx, { name: ADVOCACY, type: 'advocacy' }, at);
    const organisationIds = { council: council.id, advocacy: advocacy.id };
    for (const account of DEMO_ACCOUNTS) {
      await insertUser(
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
    }
    const engagementId = await insertEngagement(
      trx,
      {
        title: 'What should people expect when they ask us for help?',
        commissioningOrganisationId: council.id,
        advocacyOrganisationId: advocacy.id,
        purposePlain: '',
        purposeEasyRead: '',
        openToInfluence: '',
        alreadyDecided: '',
        audiences: ['lived_experience', 'family_carer', 'professional'],
        areas: [],
        startsOn: null,
        endsOn: null,
        safeguardingLeadId: null,
        safeguardingDeputyId: null,
      },
      null,
      at,
    );
    await recordAudit(trx, clock, {
      actorUserId: null,
      action: 'demo_seeded',
      recordType: 'engagement',
      recordId: engagementId,
      organisationId: council.id,
    });
  });
  return { seeded: true };
}
