// The phrases that suggest a possible safeguarding disclosure, one list per category of the Care
// Act statutory guidance (chapter 14) plus risk to life. Sources are regular expressions over
// folded text (lower case, straight apostrophes; see text-match.ts), matched as whole words.
// Apostrophes are optional ("hes", "dont") and common misspellings are listed ("hiting",
// "neglegted"), because people write in a hurry. Wide on purpose: a missed disclosure costs far
// more than a lead reading one more voice.

export const SAFEGUARDING_CATEGORIES = [
  'physical',
  'domestic',
  'sexual',
  'psychological',
  'financial',
  'modern_slavery',
  'discriminatory',
  'organisational',
  'neglect',
  'self_neglect',
  'risk_to_life',
] as const;

export type SafeguardingCategory = (typeof SAFEGUARDING_CATEGORIES)[number];

export interface CategoryRules {
  /** Words that name harm outright ("abuse", "suicide"). */
  clear: readonly string[];
  /** Words that often describe harm but have everyday meanings too. */
  possible: readonly string[];
}

// Someone harmed: me, her, him, them, us, or a person named by relation ("my mum", "his wife").
const WHO =
  '(?:me|her|him|them|us|my \\w+|his \\w+|her \\w+|their \\w+|our \\w+|mum|dad|nan|gran|(?:the|a) (?:residents?|patients?|lady|man|woman|old \\w+))';
// Whose: my, her, his, their, our, or a name or relation with or without an apostrophe.
const WHOSE = "(?:my|her|his|their|our|your|[a-z]+'?s)";
const SELF = '(?:my|him|her|them|your|our)sel(?:f|ves)';
const PARTNER =
  '(?:husband|wife|partner|boyfriend|girlfriend|fiance|fiancee|ex|son|daughter|brother|sister|step-?dad|step-?mum|grandson|granddaughter|nephew|carer|father|mother)';
const MONEY =
  '(?:money|monies|pension|benefits?|savings|cash|bank ?cards?|bank account|debit cards?|credit cards?|cards?|pin(?: number)?|wages|allowance|pip|attendance allowance|universal credit|jewell?e?ry|rings?|valuables|inheritance|purse|wallet)';

