import { hashPassword } from '../src/features/accounts/index.ts';
import { insertOrganisation, insertUser } from '../src/features/organisations/index.ts';
import type { Db } from '../src/platform/db/database.ts';
import { DEMO } from './app.ts';

/** A lead in a second advocacy organisation, outside every engagement of the demo's two. */
export async function addOutsideLead(db: Db): Promise<string> {
  const at = '2026-11-26T09:00:00.000Z';
  const email = 'lead@southvale-advocacy.example';
  const organisation = await insertOrganisation(
    db,
    { name: 'Southvale Advocacy', type: 'advocacy' },
    at,
  );
  await insertUser(
    db,
    {
      organisationId: organisation.id,
      name: 'Mo Ahmed',
      email,
      passwordHash: await hashPassword(DEMO.password),
      roles: ['lead', 'advocate'],
      platformAdmin: false,
    },
    at,
  );
  return email;
}

/** The "record a session" form, filled in as an advocate would; override any field. */
export const sessionForm = (fields: Record<string, string> = {}): Record<string, string> => ({
  kind: 'group',
  'heldOn-day': '12',
  'heldOn-month': '11',
  'heldOn-year': '2026',
  place: 'Eastvale Library',
  'attendance-lived_experience': '4',
  'attendance-family_carer': '2',
  'attendance-professional': '',
  'attendance-provider': '',
  'attendance-community_member': '',
  notes: 'A quiet morning. Tea helped.',
  ...fields,
});

/** The "add what someone said" form for one voice; override any field. */
export const voiceForm = (
  promptId: string,
  fields: Record<string, string | string[]> = {},
): Record<string, string | string[]> => ({
  promptId,
  text: 'I waited three weeks for someone to call me back.',
  isSummary: 'words',
  perspective: 'lived_experience',
  helpGiven: ['scribe'],
  whoseView: 'own',
  consentUse: 'yes',
  consentQuote: 'yes',
  consentGivenBy: 'spoken',
  contactRoute: 'none',
  ...fields,
});

/** The same voice as the API takes it. */
export const voiceBody = (promptId: string, fields: Record<string, unknown> = {}) => ({
  promptId,
  text: 'The carers were kind but always in a hurry.',
  isSummary: 'words',
  perspective: 'family_carer',
  helpGiven: [],
  whoseView: 'own',
  consentUse: 'yes',
  consentQuote: 'no',
  consentGivenBy: 'writing',
  ...fields,
});
