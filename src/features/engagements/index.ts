export type {
  Commitment,
  Engagement,
  Perspective,
  Phase,
  Prompt,
  PromptKind,
} from './engagements.core.ts';
export {
  PERSPECTIVES,
  PHASES,
  PROMPT_KINDS,
  isPerspective,
  takesVoices,
} from './engagements.core.ts';
export type { EngagementSummary, EngagementFields } from './engagements.repository.ts';
export {
  advocatesFor,
  findEngagement,
  findStatementsPrompt,
  insertCommitment,
  insertEngagement,
  insertPrompt,
  listCommitments,
  listEngagementsOf,
  listListeningEngagements,
  listPrompts,
  setPhase,
} from './engagements.repository.ts';
export { can, isParty } from './engagements.permissions.ts';
export { engagementFor, loadRecord } from './engagements.service.ts';
export { engagementsRoutes } from './engagements.routes.ts';
export { engagementsApi } from './engagements.api.ts';
