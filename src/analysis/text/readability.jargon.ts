// Words that people outside the care system often do not use or understand. Each term's message,
// with a plainer alternative where there is one, is the catalogue key readability.jargon.<id>.
// Patterns are matched whole-word and ignoring case; a space in a term may also be a hyphen.

export interface JargonTerm {
  id: string;
  /** Regular expression source for the term and its usual forms. */
  pattern: string;
  /** Fine in plain English for staff and the public, but too hard for Easy Read. */
  easyReadOnly?: boolean;
}

export const JARGON: readonly JargonTerm[] = [
  { id: 'commissioning', pattern: 'commissioning|commissioned|commissioners?' },
  { id: 'coproduction', pattern: 'co-?production|co-?produc(?:e|ed|es|ing)' },
  { id: 'stakeholder', pattern: 'stakeholders?' },
  { id: 'outcomes', pattern: 'outcomes?' },
  { id: 'pathway', pattern: 'pathways?' },
  { id: 'holistic', pattern: 'holistic(?:ally)?' },
  { id: 'leverage', pattern: 'leverag(?:e|ed|es|ing)' },
  { id: 'signposting', pattern: 'signpost(?:s|ed|ing)?' },
  { id: 'cohort', pattern: 'cohorts?' },
  { id: 'serviceUser', pattern: 'service users?' },
  { id: 'utilise', pattern: 'utili[sz](?:e|ed|es|ing|ation)' },
  { id: 'facilitate', pattern: 'facilitat(?:e|ed|es|ing|ion|ors?)' },
  { id: 'strategic', pattern: 'strategic(?:ally)?' },
  { id: 'paradigm', pattern: 'paradigms?' },
  { id: 'multiAgency', pattern: 'multi ?agency' },
  { id: 'personCentred', pattern: 'person cent(?:red|ered)' },
  { id: 'provision', pattern: 'provision' },
  { id: 'implement', pattern: 'implement(?:s|ed|ing|ation)?' },
  { id: 'goingForward', pattern: 'going forward' },
  { id: 'priorTo', pattern: 'prior to' },
  { id: 'inOrderTo', pattern: 'in order to' },
  { id: 'withRegardTo', pattern: 'with (?:regard|respect) to|in relation to' },
  { id: 'commence', pattern: 'commenc(?:e|ed|es|ing|ement)' },
  { id: 'ascertain', pattern: 'ascertain(?:s|ed|ing)?' },
  { id: 'endeavour', pattern: 'endeavou?r(?:s|ed|ing)?' },
  { id: 'optimise', pattern: 'optimi[sz](?:e|ed|es|ing|ation)' },
  { id: 'bestPractice', pattern: 'best practice' },
  { id: 'touchBase', pattern: 'touch(?:ing)? base' },
  { id: 'robust', pattern: 'robust' },
  { id: 'streamline', pattern: 'streamlin(?:e|ed|es|ing)' },
  { id: 'empower', pattern: 'empower(?:s|ed|ing|ment)?' },
  { id: 'proactive', pattern: 'pro-?active(?:ly)?' },
  { id: 'deliverables', pattern: 'deliverables?' },
  { id: 'kpi', pattern: 'key performance indicators?|kpis?' },
  { id: 'reablement', pattern: 're-?ablement' },
  { id: 'domiciliary', pattern: 'domiciliary' },
  { id: 'respite', pattern: 'respite' },
  { id: 'triage', pattern: 'triag(?:e|ed|es|ing)' },
  { id: 'safeguarding', pattern: 'safeguard(?:s|ed|ing)?', easyReadOnly: true },
  { id: 'assessment', pattern: 'assess(?:ment|ments|ed|ing)?', easyReadOnly: true },
  { id: 'eligible', pattern: 'eligib(?:le|ility)|ineligible', easyReadOnly: true },
];
