// What people decide when sorting voices (issue 6), and what follows from it. A machine only
// suggests; these are the decisions of named people, each with a reason.

export const SAFEGUARDING_OUTCOMES = ['raised', 'no_concern', 'already_known'] as const;
export type SafeguardingOutcome = (typeof SAFEGUARDING_OUTCOMES)[number];

export const SORT_OUTCOMES = ['design_input', 'individual_concern', 'off_topic'] as const;
export type SortOutcome = (typeof SORT_OUTCOMES)[number];

export const CONSENT_ANSWERS = ['yes', 'no'] as const;
export type ConsentAnswer = (typeof CONSENT_ANSWERS)[number];

/** How the advocate asked the person whether their concern may be passed on. */
export const ASKED_HOW = ['contact_route', 'session'] as const;
export type AskedHow = (typeof ASKED_HOW)[number];

/** How the person was told where their concern went. */
export const TOLD_HOW = ['contact_route', 'session', 'advocate'] as const;
export type ToldHow = (typeof TOLD_HOW)[number];

export const WEIGH_AS = ['one', 'many'] as const;
export type WeighAs = (typeof WEIGH_AS)[number];

/**
 * Where a voice stands, kept on the voice so lists can filter on it. Safeguarding comes first:
 * while a flag is open, or once a named person has raised it or found it already known, the
 * voice never reaches council roles, whatever else is decided about it.
 */
export const TRIAGE_STATES = [
  'new',
  'safeguarding_flagged',
  'safeguarding_raised',
  'safeguarding_known',
  'concern_suggested',
  'design_input',
  'individual_concern',
  'off_topic',
] as const;
export type TriageState = (typeof TRIAGE_STATES)[number];

export interface TriageFacts {
  /**
   * A rule or model flagged the voice and no named person has decided since (a flag raised
   * again on corrected words opens again). No machine ever takes a flag away.
   */
  flagOpen: boolean;
  /** The newest safeguarding decision by a named person, if any. */
  safeguarding: SafeguardingOutcome | undefined;
  concernSuggested: boolean;
  /** The newest sorting decision by a person, if any. */
  sort: SortOutcome | undefined;
}

export function triageState(facts: TriageFacts): TriageState {
  if (facts.flagOpen) return 'safeguarding_flagged';
  if (facts.safeguarding === 'raised') return 'safeguarding_raised';
  if (facts.safeguarding === 'already_known') return 'safeguarding_known';
  if (facts.sort !== undefined) return facts.sort;
  return facts.concernSuggested ? 'concern_suggested' : 'new';
}

/**
 * Council roles may read a voice only once nothing marks it as a person's own case or a
 * possible safeguarding matter: never while a flag is open, never a raised or known concern,
 * never a suggested or confirmed individual concern. They see those as counts.
 */
export const COUNCIL_READABLE: ReadonlySet<string> = new Set<TriageState>([
  'new',
  'design_input',
  'off_topic',
]);
export const councilMayRead = (state: string): boolean => COUNCIL_READABLE.has(state);
