import type { FieldErrors, Result } from '../../platform/result.ts';
import { invalid, ok } from '../../platform/result.ts';

export const PHASES = [
  'draft',
  'listening',
  'synthesis',
  'response',
  'feedback',
  'closed',
] as const;
export type Phase = (typeof PHASES)[number];

/** Who a person is answering as. */
export const PERSPECTIVES = [
  'lived_experience',
  'family_carer',
  'professional',
  'provider',
  'community_member',
] as const;
export type Perspective = (typeof PERSPECTIVES)[number];

/** Whether a value read from a file or a command line names one of the perspectives. */
export const isPerspective = (value: string): value is Perspective =>
  (PERSPECTIVES as readonly string[]).includes(value);

export interface Engagement {
  id: string;
  title: string;
  commissioningOrganisationId: string;
  advocacyOrganisationId: string;
  phase: Phase;
  purposePlain: string;
  purposeEasyRead: string;
  openToInfluence: string;
  alreadyDecided: string;
  audiences: Perspective[];
  areas: string[];
  startsOn: string | null;
  endsOn: string | null;
  safeguardingLeadId: string | null;
  safeguardingDeputyId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Commitment {
  version: number;
  statement: string;
  /** The date (YYYY-MM-DD) by which the decision maker will respond to what is heard. */
  respondBy: string;
  signerId: string;
  signerName: string;
  signerRole: string;
  signedAt: string;
}

/**
 * What a question asks of people: `open`, an answer in their own words; `statements`, votes on
 * statements to agree or disagree with. An engagement has at most one statements question: its
 * statements are the engagement's, voted on together on one page and mapped together.
 */
export const PROMPT_KINDS = ['open', 'statements'] as const;
export type PromptKind = (typeof PROMPT_KINDS)[number];

export interface Prompt {
  id: string;
  engagementId: string;
  position: number;
  kind: PromptKind;
  questionPlain: string;
  questionEasyRead: string;
  influences: string;
}

/** Voices come in only while an engagement is listening. */
export const takesVoices = (engagement: Pick<Engagement, 'phase'>): boolean =>
  engagement.phase === 'listening';

/**
 * Phases move forward one step at a time; closed is the end. There is no going back: people
 * were told what stage the engagement is at, and the record must not contradict it.
 */
export function phaseMovesFrom(phase: Phase): Phase[] {
  const next = PHASES[PHASES.indexOf(phase) + 1];
  return next === undefined ? [] : [next];
}

/**
 * Whether an engagement may move to a phase. Listening needs the decision maker's signed
 * commitment, a safeguarding lead and deputy, a purpose in both registers and a prompt: a
 * consultation with no buy-in, or nobody to act on a disclosure, is not ready to listen. A
 * statements question also needs a statement shown for votes (`seedStatements`, approved):
 * otherwise the first people to come find nothing to vote on.
 */
export function checkPhaseMove(
  engagement: Engagement,
  commitment: Commitment | undefined,
  prompts: readonly Prompt[],
  seedStatements: number,
  target: Phase,
): Result<Phase> {
  if (!phaseMovesFrom(engagement.phase).includes(target))
    return invalid({ phase: 'validation.phase.notNext' });
  if (target !== 'listening' || engagement.phase !== 'draft') return ok(target);
  const errors: FieldErrors = {};
  if (commitment === undefined) errors.commitment = 'validation.phase.needsCommitment';
  if (engagement.safeguardingLeadId === null || engagement.safeguardingDeputyId === null) {
    errors.safeguarding = 'validation.phase.needsSafeguarding';
  }
  if (engagement.purposePlain === '' || engagement.purposeEasyRead === '')
    errors.purpose = 'validation.phase.needsPurpose';
  if (prompts.length === 0) errors.prompts = 'validation.phase.needsPrompt';
  if (prompts.some((prompt) => prompt.kind === 'statements') && seedStatements === 0)
    errors.statements = 'validation.phase.needsSeedStatement';
  return Object.keys(errors).length > 0 ? invalid(errors) : ok(target);
}

/** What still stands between a draft and listening, for the overview's checklist. */
export function readinessToListen(
  engagement: Engagement,
  commitment: Commitment | undefined,
  prompts: readonly Prompt[],
  seedStatements: number,
): FieldErrors {
  const check = checkPhaseMove(
    { ...engagement, phase: 'draft' },
    commitment,
    prompts,
    seedStatements,
    'listening',
  );
  return check.ok ? {} : check.errors;
}