export const SAFEGUARDING_RULES: Record<SafeguardingCategory, CategoryRules> = {
  physical: {
    clear: [
      'physical(?:ly)? (?:abus\\w*|hurt|harm\\w*|assault\\w*)',
      'assault(?:ed|s|ing)?',
      'beat(?:en|s|ing)? (?:up|' + WHO + ')',
      'beaten',
      'punch(?:ed|es|ing)?',
      'kick(?:ed|s|ing)? (?:' + WHO + '|out at)',
      'slap(?:ped|s|ping|ed)?',
      'chok(?:e|ed|es|ing)',
      'strangl\\w*',
      'black eye',
    ],
    possible: [
      '(?<!(?:a|big|massive|huge|real|instant|smash) |(?:cost of living|cuts?|closures?|prices|bills|changes|pandemic|covid|lockdown|recession)(?: \\w+)? )h+it+(?:s|ting|ing|ed)?(?! and miss| or miss| the (?:roof|ground|news|headlines|target|spot)| (?:us all|us|everyone|families|people|older people|carers|the \\w+) hard)',
      'hiting',
      'shov(?:e|ed|es|ing)',
      'push(?:ed|es|ing)? ' + WHO,
      'grab(?:bed|s|bing)? ' + WHO,
      'pinch(?:ed|es|ing)? ' + WHO,
      'bruis\\w*',
      'marks on ' + WHOSE,
      'thr[eo]w\\w* (?:things|stuff|\\w+) at ' + WHO,
      'burn(?:t|ed) ' + WHO,
      'restrain\\w*',
      'rough(?:ly)? (?:handl\\w*|with)',
      'manhandl\\w*',
      'drag(?:s|ged|ging)? ' + WHO,
      'hurt(?:s|ing)? ' + WHO,
      'tied ' + WHO,
      'violen(?:t|ce)',
      'over-?medicat\\w*',
      'force[ -]?fe(?:d|ed|eding)',
    ],
  },
  domestic: {
    clear: [
      'domestic(?:ally)? (?:abus\\w*|violen\\w*)',
      'coercive(?:ly)? control\\w*',
      'forced (?:in)?to marry',
      'forced marriage',
      'honou?r[- ]based',
    ],
    possible: [
      'controlling ' + PARTNER,
      WHOSE +
        ' ' +
        PARTNER +
        " (?:hits|hit|beat|beats|hurt|hurts|punched|kicked|slapped|threatens|controls|won'?t let)",
      '(?:violent|abusive) (?:relationship|marriage|partner|husband|wife|ex)',
      '(?:make|makes|making|want|wants|forcing|force|forces|pressur\\w*) (?:\\w+ )?(?:me|her|him) (?:to )?marry',
      "(?:he|she) (?:won'?t|doesn'?t|does not|will not) let (?:me|her|him) (?:go|see|leave|out|have|talk|speak|phone|use)",
      '(?:checks|takes|smashed|broke) my phone',
      '(?:scared|afraid|frightened|terrified) of (?:my|her|his) ' + PARTNER,
    ],
  },
  sexual: {
    clear: [
      'sexual(?:ly)? (?:abus\\w*|assault\\w*|exploit\\w*|harass\\w*|touch\\w*|inappropriate)',
      'rap(?:e|ed|es|ing|ist)',
      'molest\\w*',
      'indecent\\w*',
    ],
    possible: [
      'inappropriate(?:ly)? touch\\w*',
      'touch(?:ed|es|ing)? ' + WHO + ' (?:inappropriately|down there|there|where|between|under)',
      'touch(?:ed|es|ing)? (?:me|her|him) up',
      'grop\\w*',
      'flash(?:ed|es|ing) (?:at )?' + WHO,
      'exposed (?:him|her)self',
      'groom(?:ed|ing|s)',
      'made ' + WHO + ' (?:watch porn|undress|strip)',
      'sen[dt]\\w* (?:me|her|him) (?:nudes?|naked|explicit|dirty)',
      'sexual(?:ly)?',
      'unwanted (?:sexual|touching|advances)',
      'sit on (?:his|her) (?:knee|lap)',
      '(?:asks?|asking|asked|wants|wanted) (?:me|her|him) to (?:sit on|kiss|touch|undress|sleep with|send)',
      'sex(?:ual)? (?:with|for) (?:money|drugs|a place)',
    ],
  },
  psychological: {
    clear: [
      '(?:emotional|psychological|verbal|mental)(?:ly)? (?:abus\\w*|cruel\\w*|bull\\w*)',
      'bull(?:y|ied|ies|ying|yed)',
      'intimidat\\w*',
      'humiliat\\w*',
      'threat(?:en|ened|ens|ening|s)?(?! to (?:leave|quit|resign|strike|close)(?! me| her| him))',
      'gaslight\\w*',
    ],
    possible: [
      '(?:shout|scream|yell|screech|swear|swore)\\w* at ' + WHO,
      'call(?:s|ed|ing)? ' +
        WHO +
        ' (?:names|stupid|useless|a burden|fat|thick|an idiot|disgusting|lazy|worthless)',
      'belittl\\w*',
      'isolat(?:es|ed|ing) ' + WHO,
      'keeps? ' + WHO + ' (?:away from|isolated|locked|from seeing)',
      "(?:won'?t|will not|doesn'?t|does not) let " + WHO + ' see',
      'mock(?:s|ed|ing)? ' + WHO,
      'made ' +
        WHO +
        ' feel (?:worthless|small|stupid|useless|scared|frightened|like a burden|like rubbish|like dirt)',
      '(?:scared|afraid|frightened|terrified) of (?:him|her|them|my|his|the|going home|anyone|anybody|people|going out)',
      'terrified',
      'manipulat\\w*',
      'blackmail\\w*',
      'controlling',
      'walking on eggshells',
      "(?:don'?t|not to|never|mustn'?t) tell (?:anyone|anybody|the office|your family|your social worker)",
      'if (?:i|you|she|he|they) (?:tells?|told) (?:anyone|anybody)',
      '(?:our|a) (?:little )?secret',
      '(?:have|get|got) (?:me|her|him) (?:put away|sectioned|locked up|put in a home)',
      'waste of space',
      "(?:i'?m|i am|she'?s|she is|he'?s|he is|i feel|she feels|he feels) (?:so |really |very )?(?:frightened|scared|afraid)(?=\\s*(?:[.!?,;]|$))",
    ],
  },
  financial: {
    clear: [
      'financial(?:ly)? (?:abus\\w*|exploit\\w*)',
      'sca(?:m|mmed|mmer|mmers|ms)',
      'fraud\\w*',
      '(?:st(?:ole|olen|eal|eals|ealing)|nick(?:ed|s|ing)|thiev\\w*|theft)',
    ],
    possible: [
      '(?:took|tak(?:e|es|en|ing)|spen(?:d|ds|t|ding)|kept|keep(?:s|ing)?|us(?:es|ed|ing)|borrow(?:s|ed|ing)?|cash(?:es|ed|ing)|withdr[ae]w\\w*|emptied|empty(?:ing)?|control(?:s|led|ling)?|help(?:s|ed|ing)? (?:him|her|them)sel(?:f|ves) to|ha(?:s|d|ve) got) (?:all |some |some of |most of |half )?(?:of )?(?:' +
        WHOSE +
        ' ){0,2}' +
        MONEY,
      '(?:money|cash|pension|savings|jewell?e?ry) (?:has |had |have |keeps |kept )?(?:gone|going|went|goes) missing',
      'missing (?:money|cash|jewell?e?ry|savings)',
      '(?:money|cash|pension|savings|jewell?e?ry) (?:was |were |has been |had been |have been |being )?(?:taken|stolen|spent|used)',
      '(?:money|cash|pension|savings) (?:have|has|had) (?:all )?(?:gone|disappeared|vanished)',
      'misus(?:e|es|ed|ing)',
      '(?:bought|buys|buying|treated) (?:him|her|them)sel(?:f|ves) (?:\\w+ ){0,3}with',
      'made ' +
        WHO +
        ' (?:sign|change) (?:\\w+ ){0,2}(?:will|cheque|lpa|power of attorney|papers|forms)',
      'misus\\w* (?:the |her |his |my )?(?:power of attorney|lpa|money|cards?|pension)',
      'pressur\\w* ' + WHO + ' (?:into|to) (?:give|giving|sign|signing|lend|lending|hand|handing)',
      '(?:asks?|asking|begs?|begging) (?:me|her|him|mum|dad) for money',
      "(?:won'?t|will not|doesn'?t) (?:give|let) (?:me|her|him) (?:have )?(?:my|her|his) (?:own )?(?:money|pension|card|cash)",
      'owe[sd]? (?:him|her|them) (?:money|thousands|hundreds)',
      '(?:lend|loan|give|giving|gave|lent) (?:him|her|them) £?\\d+',
      '(?:asked|asks|asking) (?:\\w+ ){0,2}(?:to )?(?:lend|loan|borrow)',
      'to the (?:cashpoint|cash machine|atm|hole in the wall)',
    ],
  },
  modern_slavery: {
    clear: ['modern slavery', 'slave(?:ry)?', 'traffick\\w*', 'cuckoo(?:ing|ed)?', 'county lines'],
    possible: [
      'forced (?:to )?(?:labou?r|work)',
      'work(?:s|ed|ing)? (?:for )?(?:no|nothing|free|hardly anything|no money|no pay|food and a bed)',
      '(?:took|tak(?:e|es|en)|kept|keep(?:s|ing)?|hold(?:s|ing)?|held) (?:' +
        WHOSE +
        ' )?(?:passports?|id|documents|papers)',
      '(?:passports?|documents|id) (?:was |were |has been |have been )?(?:taken|kept|held)',
      'debt bondage',
      '(?:makes?|made|making|forced?|forcing) (?:me|her|him|them) (?:to )?work',
      'all hours for (?:nothing|no pay|no money|free|pennies)',
      'never (?:seems? to )?(?:go(?:es)? out|leaves?|gets? paid)',
      "(?:isn'?t|aren'?t|not|never) (?:ever )?allowed out",
      'paying off (?:a|the|his|her|their) debt',
      "(?:not allowed|can'?t|cannot|isn'?t allowed) to leave",
      'sleep(?:s|ing)? in (?:the|a) (?:shed|garage|van|car|outbuilding)',
      '(?:took|taken|taking) over (?:' + WHOSE + ' ){0,2}(?:flat|house|home)',
      '(?:men|people|lads|dealers) (?:staying|living|dealing) (?:in|at|from) (?:his|her|their|my) (?:flat|house|place)',
    ],
  },
  discriminatory: {
    clear: [
      'racis\\w*',
      'racial(?:ly)? (?:abus\\w*|slur\\w*|harass\\w*)',
      '(?:homo|trans|bi|islamo|xeno)phob\\w*',
      'anti-?semit\\w*',
      'sexis\\w*',
      'misogyn\\w*',
      'disablis\\w*',
      'ableis\\w*',
      'hate (?:crime|incident)s?',
      'discriminat\\w*',
    ],
    possible: [
      "because (?:i'?m|i am|she'?s|she is|he'?s|he is|they'?re|they are|we'?re|we are) (?:black|gay|lesbian|muslim|disabled|trans|deaf|blind|jewish|a woman|old|foreign|asian|a traveller|gypsy|polish|autistic|in a wheelchair|bisexual)",
      'slurs?',
      '(?:laugh|mock|sneer|jok)\\w* (?:at|about) (?:my|her|his|their) (?:accent|disability|religion|colou?r|skin|wheelchair|sexuality|hijab|turban|stammer)',
      "(?:won'?t|wouldn'?t|refus\\w*) (?:to )?(?:care for|serve|help|work with) (?:me|her|him|them) because",
      'go back to (?:your|her|his|their) (?:own )?country',
      "(?:refused|won'?t let|wouldn'?t let|not allowed|stopped) (?:\\w+ )?(?:to )?(?:pray|fast|practise (?:his|her|their) (?:faith|religion)|wear (?:her|his|a) (?:hijab|turban|headscarf|kippah))",
      '(?:muslims|jews|blacks|gays|gypsies|travellers|foreigners|immigrants|asians|disabled people|poles) are (?:trouble|dirty|lazy|scum|animals|a problem|the problem|disgusting)',
    ],
  },
  organisational: {
    clear: ['(?:organisational|organizational|institutional) (?:abus\\w*|neglect\\w*)'],
    possible: [
      '(?:residents|patients|people|everyone|they|we) (?:are|were|get|got) (?:all )?(?:left|ignored|shouted at|locked in|put to bed|got up|rushed)',
      '(?:all |everyone )?put to bed at (?:\\d|four|five|six|seven|half)',
      '(?:call )?(?:bells?|buzzers?) (?:are |were |get |gets |got |is |was )?(?:ignored|not answered|unanswered|turned off|switched off|out of reach|taken away)',
      'ignor(?:e|ed|es|ing) (?:the |her |his |my )?(?:call )?(?:bells?|buzzers?)',
      'lock(?:s|ed|ing)? (?:\\w+ ){0,2}(?:in|into) (?:their|her|his|my) rooms?',
      '(?:took|taken|take|takes|taking|moved|moves) (?:the |her |his |my |their )?(?:call )?(?:bells?|buzzers?)',
      '(?:got|get|gets|getting) (?:everyone|everybody|the residents|residents|them all|people) up at',
      'sedat(?:ed|ing|es)',
      '(?:sedat|drugg)(?:e|ed|es|ing)\\w* ' + WHO,
      'chemical(?:ly)? restrain\\w*',
      '(?:staff|carers?|care workers?|workers?|nurses?) (?:shout|swear|laugh|slap|lock|push|drag|rough|mock|yell|scream)\\w*',
      'left (?:\\w+ ){0,3}(?:on|in) (?:the |a )?(?:commode|toilet|chair|bed|hallway|corridor) (?:for|all)',
      '(?:no|not) (?:\\w+ ){0,2}(?:allowed) (?:to )?(?:have )?(?:visit(?:ors|s)?|a drink|out|to see)',
      'rigid routines?',
      '(?:no|any|without) (?:privacy|dignity)',
      'in front of (?:visitors|everyone|other residents|the other residents)',
    ],
  },
  neglect: {
    clear: ['neglect\\w*', 'neglegt\\w*', 'negelect\\w*', 'acts? of omission'],
    possible: [
      "(?:not|never|no one|nobody|noone|no-one|didn'?t|don'?t|doesn'?t|hasn'?t|haven'?t|weren'?t|wasn'?t|isn'?t|aren'?t) (?:\\w+ ){0,3}(?:fed|feed|feeding|washed|changed|turned|bathed|showered|toileted|helped (?:him|her|me) (?:eat|wash|to the toilet)|given (?:\\w+ ){0,2}(?:food|drinks?|water|medication|meds|tablets|insulin|dinner|lunch|breakfast))",
      'left (?:\\w+ ){0,3}(?:without|with no) (?:\\w+ ){0,2}(?:food|water|a drink|heating|help|care|meds|medication|tablets)',
      'left (?:\\w+ ){0,3}(?:alone )?for (?:hours|days|the night|all (?:day|night)|\\d+ hours)',
      '(?:bed|pressure) ?(?:sores?|ulcers?)',
      'dehydrat\\w*',
      'malnourish\\w*',
      'starv\\w*',
      '(?:missed|missing) (?:\\w+ ){0,1}(?:visits?|calls?|medication|meds|doses?|tablets)',
      "(?:carers?|care workers?|agency|they) (?:didn'?t|did not|never|don'?t|do not|doesn'?t|does not|haven'?t|hasn'?t) (?:\\w+ )?(?:turn(?:ed)? up|come|came|show(?:ed)? up|arrive|bother|feed|wash|change)",
      'no[- ]shows?',
      '(?:sent|send|sends) (?:nobody|no one|noone|no-one)',
      '(?:with no|without) (?:food|water|heating|a drink|drinks|meds|medication|help)',
      '(?:calls?|visits?) (?:has |have |had |keep |keeps |kept )?(?:been |being |getting )?missed',
      '(?:went|go|goes|gone|put) to bed without (?:her|his|my|their|any) (?:tablets|medication|meds|insulin|dinner|tea|food|supper)',
      '(?:sat|sitting|sit|lying|laying|lay|left|lie) in (?:her|his|my|their) own (?:urine|wee|faeces|mess|poo|excrement|waste)',
      '(?:wet|soiled|dirty) (?:pads?|beds?|sheets|clothes|nappies)',
      'on the (?:floor|ground) (?:for|all) (?:hours|\\w+ hours|the night|night|day|ages)',
      'fell and (?:was|were|lay|laid|nobody|no one)',
      '(?:nobody|no one|noone|no-one) (?:came|checked|helped|noticed|answered)',
      '(?:wrong|no) (?:medication|meds|tablets)',
    ],
  },
  self_neglect: {
    clear: ['self[- ]?neglect\\w*', 'hoard(?:s|ed|er|ers|ing)?', 'hord(?:e|es|ed|er|ers|ing)'],
    possible: [
      "(?:not|isn'?t|isnt|hasn'?t|stopped|won'?t|wont|refus\\w*|doesn'?t|can'?t be bothered|no longer|barely) (?:\\w+ ){0,2}(?:eating|eat|washing|wash|washed|taking (?:his|her|my|their) (?:tablets|medication|meds|insulin)|opening (?:the door|(?:his|her|my) post|letters)|letting (?:anyone|anybody|people|the carers|us) in|getting out of bed)",
      '(?:house|flat|home|place|room|bungalow) (?:is|was|has been) (?:\\w+ )?(?:full of|filthy|squalid|a tip|disgusting|covered in|infested|piled)',
      'squal(?:id|or)',
      'infest\\w*',
      '(?:rubbish|bags|newspapers|junk|stuff) (?:piled|stacked|everywhere|up to)',
      "can'?t see the floor",
      'stopped (?:answering|opening) (?:the door|the phone|her door|his door)',
      '(?:windows|curtains) (?:are |were )?(?:covered|closed|drawn|blacked out)',
      "(?:there'?s|there is|an awful|a terrible|a strong|a horrible) (?:\\w+ )?smell",
      'living in (?:filth|squalor|a mess|dirt)',
      "(?:stopped|not|no longer|isn'?t) (?:looking after|caring (?:for|about)) " + SELF,
      '(?:no|without) (?:heating|electric|electricity|gas|hot water|food in)',
      'drinking (?:too much|heavily|all day|again|himself|herself|myself)',
      'letting ' + SELF + ' go',
    ],
  },
  risk_to_life: {
    clear: [
      'suic\\w*',
      'sucid\\w*',
      'kill(?:ing)? ' + SELF,
      'take (?:my|his|her|their) own li(?:fe|ves)',
      'self[- ]?harm\\w*',
      'overdos\\w*',
      'end(?:ing)? (?:it all|my life|his life|her life|things)',
      'want(?:s|ed)? to die',
      'wish(?:es|ed)? (?:i|he|she|they) (?:was|were) dead',
      'better off (?:dead|without me)',
    ],
    possible: [
      "(?:don'?t|do not|dont) want to (?:be here|live|go on|wake up|carry on)",
      '(?:no|no point|nothing) (?:reason|point|worth) (?:to|in) (?:living|going on|carrying on|being here)',
      '(?:cut|cutting|cuts|hurt|hurting|harm|harming|burn|burning) ' + SELF,
      "(?:can'?t|cannot|cant) go on",
      'not worth living',
      "life (?:isn'?t|is not|isnt) worth",
      'jump(?:ing)? (?:off|in front)',
      'plans? to end',
      "(?:happier|better) (?:off )?if (?:i|he|she) (?:wasn'?t|weren'?t|was not|were not) (?:around|here|alive)",
      '(?:want|wants|wanted) (?:it )?(?:all )?to (?:be over|end|stop)',
      'in front of (?:a car|traffic|a train|a bus|a lorry)',
      '(?:walked|walks|stepped|ran) (?:out )?into (?:the road|traffic)',
      'point (?:in|of) (?:living|going on|carrying on|being here|life)',
      'not wake up',
      '(?:pills|tablets) (?:saved|stored|stockpiled|hidden)',
      '(?:saved|saving|stockpil\\w*|hoarding) (?:up )?(?:my |her |his )?(?:pills|tablets)',
      'give up on (?:life|everything)',
      "(?:won'?t|will not) be (?:here|around) (?:much longer|for long|by)",
    ],
  },
};
