export type { EngagementSummary, Phase } from './engagements.repository.ts';
export { PHASES, insertEngagement, listEngagementsOf } from './engagements.repository.ts';
