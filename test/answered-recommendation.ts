import { setPhase } from '../src/features/engagements/index.ts';
import {
  insertAction,
  insertRecommendation,
  saveResponse,
  sendDrafts,
} from '../src/features/responses/responses.repository.ts';
import type { Db } from '../src/platform/db/database.ts';
import { DEMO } from './app.ts';
import { type ListeningEngagement, startListening } from './listening-engagement.ts';

/** The words of the recommendation, answer and action a test sets up. */
export const ANSWERED = {
  askedPlain: 'Ring people back within two working days when they ask for help.',
  askedEasyRead: 'Call people back fast.',
  reasonsPlain: 'We will set up a call-back promise and check it every month.',
  reasonsEasyRead: 'We will call you back in 2 days.',
  action: 'Publish the call-back promise on the council website',
} as const;

export interface AnsweredRecommendation {
  engagement: ListeningEngagement;
  recommendationId: string;
  responseId: string;
  actionId: string;
}

const userId = async (db: Db, email: string): Promise<string> =>
  (await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow())
    .id;

/**
 * An engagement moved through its phases as the lead would: a recommendation written while
 * listening, sent at synthesis, answered (adopt, published) at response, with one action for the
 * council officer, due on 15 January 2027.
 */
export async function answeredRecommendation(
  db: Db,
  at = '2026-11-26T09:00:00.000Z',
): Promise<AnsweredRecommendation> {
  const engagement = await startListening(db, at);
  const [lead, decisionMaker, officer] = await Promise.all([
    userId(db, DEMO.lead),
    userId(db, DEMO.decisionMaker),
    userId(db, DEMO.officer),
  ]);
  const recommendationId = await insertRecommendation(
    db,
    {
      engagementId: engagement.id,
      askedPlain: ANSWERED.askedPlain,
      askedEasyRead: ANSWERED.askedEasyRead,
      writtenById: lead,
    },
    at,
  );
  await setPhase(db, engagement.id, 'synthesis', at);
  await sendDrafts(db, engagement.id, lead, at);
  await setPhase(db, engagement.id, 'response', at);
  const { id: responseId } = await saveResponse(
    db,
    recommendationId,
    {
      decision: 'adopt',
      reasonsPlain: ANSWERED.reasonsPlain,
      reasonsEasyRead: ANSWERED.reasonsEasyRead,
      publish: true,
      byId: decisionMaker,
    },
    at,
  );
  const actionId = await insertAction(
    db,
    {
      responseId,
      what: ANSWERED.action,
      ownerId: officer,
      dueOn: '2027-01-15',
      byId: decisionMaker,
    },
    at,
  );
  return { engagement, recommendationId, responseId, actionId };
}
