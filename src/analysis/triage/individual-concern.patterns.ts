// Signals that a voice is about one person's own case (a complaint or a case for casework) rather
// than a view about how services should be. Sources are regular expressions over folded text
// (see text-match.ts), matched as whole words; weights are how much each signal moves the score.

export const CONCERN_SIGNALS = [
  'own-case',
  'problem',
  'how-long',
  'case-reference',
  'named-staff',
  'asks-for-help',
  'complaint',
  'resolved',
  'general',
  'suggestion',
] as const;

export type ConcernSignal = (typeof CONCERN_SIGNALS)[number];

export interface SignalRule {
  signal: ConcernSignal;
  weight: number;
  sources: readonly string[];
}

const RELATIVE =
  '(?:mum|mom|mam|mother|dad|father|husband|wife|partner|son|daughter|brother|sister|nan|nana|gran|grandad|grandma|grandmother|grandfather|aunt|auntie|uncle|friend|neighbour|neighbor|client)';
const OURS = `(?:my|our|my ${RELATIVE}'?s|${RELATIVE}'?s|his|her)`;
const SERVICE =
  '(?:direct payments?|care package|package of care|package|personal budget|budget|care plan|support plan|assessment|reassessment|review|social worker|carers?|care workers?|care agency|agency|home care|care calls?|calls|visits|respite|placement|referral|blue badge|adaptations?|ramp|stair ?lift|hoist|wheelchair|ot|occupational therapist|financial assessment|bill|invoice|charges?|contribution|appeal|complaint|case|application|day centre|day service|care home|fees|hours|support worker|pa|personal assistant|carers assessment|funding|meals)';

