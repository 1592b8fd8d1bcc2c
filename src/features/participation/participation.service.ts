import type { Deps } from '../../platform/deps.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import {
  type Commitment,
  type Engagement,
  type Prompt,
  findEngagement,
  findStatementsPrompt,
  listCommitments,
  listPrompts,
} from '../engagements/index.ts';
import { findOrganisation } from '../organisations/index.ts';
import type { ReadingFormat } from './participation.cookies.ts';
import { answerField } from './participation.schemas.ts';

/** What the public may read about an engagement, with the names of who asks and who listens. */
export interface PublicEngagement {
  engagement: Engagement;
  /** The questions people answer in their own words. */
  prompts: Prompt[];
  /** The question whose statements people agree or disagree with, on the voting page. */
  statementsPrompt: Prompt | undefined;
  /** The latest version: the one that stands. */
  commitment: Commitment | undefined;
  /** Earlier versions, newest first: a changed promise stays visible. */
  earlierCommitments: Commitment[];
  councilName: string;
  advocacyName: string;
}

/**
 * An engagement as anyone may see it. A draft is not public: it is as if it did not exist.
 * Later phases are found, so a person can be told plainly that answers have closed.
 */
export async function publicEngagement(
  deps: Deps,
  engagementId: string,
): Promise<PublicEngagement> {
  const engagement = await findEngagement(deps.db, engagementId);
  if (engagement === undefined || engagement.phase === 'draft') throw new NotFoundError();
  const [prompts, statementsPrompt, commitments, council, advocacy] = await Promise.all([
    listPrompts(deps.db, engagement.id),
    findStatementsPrompt(deps.db, engagement.id),
    listCommitments(deps.db, engagement.id),
    findOrganisation(deps.db, engagement.commissioningOrganisationId),
    findOrganisation(deps.db, engagement.advocacyOrganisationId),
  ]);
  return {
    engagement,
    prompts,
    statementsPrompt,
    commitment: commitments[0],
    earlierCommitments: commitments.slice(1),
    councilName: council?.name ?? '',
    advocacyName: advocacy?.name ?? '',
  };
}

export interface Question {
  promptId: string;
  /** The form field its answer is typed in. */
  field: string;
  text: string;
  influences: string;
}

/** A question in the words the person chose to read. */
export const questionIn = (prompt: Prompt, format: ReadingFormat): Question => ({
  promptId: prompt.id,
  field: answerField(prompt.id),
  text: format === 'easy-read' ? prompt.questionEasyRead : prompt.questionPlain,
  influences: prompt.influences,
});

/** The questions in the words the person chose to read. */
export const questionsIn = (prompts: readonly Prompt[], format: ReadingFormat): Question[] =>
  prompts.map((prompt) => questionIn(prompt, format));
