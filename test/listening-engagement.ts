import { randomBytes } from 'node:crypto';
import {
  insertCommitment,
  insertEngagement,
  insertPrompt,
  setPhase,
} from '../src/features/engagements/index.ts';
import type { Db } from '../src/platform/db/database.ts';
import { DEMO } from './app.ts';

/** The words of the engagement a test sets up, to look for on its pages. */
export const LISTENING = {
  purposePlain: 'We want to know what helps people get home from hospital safely.',
  purposeEasyRead: 'We want to hear about coming home from hospital.',
  openToInfluence: 'How we plan your support before you leave hospital.',
  alreadyDecided: 'The hospital discharge team stays. The law says it must.',
  statement: 'I will read what you say and reply to every theme, in writing.',
  signerName: 'Dee Morgan',
  signerRole: 'Director of Adult Social Care',
  respondBy: '2027-03-31',
  respondByText: '31 March 2027',
  questions: [
    {
      questionPlain: 'What helped you most when you left hospital?',
      questionEasyRead: 'What helped you come home?',
      influences: 'How we plan support before people leave hospital',
    },
    {
      questionPlain: 'What should change about leaving hospital?',
      questionEasyRead: 'What should be better?',
      influences: 'Our guidance for discharge teams',
    },
  ],
} as const;

export interface ListeningEngagement {
  id: string;
  title: string;
  promptIds: string[];
}

const userId = async (db: Db, email: string): Promise<string> =>
  (await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow())
    .id;

const organisationId = async (db: Db, type: 'council' | 'advocacy'): Promise<string> =>
  (
    await db
      .selectFrom('organisations')
      .select('id')
      .where('type', '=', type)
      .orderBy('created_at')
      .executeTakeFirstOrThrow()
  ).id;

/**
 * An engagement between the demo council and advocacy organisation, with a signed commitment and
 * two questions, moved to listening through the repository: tests of the public door do not
 * depend on the demo's own engagement. Each call makes a new one with a title of its own.
 */
export async function startListening(
  db: Db,
  at = '2026-11-26T09:00:00.000Z',
): Promise<ListeningEngagement> {
  const title = `Getting home from hospital ${randomBytes(3).toString('hex')}`;
  const id = await insertEngagement(
    db,
    {
      title,
      commissioningOrganisationId: await organisationId(db, 'council'),
      advocacyOrganisationId: await organisationId(db, 'advocacy'),
      purposePlain: LISTENING.purposePlain,
      purposeEasyRead: LISTENING.purposeEasyRead,
      openToInfluence: LISTENING.openToInfluence,
      alreadyDecided: LISTENING.alreadyDecided,
      audiences: ['lived_experience', 'family_carer', 'professional'],
      areas: [],
      startsOn: null,
      endsOn: null,
      safeguardingLeadId: await userId(db, DEMO.lead),
      safeguardingDeputyId: await userId(db, DEMO.advocate),
    },
    null,
    at,
  );
  const promptIds: string[] = [];
  for (const question of LISTENING.questions)
    promptIds.push(await insertPrompt(db, id, question, at));
  await insertCommitment(
    db,
    id,
    1,
    {
      statement: LISTENING.statement,
      respondBy: LISTENING.respondBy,
      signerName: LISTENING.signerName,
      signerRole: LISTENING.signerRole,
    },
    await userId(db, DEMO.decisionMaker),
    at,
  );
  await setPhase(db, id, 'listening', at);
  return { id, title, promptIds };
}