export const CONCERN_RULES: readonly SignalRule[] = [
  {
    signal: 'own-case',
    weight: 0.3,
    sources: [
      `${OURS} (?:\\w+ )?${SERVICE}`,
      `(?:my|our) ${RELATIVE}`,
      '(?:mum|dad|mam)',
      '(?:i|we) (?:applied|asked|rang|phoned|emailed|wrote|requested|reported|was assessed|were told)',
      "i(?:'?m| am) writing about my",
      "(?:i'?ve|i have|we'?ve|we have) (?:had|rung|rang|emailed|phoned|waited|complained|been)",
      '(?:ive|weve) ',
      "(?:i'?ve|i have|we'?ve|we have|she'?s|he'?s|she has|he has) (?:been|now been) (?:waiting|chasing|left|told|refused|charged|turned down|without)",
      "i (?:was|am|got|have been|'?ve been) (?:told|refused|charged|billed|sent|turned down|discharged|assessed|cut)",
      "(?:we|i) (?:still )?(?:haven'?t|have not|havent) (?:had|got|heard|received)",
    ],
  },
  {
    signal: 'problem',
    weight: 0.25,
    sources: [
      '(?:was|were|has been|have been|got|been|they|council|agency) stopped',
      'stopped (?:my|her|his|our|their|the)',
      'keeps? (?:giving|sending|cancelling|missing|losing|changing)',
      '(?:never|not) (?:came|come|coming) back',
      '(?:promised|said (?:she|he|they) would)',
      '(?:nobody|no one|noone) (?:ever )?(?:followed|told|explained)',
      "(?:isn'?t|not|aren'?t|wasn'?t) (?:giving|getting|given)",
      '(?:does|did|do) nothing',
      '(?:late|cut|cuts|reduced|cancelled|canceled|cancelling|withdrawn|refused|turned down|denied|lost|missed|overcharg\\w*|wrongly charged|charged twice|backdated|suspended|closed|ignored|wrong|broken|frozen|stuck|ending|taken away|got nowhere|nothing since|short|sore)',
      "(?:won'?t|will not|didn'?t|did not|doesn'?t|never) (?:answer|reply|ring|call|come|came|send|sent|happen|happened|explain|tell)",
      "(?:it|they) (?:didn'?t|did not|haven'?t|have not)",
      '(?:without|with no) (?:us|me|anyone|any) (?:being )?(?:asked|told|notice|reason|warning|explanation|meeting)',
      '(?:no one|nobody|noone) (?:from|at|has|had|can|will|came|come)',
      "(?:don'?t|do not|didn'?t) (?:understand|know) (?:how|why|what)",
      'only (?:stay|stays|stayed|get|got|had)',
      "(?:can'?t|cannot) (?:afford|pay|get)",
      "(?:still|never) (?:waiting|not|no|haven'?t|hasn'?t|came|turned up|called|rang|replied|heard|arrived|sorted)",
      '(?:nobody|no one|noone|no-one) (?:has )?(?:called|rang|rung|replied|got back|contacted|come|phoned)',
      "(?:not|hasn'?t|haven'?t|wasn'?t|weren'?t) (?:been )?(?:paid|done|sorted|arranged|returned|answered|called back|reviewed|assessed)",
      '(?:waiting|waited|chasing|chased) (?:for|since|on)',
      'been waiting',
    ],
  },
  {
    signal: 'how-long',
    weight: 0.15,
    sources: [
      '(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|several|a few|a couple of) (?:more )?(?:days|weeks|wks|months|years)',
      '(?:last|this|next) (?:week|month|year|monday|tuesday|wednesday|thursday|friday|saturday|sunday)',
      '(?:in|on|since|until|till) (?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\w*',
      'since (?:january|february|march|april|may|june|july|august|september|october|november|december|last \\w+|christmas|easter|the summer|the spring|the autumn)',
    ],
  },
  {
    signal: 'case-reference',
    weight: 0.5,
    sources: [
      '(?:case|ref|reference|complaint|claim|customer|nhs|client|account) ?(?:no\\.?|number|num|#|ref)? ?:? ?[a-z]{0,4}[- /]?\\d{3,}',
      '[a-z]{2,4}[-/]?\\d{4,}',
    ],
  },
  {
    signal: 'asks-for-help',
    weight: 0.3,
    sources: [
      '(?:can|could) (?:you|someone|somebody|anyone|anybody) (?:please )?(?:help|look into|chase|sort|call|ring|find out)',
      '(?:please )?(?:help me|call me|ring me|contact me|get back to me|email me)',
      "i (?:want|need|would like|'?d like) (?:to )?(?:complain|make a complaint|someone to|help with|an answer|to know why)",
      '(?:who|where) (?:do|can|should) i (?:speak|talk|go|complain|turn)',
      'what (?:can|should|do) (?:i|we) do',
    ],
  },
  {
    signal: 'complaint',
    weight: 0.25,
    sources: ['(?<!no )complain(?:t|ts|ed|ing)?', 'ombudsman', 'solicitor', 'legal action', 'mp'],
  },
  {
    signal: 'resolved',
    weight: -0.6,
    sources: [
      "(?:was|were|got|has been|have been|it'?s been|all|now|finally|eventually) (?:all )?(?:sorted|resolved|fixed|put right|reinstated|backdated|refunded|apologised)",
      "(?:it'?s|it is|things are|all) (?:fine|ok|okay|good|sorted|great) now",
      'in the end (?:it|they|we|she|he)',
      'that was (?:years|months|a while|ages|a long time) ago',
      'no longer (?:a problem|an issue)',
      '(?:back then|at the time|years ago)',
      '(?:they|and|who) (?:sorted|fixed|resolved|put right) (?:it|things|everything)',
      'apologised',
      "(?:was|were|has been|have been|got|is|it'?s) (?:now )?(?:restored|healed|reinstated)",
      '(?:has|have) healed',
      'in the past',
    ],
  },
  {
    signal: 'general',
    weight: -0.2,
    sources: [
      "(?:people|everyone|everybody|families|family carers|carers|service users|residents|folk|clients|disabled people|older people|anyone)(?: \\w+){0,2} (?:wait|waits|are|get|have|don'?t|can'?t|shouldn'?t|should|need|end up|feel)",
      '(?:too many|lots of|a lot of|many|most|some) (?:people|families|carers)',
    ],
  },
  {
    signal: 'suggestion',
    weight: -0.3,
    sources: [
      'should',
      'could (?:there|they|the council|services|we)',
      'would be (?:good|better|nice|great|helpful|lovely)',
      'it would help',
      "(?:i'?d|i would) (?:like|love) (?:to see|there to be|more|a)",
      'i wish (?:there|they|the council|services|people)',
      'why not',
      'needs? to',
      'ought to',
      'suggest\\w*',
      'idea',
      'instead of',
    ],
  },
];
