// The phrases that suggest a possible safeguarding disclosure, one list per category of the Care
// Act statutory guidance (chapter 14) plus risk to life. Sources are regular expressions over
// folded text (lower case, straight apostrophes; see text-match.ts), matched as whole words.
// Apostrophes are optional ("hes", "dont") and common misspellings are listed ("hiting",
// "neglegted"); other slips of one letter in the words of SPELLING_SLIPS are caught too, because
// people write in a hurry. Wide on purpose: a missed disclosure costs far more than a lead reading
// one more voice.
//
// People rarely name the harm ("abuse", "neglect"). They describe what they see and live: marks on
// an arm, someone who won't let them out, shopping that never comes, letters written "in case".
// rules-2 adds those signs for every category, and proximity rules: a harm word within a few
// words of the person doing it ("the night carer was rough", "she flinches when staff come near").

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

/** Up to `max` words (with the spaces or commas after them), for "a then b a few words on". */
const words = (max: number) => `(?:[\\w'£-]+[\\s,]+){0,${max}}`;
/** `a`, then up to `within` words, then `b`: a harm word near the person doing it. */
const near = (a: string, b: string, within: number) => `${a}\\s+${words(within)}${b}`;

// Someone harmed: me, her, him, them, us, or a person named by relation ("my mum", "his wife").
const WHO =
  '(?:me|her|him|them|us|my \\w+|his \\w+|her \\w+|their \\w+|our \\w+|mum|dad|nan|gran|(?:the|a) (?:residents?|patients?|lady|man|woman|old \\w+))';
// Whose: my, her, his, their, our, or a name or relation with or without an apostrophe.
const WHOSE = "(?:my|her|his|their|our|your|[a-z]+'?s)";
const SELF = '(?:my|him|her|them|your|our)sel(?:f|ves)';
const PARTNER =
  '(?:husband|wife|partner|boyfriend|girlfriend|fiance|fiancee|ex|son|daughter|brother|sister|step-?dad|step-?mum|grandson|granddaughter|nephew|carer|father|mother)';
// Someone who could be doing the harm: a pronoun, a relation, a worker or someone in the home.
const AGENT =
  "(?:he|she|they|(?:the |a |her |his |my |their |our |that |this |one )?(?:[\\w\\x27]+ )?(?:carers?|staff|care workers?|support workers?|workers?|nurses?|husband|wife|partner|boyfriend|girlfriend|son|daughter|grandson|granddaughter|nephew|niece|brother|sister|step-?dad|step-?mum|lodger|neighbou?r|manager|man|lad|uncle|aunt|cousin|friend|landlord|driver|pa)(?:'?s)?)";
const MONEY =
  '(?:money|monies|pension|benefits?|savings|cash|bank ?books?|savings books?|cheque ?books?|passbook|post office card|pension book|bank ?cards?|bank account|debit cards?|credit cards?|cards?|pin(?: number)?|wages|allowance|pip|attendance allowance|universal credit|jewell?e?ry|rings?|valuables|inheritance|purse|wallet)';
// What people are called to hurt them.
const INSULT =
  "(?:names|(?:(?:a|an) )?(?:[\\w']+ )?(?:stupid|useless|thick|fat|ugly|lazy|pathetic|worthless|hopeless|dumb|senile|batty|disgusting|smelly|filthy|burden|nuisance|pest|liar|baby|cripple|spastic|retard|moron|pig|cow|bitch|waste of space|waste of money|waste of oxygen|vegetable|freak|drama queen|attention seeker|idiot|imbecile|embarrassment))";
// Things people need to get about, keep in touch or ask for help, which a controlling person takes.
const LIFELINE =
  '(?:wheelchair|chair|phone|mobile|keys?|car keys|car|door keys?|walking (?:frame|stick)|frame|stick|glasses|hearing aids?|(?:mobility )?scooter|crutches|walker|zimmer(?: frame)?|pendant|alarm|buzzer|call bell|dentures|post|letters|mail|passport|bank ?card|purse|wallet)';
// Who a person is, when that is the reason given for treating them worse.
const IDENTITY =
  '(?:black|brown|gay|lesbian|bisexual|trans|transgender|muslim|jewish|hindu|sikh|catholic|foreign|asian|african|caribbean|chinese|indian|pakistani|bangladeshi|somali|arab|irish|polish|romanian|eastern european|mixed race|refugee|asylum seeker|immigrant|traveller|gypsy|roma|(?:my|her|his|their|our) (?:colou?r|race|religion|accent|skin|sexuality|hijab|turban|headscarf|faith|ethnicity|nationality|culture|name|beliefs?))';
const DISABILITY =
  '(?:disabled|deaf|blind|autistic|in a wheelchair|a wheelchair user|old|too old|(?:my|her|his|their|our) (?:disability|learning disability|wheelchair|deafness|stammer|age|autism|mental health|weight))';
const SLUR =
  '(?:paki|pakis|nigger|coon|wog|chink|gyppo|pikey|poof|poofter|faggot|dyke|tranny|spastic|spaz|retard|retarded|mong|raghead|towelhead|yid)';

export const SAFEGUARDING_RULES: Record<SafeguardingCategory, CategoryRules> = {
  physical: {
    clear: [
      '(?<!(?:documentary|film|novel|book|programme|play|article|story|leaflet|poster|campaign|course|training|session|week|month|awareness|spot|spotting|recognise|recognising|tackle|tackling|prevent|preventing|talk|protects? (?:people|them|us|adults|residents)|protection) (?:about |on |of |from |against )?)physical(?:ly)? (?:abus\\w*|hurt|harm\\w*|assault\\w*)',
      'assault(?:ed|s|ing)?',
      'beat(?:en|s|ing)? (?:up|' + WHO + ')',
      'beaten',
      'punch(?:ed|es|ing)?(?! the air)',
      'kick(?:ed|s|ing)? (?:' + WHO + '|out at)',
      'slap(?:ped|s|ping|ed)?',
      'chok(?:e|ed|es|ing)(?! on)',
      'strangl\\w*',
      'throttl\\w*',
      'black eye',
      'black and blue',
      'hands? (?:round|around) (?:my|her|his|their) (?:neck|throat)',
    ],
    possible: [
      '(?<!(?:a|big|massive|huge|real|instant|smash) |(?:losing|loss of|death of|news|grief|diagnosis)(?: \\w+){0,2} |(?:cost of living|cuts?|closures?|prices|bills|changes|pandemic|covid|lockdown|recession)(?: [\\w\\x27]+){0,4} )h+it+(?:s|ting|ing|ed)?(?! and miss| or miss| the (?:roof|ground|news|headlines|target|spot|road|wall|shops)| (?:us all|us|everyone|families|people|older people|carers|the \\w+|\\w+ people) hard(?:est)?| (?:his|her|their) (?:own )?head| (?:his|her|my|their|our|the|a|its) (?:target|goal|milestone|jackpot)| by (?:a|the) (?:car|bus|van|lorry|bike|cyclist|ball|wave))',
      'hiting',
      'smack(?:ed|s|ing)?',
      'whack(?:ed|s|ing)?',
      'thump(?:ed|s|ing)?',
      'wallop(?:ed|s|ing)?',
      'clip(?:ped|s)? (?:me|her|him|them) (?:round|around|across)',
      'shov(?:e|ed|es|ing)',
      'push(?:ed|es|ing)? ' +
        WHO +
        '(?! ' +
        words(6) +
        '(?:wheelchair|chair|buggy|pram|swing|trolley|stretcher|home|back to)| to (?!the |my |her |his |a )[a-z]+)',
      '(?:push|knock|throw|chuck)(?:s|es|ed|ing)? (?:me|her|him|them) (?:about|around|over|down)',
      'grab(?:bed|s|bing)? ' + WHO,
      'pinch(?:ed|es|ing)? ' + WHO,
      'yank(?:ed|s|ing)?',
      'twist(?:ed|s|ing)? ' +
        WHOSE +
        ' (?:[\\w\\x27]+ )?(?:arm|wrist|hand|fingers?|leg|ankle|ear|neck)',
      'pull(?:ed|s|ing)? ' + WHOSE + ' (?:hair|arm|ear)',
      '(?:grips?|gripped|gripping|squeez(?:e|es|ed|ing)) ' +
        WHOSE +
        ' (?:arm|wrist|hand|fingers|neck|face)',
      'held (?:me|her|him|them) down',
      "(?:hold|holds|holding|held) (?:[\\w']+ )?(?:arms|hands|wrists|legs|head) down",
      'pin(?:ned|s)? (?:me|her|him|them) (?:down|against|to)',
      'spat (?:at|on)',
      'bruis\\w*(?! easily| like a peach| (?:[\\w\\x27]+ ){0,3}from (?:knocking|bumping|banging|a fall|falling|her fall|his fall)| ' +
        words(4) +
        'because of (?:his|her|my|the) (?:warfarin|blood thinners|medication|tablets|skin|condition|illness|chemo))',
      'marks? (?:on|all over|round|around|at the top of|on the tops? of) ' + WHOSE,
      'finger ?(?:tip )?marks',
      'grip marks',
      '(?:cut|split|fat|swollen|bust|bloody|burst) lip',
      'swollen (?:eye|face|cheek|jaw|wrist)',
      'cigarette burns?',
      'burns? on ' + WHOSE,
      '(?:unexplained|unexplainable) (?:[\\w\\x27]+ )?(?:bruis\\w*|marks|injur\\w*|fractures?|cuts|burns|falls)',
      "(?:can'?t|couldn'?t|could not|cannot|won'?t|wouldn'?t|nobody can|no one can|nobody could|no one could) explain (?:[\\w\\x27]+ ){0,2}(?:bruis\\w*|marks|injur\\w*|cuts|burns|fractures?|how (?:she|he) got)",
      'thr[eo]w\\w* (?:things|stuff|\\w+) at ' + WHO,
      'burn(?:t|ed) ' + WHO,
      'restrain\\w*(?! training)',
      'rough(?:ly)? (?:handl\\w*|with)',
      'heavy[- ]handed',
      'manhandl\\w*',
      'drag(?:s|ged|ging)? ' + WHO,
      'hurt(?:s|ing)? ' + WHO,
      '(?:it|that) hurts?',
      'tied ' + WHO,
      'violen(?:t|ce)',
      'over-?medicat\\w*',
      'force[ -]?fe(?:d|ed|eding)',
      'flinch\\w*',
      '(?:scratches|scratch marks|cuts|marks|bruises|burns) (?:down|on|all over|up) (?:her|his|my|their) (?:arms?|legs?|face|back|neck|hands?)',
      '(?:says?|said) (?:that )?(?:the |a |her |his )?' +
        words(5) +
        'did (?:it|this|that)(?=\\s*(?:[.,!;]|$))',
      'to stop (?:him|her|them|me) (?:getting up|getting out|leaving|moving|standing)',
      '(?:fall|injury|bruise|incident) ' +
        words(3) +
        "(?:didn'?t|never|not|wasn'?t) (?:write|written|record|recorded|report|reported)",
      'marks? (?:like|in the shape of|shaped like) (?:a |an )?(?:[\\w\\x27]+ ){0,2}(?:belt|buckle|hand|fingers?|iron|cigarette|stick|shoe|bite|teeth|rope|cord)',
      '(?:went|goes|go|gone) (?:very )?quiet when (?:i|we|you|they|someone) (?:asked|ask|mentioned|mention)',
      "(?:won'?t|wouldn'?t|doesn'?t|didn'?t|can'?t|couldn'?t) (?:say|tell (?:me|us|anyone)) (?:how|who|what happened|where (?:it|they) came from)",
      '(?:but|and) (?:i|she|he) (?:said|told (?:them|everyone|the \\w+)|says|had to say) (?:that )?(?:i|she|he) (?:fell|tripped|slipped|walked into|bumped)',
      '(?:got|gets|get|getting|was|been|were) (?:pushed|shoved|thrown|dragged|grabbed|punched|kicked|hit|bitten|spat on|burnt|burned) (?:down the stairs|over|onto the (?:floor|bed|ground)|against (?:the|a) (?:wall|door)|into (?:the|a) (?:wall|door|table|bath|cupboard)|by (?:him|her|them|my [\\w\\x27]+|his [\\w\\x27]+|her [\\w\\x27]+|a (?:carer|resident|member of staff)|the (?:carer|staff|night staff)))',
      '(?:sit|sits|sat|sitting|kneel\\w*|lie|lies|lay|lying) on (?:him|her|them|me|(?!the |a |his |her |their |my |it |this |that |these |those |hold )\\w+) (?:when|to|until|while|for)',
      '(?:all |really |very )?(?:purple|black|yellow) (?:on|all over|down) (?:the |her |his )?(?:insides?|arms?|legs?|back|wrists?|face)',
      'hand ?prints? on',
      'hurts? where (?:she|he|they|the carer|staff) (?:grabbed|grabed|held|hit|pulled|squeezed|twisted|pinched|kicked|gripped)',
      'mittens',
      '(?:tied|strapped) (?:[\\w\\x27]+ ){0,2}to (?:the |a |her |his )?(?:chair|bed|wheelchair|commode|toilet)',
      near(
        '(?:came|comes|come|coming|got|gets) (?:back|home|out of (?:the )?(?:home|hospital|respite|unit|centre))',
        '(?:with|covered in|had|has) (?:a |an |some )?(?:[\\w\\x27]+ )?(?:swollen|cuts?|bruis\\w*|marks?|black eye|burns?|injur\\w*|scratch\\w*|bumps?|graze\\w*|sores?|wounds?|broken|fracture\\w*)',
        6,
      ),
      'covered in (?:bumps|bruises|scratches|marks|sores|scrapes|cuts|grazes|bites|burns)',
      '(?:tips?|tipped|drops?|dropped|throws?|threw|flings?|flung|dumps?|dumped|yanks?|yanked) (?:[\\w\\x27]+ ){0,2}(?:out of|onto|into|on to) (?:the |his |her |a )?(?:bed|chair|wheelchair|floor|bath|toilet|commode)',
      '(?:instead of|without) (?:using )?(?:the |a )?hoist',
      'scald(?:ed|s|ing)? ' + WHO,
      '(?:bumps?|bumped|walks?|walked|falls?|fell) into (?:things|doors?|furniture|the door)',
      '(?:nobody|no one|noone|no-one) (?:knows?|knew|can say|could say|will say) how (?:she|he|they|it)',
      'cower\\w*',
      // The person doing it, then rough handling a few words on: "the night carer was rough".
      near(
        AGENT,
        '(?:(?:is|was|were|are|gets?|got|being|been|so|very|really|too|bit|quite) rough(?:ly)?(?! (?:round|around) the edges| night| day| time| week| patch| sleep| journey| ride| idea| start| guess)|rough(?:ly)? (?:when|turning|getting|moving|washing|dressing|lifting|changing|putting|hoisting|pulling|handling|with)|roughly|yank\\w*|grabb\\w*|shov\\w*|slamm\\w*|shook|shak(?:es|ing|en) (?:me|her|him)|jabb\\w*|prodd\\w*|snatch\\w*|squeez\\w*|scratch(?:ed|es|ing)|pinch(?:ed|es|ing)|twist(?:ed|s|ing)|grips?|gripped|gripping)',
        4,
      ),
    ],
  },
  domestic: {
    clear: [
      '(?<!(?:documentary|film|novel|book|programme|play|article|story|leaflet|poster|campaign|course|training|session|week|month|awareness|spot|spotting|recognise|recognising|tackle|tackling|prevent|preventing|talk|protects? (?:people|them|us|adults|residents)|protection) (?:about |on |of |from |against )?)domestic(?:ally)? (?:abus\\w*|violen\\w*)',
      '(?<!(?:documentary|film|novel|book|programme|play|article|story|leaflet|poster|campaign|course|training|session|week|month|awareness|spot|spotting|recognise|recognising|tackle|tackling|prevent|preventing|talk|protects? (?:people|them|us|adults|residents)|protection) (?:about |on |of |from |against )?)coercive(?:ly)? control\\w*',
      'forced (?:in)?to marry',
      'forced marriage',
      'honou?r[- ]based',
    ],
    possible: [
      'controlling ' + PARTNER,
      '(?<!(?:losing|loss of|death of|lost) )' +
        WHOSE +
        ' ' +
        PARTNER +
        " (?:hits|hit|beat|beats|hurt|hurts|punched|kicked|slapped|threatens|controls|won'?t let)(?! (?:his|her|their) (?:own )?head| the air| (?:his|her|my|their|our|the|a|its) (?:target|goal|milestone|jackpot))",
      '(?:violent|abusive) (?:relationship|marriage|partner|husband|wife|ex)',
      '(?:make|makes|making|want|wants|forcing|force|forces|pressur\\w*) (?:[\\w\\x27]+ )?(?:me|her|him) (?:to )?marry',
      "(?:won'?t|will not|doesn'?t|does not|wouldn'?t|would not|never) lets? (?:me|her|him|them) " +
        words(2) +
        '(?:go out|go anywhere|go on (?:my|her|his) own|go to (?:church|college|work|the shops|appointments|(?:her|his|my) \\w+|see|meetings|the (?:day centre|club|group|doctor|gp|mosque|temple))|see|leave|out|have|talk|speak|phone|ring|call|use|visit|keep|answer|open|manage|spend|buy|decide|choose|join|meet)',
      "(?:not|isn'?t|aren'?t|wasn'?t|weren'?t|never|haven'?t been|hasn'?t been) (?:[\\w\\x27]+ )?allowed (?:to )?" +
        words(1) +
        '(?:see|go out|go anywhere|out|leave|have|phone|ring|talk|speak|use|visit|keep|spend|buy|decide|choose|answer|open|manage|on (?:my|her|his) own|cry|complain|laugh)',
      '(?:stops?|stopped|stopping) (?:me|her|him|them) (?:from )?(?:seeing|going out|leaving|phoning|ringing|talking|speaking|visiting|having)',
      '(?:takes?|took|taken|taking|hides?|hid|hidden|hiding|keeps?|kept|removes?|removed) (?:away )?' +
        WHOSE +
        ' ' +
        LIFELINE +
        '(?! calls?| numbers?| details| to (?:charge|be (?:charged|fixed|mended|repaired))| for (?:repair|charging))',
      '(?:keeps?|kept|has|holds?) (?:the )?' +
        LIFELINE +
        ' (?:and ' +
        WHOSE +
        ' ' +
        LIFELINE +
        " )?(?:in (?:his|her|their) pocket|on (?:him|her)|from (?:me|her|him)|so (?:i|she|he) (?:can'?t|cannot))",
      '(?:lock(?:s|ed|ing)?|shut(?:s|ting)?) (?:me|her|him|them|us) (?:in|out|up)',
      'locked in (?:my|her|his|their|the) (?:room|bedroom|house|flat)',
      '(?:locks?|locked|padlock\\w*) (?:up )?(?:the )?(?:fridge|kitchen|cupboards?|food|phone)',
      '(?:checks|checked|reads|read|goes through|went through|monitors|tracks|listens to|answers) (?:all )?(?:my|her|his) (?:phone|messages|texts|post|letters|emails|calls|bank)',
      'tracks where (?:i|she|he)',
      '(?:has|have|had) to ask (?:[\\w\\x27]+ ){0,2}(?:permission|before|if (?:i|she|he) can|for (?:money|anything))',
      "(?:tells?|told) (?:me|her|him) (?:who|what|where|when) (?:i|she|he) (?:can|can'?t|could|must|is allowed|am allowed)",
      'out of (?:his|her|their) sight',
      "(?:won'?t|will not|wouldn'?t|doesn'?t|never) lets? " +
        WHO +
        ' (?:have|keep|use|get) (?:a |her |his |my |their )?(?:own )?(?:key|keys|phone|money|card|bank account|door key|friends)',
      "(?:to see|to check|to know) (?:where|who) (?:she|he|i)(?:'?s| has| have|'?ve| is| am)? (?:been|gone|going|talking|talked|seen|with)",
      '(?:has|have|had|made) to (?:give|hand) (?:him|her|them) (?:all )?(?:of )?(?:her|his|my|their) (?:wages|money|pension|benefits|earnings)',
      '(?:gives?|gave) (?:her|him|me) (?:back )?(?:money|£\\s?\\d+|pocket money|an allowance) for (?:bus fares?|food|bread|milk|the week)',
      '(?:bangs?|banging|banged|hammer\\w*|kicks?|kicking) (?:on|at) (?:the |my |her |his )?(?:windows?|door)',
      '(?:ex|ex-partner|ex-husband|ex-wife|ex-boyfriend|ex-girlfriend) ' +
        words(3) +
        '(?:turns? up|keeps? (?:turning up|coming round|ringing|texting)|follows?|waits? outside)',
      '(?:he|she|they|who) (?:always )?(?:answers?|speaks?|talks?) (?:every question |all the questions )?for (?:her|him|me|them)',
      '(?:he|she|they|my [\\w\\x27]+|her [\\w\\x27]+|his [\\w\\x27]+) (?:always )?does all the talking',
      '(?:only|just) (?:see|go|visit|leave|talk to|go out) ' +
        words(3) +
        'if (?:he|she|they) (?:comes?|is there|goes|says)',
      "(?:won'?t|will not|wouldn'?t|would not|never) lets? (?:me|her|him|them) (?!(?:go|come|travel|ride) (?:with|in)|in the ambulance)(?:[\\w\\x27]+ ){0,2}(?:on (?:my|her|his|their) own|alone|by (?:my|her|him|them)sel(?:f|ves))",
      '(?:hand|hands|handed|handing) over (?:her|his|my|their) (?:phone|mobile|money|card|cards|keys?|pension|wages|passport)',
      '(?:has|holds|keeps|kept) (?:got )?the only (?:front )?(?:door )?keys?|(?:took|takes|taken|hides?|hid) (?:the |her |his |my )?(?:front )?door keys?',
      "(?:says?|said|tells?|told) (?:me |her |him )?(?:that )?(?:i'?m|she'?s|he'?s|i am|she is|he is) (?:going mad|losing it|imagining (?:it|things)|making it up|confused|mad|crazy)",
      '(?:moves?|moved|moving|hides?|hid|hiding) (?:her|his|my) (?:things|stuff|belongings) (?:so|and|to make)',
      '(?:marrying|marry) (?:her|his) (?:cousin|uncle)',
      'bad influence',
      '(?:makes?|made|making|forces?|forced) (?:me|her|him|them) (?:to )?(?:sleep (?:on|in|outside)|kneel|eat (?:alone|on the floor|outside|in the (?:kitchen|garden|hall)))',
      "(?:when|if) (?:i|she|he)(?:'?ve| have|'?s| has)? (?:done|do|does|did) something wrong",
      "(?:won'?t|refuses to|wouldn'?t|doesn'?t) take (?:me|her|him) to (?:[\\w\\x27]+ )?(?:dialysis|appointments?|hospital|the doctor|the gp|the dentist|church|the group|the club|see)",
      "tells? (?:the )?(?:carers?|staff|nurses?|doctor|visitors|people|them|social worker|everyone) (?:that )?(?:i'?m|she'?s|he'?s|i am|she is|he is) (?:asleep|out|not in|not home|not well|fine|busy|away)",
      '(?:he|she|they) (?:always )?(?:answers?|speaks?|talks?) for (?:her|him|me|them)',
      '(?:ring|call|phone|rang|called|phoned),? (?:her |him )?(?:[\\w\\x27]+ )?(?:he|she|they) (?:always )?answers?',
      'rent(?:ed|ing|s)? out (?:my|her|his|their) (?:room|bedroom|flat|house|home)',
      'moved (?:me|her|him|them) (?:in)?to the (?:box ?room|spare room|back room|garage|shed|attic|loft)',
      '(?:since|ever since) (?:she|he) (?:married|met|moved in with|got with) (?:him|her) ' +
        words(3) +
        "(?:doesn'?t|don'?t|never|stopped|can'?t|isn'?t allowed|won'?t)",
      near(
        '(?:scared|afraid|frightened|terrified|petrified)',
        'in case (?:he|she|they) (?:comes?|gets?|finds?|sees?|hears?|wakes?)',
        4,
      ),
      '(?:counts|checks|weighs|measures|monitors|rations) (?:the |my |her |his |what )?(?:[\\w\\x27]+ )?(?:biscuits|food|milk|bread|money|receipts|shopping|calls|what (?:i|she|he) (?:eat|eats|spend|spends))',
      'not allowed (?:in|into) (?:the |her |his |my )?(?:front room|living room|lounge|kitchen|house|bedroom)',
      "(?<!(?:was|were|been|being|get|got|am|is|are) )(?:says?|said|tells?|told) (?:me |her |him )?(?:i|she|he|we) (?:can'?t|cannot|isn'?t allowed to|am not allowed to|mustn'?t|is not allowed to) (?:go(?! with| in)|see|have|leave|wear|talk|speak|use|phone|visit|keep|eat)",
      '(?:has|have|had) to (?:text|ring|phone|call|tell|show|send|report to|check in with) (?:him|her|them) ' +
        words(5) +
        '(?:where (?:she|he|i) (?:is|am|was|goes|go)|every hour|photos?)',
      "(?:decides?|decided|chooses|controls?|controlled) (?:what|when|where|who|if|whether) (?:[\\w'-]+ )?(?:can |is allowed to |gets to |may )?(?:eat|eats|go|goes|sleep|sleeps|see|sees|wear|wears|spend|spends|bed|leave|out|have|phone|talk)",
      '(?:shouts?|screams?|hits?|goes mad|gets angry|kicks off|loses it|loses (?:his|her) temper|goes off) (?:[\\w\\x27]+ ){0,2}(?:if|when|whenever) (?:i|she|he|they|mum|dad) (?:answers? back|says? no|disagrees?|asks?|complains?|speaks? up|talks? back|argues?)',
      '(?:rations|limits|controls) (?:my|her|his) (?:food|money|phone|calls|visits)',
      '(?:goes|went|going) mad if (?:i|she|he)',
      "(?:scared|afraid|frightened|terrified|petrified) (?:of )?(?:what )?(?:he|she|they)(?:'ll|'d| will| would| might| could)? (?:do|say|does)",
      "(?:nasty|aggressive|violent|handy|angry|scary) (?:when|after|if) (?:he|she|they)(?:'?s| is| has|'?ve)? (?:been )?(?:drink\\w*|drunk|had a drink)",
      '(?:checks|takes|smashed|broke) my phone',
      '(?:scared|afraid|frightened|terrified) of (?:my|her|his) ' + PARTNER,
    ],
  },
  sexual: {
    clear: [
      '(?<!(?:documentary|film|novel|book|programme|play|article|story|leaflet|poster|campaign|course|training|session|week|month|awareness|spot|spotting|recognise|recognising|tackle|tackling|prevent|preventing|talk|protects? (?:people|them|us|adults|residents)|protection) (?:about |on |of |from |against )?)sexual(?:ly)? (?:abus\\w*|assault\\w*|exploit\\w*|harass\\w*|touch\\w*|inappropriate)',
      'rap(?:e|ed|es|ing|ist)',
      'molest\\w*',
      'indecent\\w*',
    ],
    possible: [
      'inappropriate(?:ly)? (?:touch\\w*|photos?|pictures?|images|messages|texts|comments?|remarks?|behaviour|relationship|language|jokes|advances|contact)',
      'touch(?:ed|es|ing)? ' + WHO + ' (?:inappropriately|down there|there|where|between|under)',
      'touch(?:ed|es|ing)? (?:me|her|him) up',
      '(?:keeps?|kept|always|tries to|tried to|try to|wants to|wanted to) touch(?:ing)? (?:me|her|him)',
      'touch(?:ed|es|ing)? (?:my|her|his) (?:breasts?|bum|bottom|chest|legs?|thighs?|privates|private parts|crotch|groin|boobs?)',
      '(?:private|intimate) (?:parts|area)',
      '(?:puts?|putting|rests?|rested|places?|placed|runs?|ran) (?:his|her|their) hands? (?:on|up|down|under|between|inside|round|around) (?:my|her|his|their) (?:leg|legs|thigh|thighs|bum|bottom|breasts?|chest|skirt|top|dress|trousers|nightie|knickers|pants)',
      'walk(?:s|ed|ing)? in on (?:me|her|him|them)',
      '(?:gives?|gave|giving) (?:her|him|them) ' +
        words(2) +
        '(?:sweets|presents|money|treats|cigarettes) if (?:she|he|they)',
      '(?:tells?|told|says?) (?:her|him|my ' +
        '[\\w\\x27]+' +
        ") (?:she'?s|he'?s|she is|he is) (?:his|her) (?:favourite|special (?:girl|boy|friend))",
      '(?:keep|kept|keeping) (?:their|our|the) (?:messages|chats|texts|photos|pictures|friendship|relationship) (?:private|secret)',
      near(
        '(?:shower|bath|bathroom|toilet|bedroom)',
        '(?:with the door locked|locked the door|door was locked)',
        6,
      ),
      "(?:won'?t|wouldn'?t|doesn'?t|didn'?t) let (?:anyone|anybody|us|the carers?|staff|me) (?:wash|touch|near|change|bath|bathe|undress|help (?:her|him) (?:wash|undress))",
      '(?:never been like (?:that|this)|not been (?:her|him)self since|(?:a )?different (?:person|girl|boy|man|woman) since)',
      '(?:started|is|has been) (?:' +
        '[\\w\\x27]+ ' +
        ')?(?:wetting|soiling) (?:the bed|(?:him|her)self) again|(?:wetting|soiling) (?:the bed|(?:him|her)self) (?:again )?since',
      '(?:their|our) (?:little )?(?:game|secret)',
      '(?:hugs?|hugged|hugging|kiss(?:es|ed|ing)?|cuddl\\w*) (?:me|her|him|my \\w+|his \\w+|her \\w+) (?:for )?(?:too long|too tight|a lot|all the time|when no one)',
      '(?:keeps?|always) (?:buying|giving) (?:him|her|them|my \\w+) (?:[\\w\\x27]+ )?(?:presents|gifts|money|cigarettes|alcohol)',
      '(?:stay\\w*|locks? (?:himself|herself) in|goes? in) (?:[\\w\\x27]+ ){0,2}(?:in there|in the (?:toilet|bathroom|loo)) with (?:her|him|them)',
      "(?:into|in) (?:the )?(?:ladies|women'?s|girls'?|men'?s|other residents'?) (?:rooms?|toilets?|bedrooms?)",
      '(?:shows?|showed|showing) (?:her|him|them|me) (?:[\\w\\x27]+ ){0,2}(?:rude|dirty|sexy|naked|adult|explicit) (?:videos|pictures|photos|films|things)',
      '(?:videos|pictures|photos) ' + words(4) + '[\'"]?(?:rude|dirty)[\'"]?',
      "(?:no|don'?t|stop|bad) touch(?:ing)?",
      'to be (?:his|her) (?:girlfriend|boyfriend|wife|lover)',
      '(?:wanting|wants|want|wanted) to see (?:me|her|him) (?:in the (?:shower|bath)|naked|undressed|without)',
      '(?:talks?|talking|comments?|commenting|remarks?|jokes?|joking) (?:[\\w\\x27]+ )?about (?:her|his|my) (?:body|breasts|figure|bum|legs|chest|boobs)',
      '(?:at night|in the night|late at night) (?:[\\w\\x27]+ ){0,1}in (?:his|her) (?:dressing gown|pants|underwear|boxers)',
      '(?:get|gets|got|getting|climb\\w*|lie|lies|lay|lying|laid|sit|sits|sat|sitting|sleep\\w*|slept) (?:in|on|into) (?:the |her |his |my )?bed with (?:her|him|me|my \\w+|his \\w+|her \\w+)',
      '(?:keeps?|kept|always) (?:offering|asking|wanting|trying|insisting) to (?:[\\w\\x27]+ ){0,3}(?:bath|shower|wash|undress|dress|change|help (?:[\\w\\x27]+ ){0,2}(?:in|with) the (?:bath|shower))',
      '(?:send|sending|sent) (?:him|her|them) (?:[\\w\\x27]+ )?(?:photos|pictures|pics|videos|selfies)',
      "(?:'ll|will|going to|gonna|threat\\w* to|says he'?ll|says she'?ll) (?:share|post|send|show) (?:them|the (?:photos|pictures|pics|videos)|(?:her|his|my) (?:photos|pictures|pics))",
      '(?:lies|lay|lying|laid|gets?|got|sits?|sat) (?:on|in|into) (?:the |her |his |my )?bed with (?:her|him|me)',
      '(?:wants?|asks?|tries|tried|insists?|insisted) to be (?:left )?alone with (?:her|him|them|my \\w+|the \\w+)',
      '(?:only )?(?:wants?|likes?) to take (?:the )?(?:[\\w\\x27]+ )?(?:girls|boys|young (?:ones|girls|lads|women|men)) (?:[\\w\\x27]+ ){0,3}alone',
      near(
        '(?:come|go|stay|round|back|visit)(?: back)? (?:to )?(?:his|their) (?:flat|house|place|car|room)',
        '(?:gives?|gave|giving|buys?|bought|buying|offers?|offered) ' +
          words(2) +
          '(?:cigarettes|fags|alcohol|drink|drugs|money|presents|gifts|vapes?|cash|weed)',
        8,
      ),
      '(?:gives?|gave|giving|buys?|bought|buying) (?:him|her|them|my \\w+) (?:[\\w\\x27]+ ){0,2}(?:drugs|vapes?|weed)',
      'grop\\w*',
      'flash(?:ed|es|ing) (?:at )?' + WHO,
      'exposed (?:him|her)self',
      'groom(?:ed|ing|s)',
      'made ' + WHO + ' (?:watch porn|undress|strip)',
      'porn\\w*',
      'naked',
      'nudes?',
      'sen[dt]\\w* (?:me|her|him) (?:nudes?|naked|explicit|dirty)',
      'sexual(?:ly)?(?! health| orientation| identity)',
      '(?:dirty|lewd|crude|sexy) (?:comments?|remarks?|jokes|messages|texts|pictures|talk)',
      'unwanted (?:sexual|touching|advances)',
      'sit on (?:his|her) (?:knee|lap)',
      '(?:asks?|asking|asked|wants|wanted) (?:me|her|him) to (?:sit on|kiss|touch|undress|sleep with|send)',
      '(?:wants?|wanted|tries|tried|trying) to kiss',
      'sex(?:ual)? (?:with|for) (?:money|drugs|a place)',
      '(?:follows?|followed|following) (?:me|her|him|them) ' +
        words(2) +
        '(?:into|to|in) (?:the )?(?:toilets?|loo|bathroom|bedroom|shower|changing room)',
      '(?:comes?|came|coming|gets?|got|getting|walks?|walked) (?:in|into) (?:the|my|her|his) (?:bathroom|toilet|shower|bed|bedroom at night|room at night) (?:when|while|at night|as)',
      '(?:watch(?:es|ed|ing)?|looks? at|stares? at) (?:me|her|him) ' +
        words(1) +
        '(?:shower\\w*|undress\\w*|naked|in the (?:bath|shower|toilet)|getting changed|get changed|getting dressed|on the toilet|in (?:her|his|my) underwear)',
      '(?:photos?|pictures?|videos?|films?|filmed|filming|photographed|photographing) ' +
        words(3) +
        '(?:naked|undressed|in the (?:bath|shower|toilet)|in (?:her|his|my) underwear|without (?:her|his|my|any) clothes|getting changed|when (?:she|he|i) (?:is|was|am) (?:getting changed|undressed|in the (?:bath|shower)))',
      '(?:took|takes|taking|taken) (?:[\\w\\x27]+ )?(?:photos?|pictures?|videos?) of (?:me|her|him) (?:when|while|in the|undress\\w*|naked|without)',
      "(?:telling|tells|told) (?:me|her|him) (?:she'?s|he'?s|i'?m|she is|he is|i am) (?:special|beautiful|sexy|his girlfriend|his girl)",
      '(?:messag|text)(?:es|ed|ing) (?:me|her|him|my \\w+|his \\w+|her \\w+) (?:late )?(?:at night|in the night|all night)',
      'rubs? (?:himself|herself|up against)',
      '(?:relationship|boyfriend|girlfriend) with (?:a |her |his |the )?(?:carer|support worker|staff|member of staff|worker|much older man)',
    ],
  },
  psychological: {
    clear: [
      '(?<!(?:documentary|film|novel|book|programme|play|article|story|leaflet|poster|campaign|course|training|session|week|month|awareness|spot|spotting|recognise|recognising|tackle|tackling|prevent|preventing|talk|protects? (?:people|them|us|adults|residents)|protection) (?:about |on |of |from |against )?)(?:emotional|psychological|verbal|mental)(?:ly)? (?:abus\\w*|cruel\\w*|bull\\w*)',
      'bull(?:y|ied|ies|ying|yed)',
      'intimidat\\w*',
      'humiliat\\w*',
      '(?<!life[- ]|life )threat(?:en|ened|ens|ening|s)?(?! to (?:quit|resign|strike|close)| to leave(?=\\s*(?:[.,!;]|$)| (?:the|her|his|their|my) (?:job|post|service|agency|company|area|country)| (?:us|me|them) without))',
      'gaslight\\w*',
    ],
    possible: [
      '(?:shout|scream|yell|screech|swear|swore|snap|snapp)\\w* at ' + WHO,
      'call(?:s|ed|ing)? ' + WHO + ' (?:a |an )?' + INSULT,
      "(?:says?|said|tells?|told|telling|keeps? saying) (?:me|her|him|them)? ?(?:that )?(?:i'?m|i am|she'?s|she is|he'?s|he is|i was|she was|he was|they'?re|you'?re|you are) (?:so |just |a bit )?" +
        INSULT,
      near(
        '(?:says?|said|tells?|told|telling|saying)',
        '(?:nobody|no one|noone|no-one) (?:[\\w\\x27]+ )?(?:wants|would want|cares|likes|loves|would believe|will believe|believes|would miss|would notice)',
        3,
      ),
      'belittl\\w*',
      'punish\\w*(?<!punishing)|punishing (?:me|her|him|them)',
      "(?:she|you|he)(?:'ll| will|'d| would) (?:end up|be|have nothing|be nothing|be lost|die) " +
        words(4) +
        'without (?:him|her|me|us)',
      '(?:tell|tells|told|telling) (?:him|her|them|me|us) to (?:talk|speak) (?:properly|english|normally|proper)',
      "if (?:he|she|you|i) (?:doesn'?t|don'?t|won'?t) (?:behave|do as (?:he|she|you|i)(?:'?s| is| am|'?m) told|keep quiet|shut up|stop crying|stop moaning)",
      '(?:apologi[sz]e|say sorry) for (?:being|existing|asking|needing)',
      '(?:tells?|told|says?|said) (?:him|her|me) (?:that )?(?:he|she|i) (?:smells?|stinks?|is a nuisance|is a burden|is a pain)',
      '(?:stopped|stops) (?:talking|speaking|smiling|laughing) since',
      '(?:turn|turns|turned|switch|switches|switched) (?:the )?(?:tv|telly|radio|light|lights) off (?:[\\w\\x27]+ ){0,5}when (?:he|she|they) (?:annoys?|upsets?|complains?|asks?|shouts?|cries)',
      'if (?:i|she|he|you|we) (?:tells?|say|says|report|reports|go to|ring|calls?|speak to|talk to) ' +
        words(3) +
        '(?:anything|anyone|anybody|the police|social services|the social worker|the carers?|the office|the council)',
      '(?:screams?|shouts?|yells?|swears?)(?:ed|ing)? in (?:my|her|his) face',
      '(?:frightened|scared|afraid|terrified) to be (?:in the house |at home |alone |left )?(?:with|alone with|near) (?:her|him|them|my \\w+)',
      "(?:'ll|will|going to|threaten\\w* to) take (?:it|the bell|his bell|her bell|the buzzer|her phone|his phone|(?:her|his) \\w+) (?:away|off (?:her|him))",
      '(?:laugh\\w*|talk\\w*|whisper\\w*|mock\\w*|faces|names|call\\w* (?:[\\w\\x27]+ ){1,3}) (?:[\\w\\x27]+ ){0,3}behind (?:her|his|my|their) backs?',
      '(?:make|makes|made|pull|pulls|pulled|pulling|making) faces',
      "or (?:he|she|they|i) (?:loses?|lose|won'?t get|doesn'?t get|gets? no|will lose) (?:his|her|their|my) (?:trip|outing|tv|phone|money|dinner|tea|pudding|visit|treat|privileges?)",
      "call(?:s|ed|ing)? (?:him|her|them|mum|dad|my \\w+|his \\w+|her \\w+) '(?:the )?[a-z ]+'",
      "because (?:she|he|they)(?:'?s| is| are|'?re) too much (?:work|trouble|bother|hassle|effort)",
      '(?:leave|leaves|left|keep|keeps|kept) (?:her|him|them|mum|dad) in (?:her|his|their) (?:room|bed|chair) (?:because|all|so)',
      "(?:tells?|told|says?|said) (?:me|her|him) (?:that )?(?:my|her|his|your) (?:family|kids|children|son|daughter|friends) (?:have |has |'ve |'s )?(?:given up on|forgotten|abandoned|don'?t want|doesn'?t want|don'?t care|doesn'?t care)",
      'baby voice',
      '(?:makes?|made|making) (?:me|her|him|them) beg',
      '(?:talk|talks|talked|talking|say|says|said|laugh\\w*|joke\\w*) (?:about (?:him|her|it) )?(?:it )?in front of (?:him|her|them|me)',
      "if (?:i|she|he|you|we) (?:don'?t|doesn'?t|won'?t|do not|does not) (?:[\\w\\x27]+ ){0,3}(?:she|he|they|i)(?:'?ll| will| would|'?d)? (?:stop|take|leave|put|tell|hurt|hit|throw|kick|cut|send|have|ring|report)",
      '(?:stop|quit) (?:moaning|whining|complaining|crying|making a fuss|being a baby|being pathetic)',
      "or (?:she|he)(?:'?ll| will)? (?:won'?t|will not|not) (?:come back|visit|feed (?:you|her|him))",
      near(
        '(?:says?|said|tells?|told|telling|saying)',
        "(?:(?:his|her|your|my|their) (?:family|kids|children|son|daughter|husband|wife|friends)) (?:don'?t|doesn'?t|do not|does not|never|no longer) (?:want|love|care about|like|visit|miss)",
        4,
      ),
      'isolat(?:es|ed|ing) ' + WHO,
      'cut(?:s|ting)? (?:me|her|him|them) off from',
      'keeps? ' + WHO + ' (?:away from|isolated|locked|from seeing)',
      "(?:won'?t|will not|doesn'?t|does not) let " + WHO + ' see',
      'mock(?:s|ed|ing)? ' + WHO,
      '(?:laugh|snigger|smirk|jeer)(?:s|ed|ing)? at (?:me|her|him|them|us|the residents|residents|people|mum|dad)',
      'made ' +
        WHO +
        ' feel (?:worthless|small|stupid|useless|scared|frightened|like a burden|like rubbish|like dirt)',
      '(?:treat\\w*|talk\\w* to|speak\\w* to|spoke to) (?:me|her|him|them|us|residents|people|mum|dad) like (?:a (?:child|baby|dog|animal|idiot|nuisance|burden|piece of (?:dirt|rubbish|furniture))|dirt|rubbish|animals|children|babies|idiots|cattle|objects?)',
      '(?<!(?:book|film|story|programme|play|song|music|show|news|letter|card|speech|it|that|this) )(?:reduced|reduces|reducing|made|makes|making) (?:me|her|him) (?:[\\w\\x27]+ )?(?:cry|to tears)',
      '(?:ignores?|ignored|ignoring) (?:me|her|him|them|mum|dad|residents) (?:for (?:days|weeks|hours|the whole)|completely|all day|the whole)',
      "(?:doesn'?t|don'?t|won'?t|wouldn'?t|didn'?t) (?:speak|talk) to (?:me|her|him) for (?:a |days|weeks|\\w+ days)",
      'silent treatment',
      '(?<!used to be (?:so |very |really )?)(?:scared|afraid|frightened|terrified|petrified) of (?:him|her|them|my|his|going home|anyone|anybody|people|going out|being (?:alone|left) with|the (?:[\\w\\x27]+ )?(?:carers?|staff|man|men|lads?|manager|workers?|nurses?|lodger|neighbou?rs?|people|residents?|other \\w+))',
      '(?:scared|afraid|frightened|too scared|terrified|petrified) to (?:go home|go back|return|say anything|speak up|tell|complain|ask|go out|be at home|be alone with|be left with)',
      "like (?:she|he|they|i) (?:wasn'?t|weren'?t|isn'?t|aren'?t|am not|was not|were not|is not|are not) (?:even )?there",
      // Fear that comes with one person: "she goes quiet whenever her son visits".
      near(
        "(?:scared|afraid|frightened|terrified|petrified|nervous|anxious|shaking|trembling|cries|crying|panics|hides|goes quiet|went quiet|won'?t eat|stops? eating)",
        '(?:when|whenever|every time|each time|before|if) ' +
          AGENT +
          ' ' +
          words(1) +
          '(?:comes?|came|visits?|visited|gets? home|come home|walks in|comes near|come near|comes in|is around|is about|shouts?|drinks?|is drinking|has been drinking|is on shift|is on|is working|works|raises|goes near|touches|gets angry|loses|turns up|is in|hears)',
        3,
      ),
      'terrified',
      'manipulat\\w*',
      'blackmail\\w*',
      'controlling(?! (?:the |my |her |his |their )?(?:pain|diabetes|budget|costs?|symptoms|condition|weight|blood|temperature|heating|spending|infection))',
      'walking on eggshells',
      "(?:don'?t|not to|never|mustn'?t) tell (?:anyone|anybody|the office|your family|your social worker|your mum|your dad)",
      'if (?:i|you|she|he|they) (?:tells?|told) (?:anyone|anybody)',
      '(?<!no |not a |open )(?:our|a) (?:little )?secret',
      '(?:have|get|got) (?:me|her|him) (?:put away|sectioned|locked up|put in a home)',
      "(?:will|'ll|going to|gonna|would|'d|threat\\w* to) " +
        words(2) +
        '(?:put|send|have) (?:me|her|him|you) (?:away|put away|put in (?:a )?(?:home|care home)|in(?:to)? (?:a )?(?:home|care home|institution))',
      'waste of space',
      "(?:i'?m|i am|she'?s|she is|he'?s|he is|i feel|she feels|he feels) (?:so |really |very )?(?:frightened|scared|afraid)(?=\\s*(?:[.!?,;]|$))",
      "(?:doesn'?t|don'?t|won'?t|didn'?t) want (?:[\\w\\x27]+ ){0,3}(?:near|anywhere near) (?:me|her|him)",
    ],
  },
  financial: {
    clear: [
      '(?<!(?:documentary|film|novel|book|programme|play|article|story|leaflet|poster|campaign|course|training|session|week|month|awareness|spot|spotting|recognise|recognising|tackle|tackling|prevent|preventing|talk|protects? (?:people|them|us|adults|residents)|protection) (?:about |on |of |from |against )?)financial(?:ly)? (?:abus\\w*|exploit\\w*)',
      '(?<!(?:documentary|film|novel|book|programme|play|article|story|leaflet|poster|campaign|course|training|session|week|month|awareness|spot|spotting|recognise|recognising|tackle|tackling|prevent|preventing|talk|protects? (?:people|them|us|adults|residents)|protection) (?:about |on |of |from |against )?)sca(?:m|mmed|mmer|mmers|ms)(?! awareness)',
      'fraud\\w*',
      '(?:st(?:ole|olen|eal|eals|ealing)|nick(?:ed|s|ing)|thiev\\w*|theft)',
      'rogue traders?',
    ],
    possible: [
      '(?:took|tak(?:e|es|en|ing)|spen(?:d|ds|t|ding)|kept|keep(?:s|ing)?|us(?:es|ed|ing)|borrow(?:s|ed|ing)?|cash(?:es|ed|ing)|collect(?:s|ed|ing)?|withdr[ae]w\\w*|emptied|empty(?:ing)?|control(?:s|led|ling)?|help(?:s|ed|ing)? (?:him|her|them)sel(?:f|ves) to|ha(?:s|d|ve) got) (?:all |some |some of |most of |half )?(?:of )?(?:' +
        WHOSE +
        ' ){0,2}' +
        MONEY +
        '(?! in (?:a|her|his|the|my|their) (?:tin|purse|wallet|jar|safe|bank|account|drawer|box))',
      '(?:money|cash|pension|savings|jewell?e?ry) (?:has |had |have |keeps |kept )?(?:gone|going|went|goes) missing',
      'missing (?:money|cash|jewell?e?ry|savings)',
      '(?:money|cash|pension|savings|jewell?e?ry) (?:was |were |has been |had been |have been |being )?(?:taken|stolen|spent|used)',
      '(?:money|cash|pension|savings) (?:have|has|had) (?:all )?(?:gone|disappeared|vanished)',
      '(?:never|no) (?:[\\w\\x27]+ )?money (?:left )?(?:even though|despite|but (?:she|he|i) gets?)',
      '(?:where|what happens to) (?:her|his|my|their) (?:money|pension|benefits?|savings|wages) (?:goes|went|go)',
      "(?:never|not|doesn'?t|don'?t) (?:sees?|gets?|has|have) (?:[\\w\\x27]+ )?(?:any of (?:it|the money|her money|his money)|her (?:money|pension)|his (?:money|pension)|the change|any change|receipts?)",
      '(?:shopping|food|groceries|change|receipts?|dinners?) ' +
        words(2) +
        'never (?:seems? to )?(?:come|comes|arrives?|turns? up|appears?|gets? back|back)',
      'misus(?:e|es|ed|ing)',
      '(?:bought|buys|buying|treated) (?:him|her|them)sel(?:f|ves) (?:[\\w\\x27]+ ){0,3}with',
      '(?:buys?|bought|paying|pays|paid) (?:for )?(?:his|her|their) (?:own )?' +
        words(2) +
        '(?:with|out of|from) ' +
        WHOSE +
        ' (?:money|pension|card|account|savings|benefits)',
      'out of (?:her|his|my|their) (?:account|pension|savings|purse)',
      '(?:account|savings) (?:[\\w\\x27]+ ){0,2}(?:emptied|overdrawn|drained|cleared out)',
      '(?:withdrawals?|money taken out|cash taken out) ' +
        words(4) +
        '(?:at night|in the night|every night|\\d+ ?am)',
      '(?:withdrawals?|transfers?|payments?) ' +
        words(3) +
        "(?:she|he|i|they) (?:didn'?t|did not|never|doesn'?t|can'?t) (?:make|made|recogni[sz]e|know about|authori[sz]e|agree)",
      '(?:card|cards) and (?:[\\w\\x27]+ )?pin',
      '(?:knows?|has|have|got|uses?|used) (?:[\\w\\x27]+ )?(?:my|her|his|their) (?:pin|password|bank details|(?:bank |online banking )?login)',
      'made ' +
        WHO +
        ' (?:sign|change) (?:[\\w\\x27]+ ){0,2}(?:will|cheque|lpa|power of attorney|papers|forms)',
      '(?:gets?|got|getting|makes?|make|making) (?:me|her|him|them|mum|dad|nan|gran|grandad) (?:to )?sign',
      '(?:signs?|signed|signing) ' +
        words(2) +
        '(?:things|papers|forms|cheques|documents|everything|stuff) (?:for|on behalf of) (?:me|her|him|them)',
      '(?:changed|change|changing|rewrote|rewrite|rewritten) (?:[\\w\\x27]+ )?will',
      'new will',
      '(?:put|transferred|signed over|sign over|signing over) ' +
        words(2) +
        '(?:house|home|flat|bungalow|property|savings) (?:in(?:to)?|over to) (?:his|her|their) (?:name|names)',
      'misus\\w* (?:the |her |his |my )?(?:power of attorney|lpa|money|cards?|pension)',
      'pressur\\w* ' + WHO + ' (?:into|to) (?:give|giving|sign|signing|lend|lending|hand|handing)',
      '(?:asks?|asking|asked|begs?|begging|begged|borrow(?:s|ing|ed)?) ' +
        words(2) +
        'for (?:money|cash|a loan|loans|£)',
      "(?:won'?t|will not|doesn'?t) (?:give|let) (?:me|her|him) (?:have )?(?:my|her|his) (?:own )?(?:money|pension|card|cash)",
      'owe[sd]? (?:him|her|them) (?:money|thousands|hundreds)',
      '(?:lend|loan|give|giving|gave|lent|handed|hand|paid|pay) (?:him|her|them) (?:[\\w\\x27]+ )?(?:£\\s?\\d+|thousands|hundreds)',
      '(?:asked|asks|asking|keeps asking) (?:[\\w\\x27]+ ){0,2}(?:to )?(?:lend|loan|borrow)',
      'to the (?:cashpoint|cash machine|atm|hole in the wall)',
      '(?:doorstep|door-?step|cold[- ]?call\\w*)',
      '(?:came|come|comes|turned up|knocked|called) (?:to|on|at) (?:the|her|his|my|our) (?:door|house) ' +
        words(8) +
        '(?:paid|pay|pays|charged|£|cash|money|roof|gutters?|driveway|bank)',
      '(?:£\\s?\\d{1,3},\\d{3}|£\\s?\\d{4,}|thousands) ' +
        words(3) +
        '(?:for (?:a |the |some )?(?:roof|gutters?|driveway|garden|tarmac|repairs?|work))',
      "(?:lodger|(?:new )?'?friend'?|new boyfriend|new girlfriend|man|woman|lad|bloke|fella|couple|stranger|someone|people|men) " +
        words(4) +
        '(?:moved|moving|move|has moved|stays?|staying|living) (?:in(?:to)?|at) (?:with )?(?:her|him|them|mum|dad|nan|gran|grandad|' +
        WHOSE +
        ')',
      '(?:post|letters|mail|bills) (?:[\\w\\x27]+ ){0,2}(?:addressed to|in the name of) (?:him|her|them|someone else|a man)',
      'gift cards?',
      'loans? (?:in|under) (?:my|her|his|their) name',
      '(?:sign|signed|signing) ' +
        words(4) +
        "(?:i|she|he) (?:don'?t|doesn'?t|didn'?t) (?:understand|know what|read)",
      '(?:receipts?|change) ' + words(2) + "(?:never|don'?t|doesn'?t) (?:match|add up|tally)",
      "(?:says?|claims?|calls?) (?:she'?s|he'?s|she is|he is|herself|himself) (?:his|her) (?:girlfriend|boyfriend|fiancee?|partner|wife|husband)",
      '(?:payments?|direct debits?|subscriptions?|standing orders?) ' +
        words(4) +
        "(?:she|he) (?:didn'?t|never|doesn'?t|can'?t|couldn'?t) (?:set up|know about|agree|use|recogni[sz]e)",
      '(?:asking|asks|asked|wants|wanted) ' +
        words(2) +
        'for (?:her|his|my) (?:bank details|pin|password|card details|account details|login)',
      "using (?:her|his|[\\w']+'s) (?:address|name|identity|details) (?:for|to)",
      '(?:comes?|turns? up|round|visits?) (?:[\\w\\x27]+ )?(?:every |on )?pension day',
      '(?:nothing|no money) left (?:for|by|after) (?:the )?(?:rest of the week|the week|food|the weekend|bills)',
      '(?:now|put|transferred|changed|registered|signed over) (?:[\\w\\x27]+ ){0,2}in (?:his|her|their) name',
      "(?:being|been|was) sold (?:[\\w\\x27]+ ){0,3}(?:doesn'?t|didn'?t|don'?t) know",
      '(?:to )?[\'"](?:look after|mind|manage|help with|sort out|keep safe)[\'"]',
      near(
        '(?:appointee|power of attorney|lpa|deputy)',
        "(?:hasn'?t|has not|never|not|no) (?:had|got|have|bought|been given) (?:any )?(?:new )?(?:clothes|shoes|money|anything|spending money|holiday)",
        12,
      ),
      '(?:but|while) (?:he|she|they|my [\\w-]+) (?:has|have|got|bought) (?:a |himself a |herself a )?new (?:car|van|phone|tv|kitchen|holiday)',
      '(?:has|had|holds|keeps) (?:got )?(?:her|his|their) (?:bank ?books?|savings books?|cheque ?books?|passbook|post office card|pension book|pin)',
      '(?:sends?|sent|sending|posts?|posted) (?:them|him|her|off) (?:[\\w\\x27]+ )?(?:cheques|postal orders|gift cards)|(?:sends?|sent|sending) (?:them|off) (?:money|cash)',
      "(?:won|has won|she'?s won|he'?s won) (?:money|£|cash|thousands)",
      "(?:can'?t|cannot|couldn'?t) find (?:her|his|my) (?:savings book|bank ?book|bank ?card|purse|wallet|money|cash|jewell?e?ry|rings?|pension book|cheque ?book)",
      'witness (?:on|to|for) (?:some )?(?:papers|documents|a will|forms)',
      '(?:gives?|gave|giving|hands?|handed|handing) (?:[\\w\\x27]+ ){0,1}(?:whole |entire |all (?:of )?)?(?:her|his|my) (?:[\\w\\x27]+ )?(?:pension|money|savings|benefits|wages) (?:to|over to)',
      '(?:buying|buys|bought) (?:[\\w\\x27]+ ){0,2}from (?:a man|a woman|someone|people|men|a company) (?:who|that) (?:comes?|came|calls?|called|rings?|rang|knocks?)',
      "(?:residents'?|patients'?|their|everyone'?s) (?:money|cash|pensions|allowances|benefits) " +
        words(3) +
        '(?:in one pot|pooled|one account|mixed)',
      "(?:what|where|how much) (?:of )?(?:her|his|mum'?s|dad'?s|[\\w']+'s) (?:money|pension|savings|benefits) (?:[\\w\\x27]+ ){0,2}(?:spent|goes|gone|went|is spent)",
      '[\'"](?:boy|girl)?friend[\'"]|[\'"](?:partner|carer|nephew|niece|lodger|helper|fiance|fiancee|husband|wife)[\'"]',
      '(?:needs?|needed|wants?|asking for|asked for|asks for) (?:[\\w\\x27]+ ){0,1}money (?:for|to) (?:a |the |his |her )?(?:plane|flight|ticket|visa|hospital|operation|customs|fees?|travel|get here|come here)',
      '(?:met|meets|talks to|talking to) (?:[\\w\\x27]+ ){0,2}(?:online|on the internet|on facebook|on a dating)',
      "(?:£\\s?\\d+|money|cash|notes) (?:[\\w\\x27]+ )?(?:gone|missing|taken) (?:from|out of) (?:his|her|my|[\\w']+'s) (?:tin|purse|wallet|drawer|handbag|bag|room|account|jar|box)",
      '(?:man|men|he|she|builder|gardener|workman|trader|neighbou?r|lad|someone) (?:who (?:[\\w\\x27]+ ){1,4})?(?:now )?charg(?:es|ed|ing) (?:her|him|them|mum|dad|my \\w+) (?:£\\s?\\d{3,}|hundreds|thousands|a fortune)',
      "(?:ordering|orders|ordered|using|uses|used) (?:[\\w\\x27]+ ){0,3}on (?:her|his|[\\w']+'s) (?:catalogue|account|amazon|paypal|credit|name)",
      '(?:letters|calls|threats) (?:[\\w\\x27]+ )?about (?:debts?|arrears|money (?:she|he) owes)',
      '(?:won|win|winning|claim|claiming) (?:a |the |some )?(?:prize|lottery|competition|holiday|draw|sweepstake)',
      '(?:a man|a woman|someone|somebody|people|they|he|she) on the (?:phone|computer|internet) ' +
        words(6) +
        '(?:pay|paid|money|bank|card|details|prize|£)',
      near(
        '(?:does|handles|runs|manages|took over|takes care of|controls|sorts) (?:all )?(?:her|his|my) (?:banking|money|finances|bank|accounts?|pension|benefits)',
        "(?:no money|money (?:has |had )?(?:gone|run out)|can'?t afford|nothing left|overdrawn|in debt|debts?|arrears)",
        10,
      ),
      '(?:sending|sent|sends|send) (?:[\\w\\x27]+ ){0,2}money to (?:someone|a man|a woman|a person|a friend|somebody)',
    ],
  },
  modern_slavery: {
    clear: [
      '(?<!(?:documentary|film|novel|book|programme|play|article|story|leaflet|poster|campaign|course|training|session|week|month|awareness|spot|spotting|recognise|recognising|tackle|tackling|prevent|preventing|talk|protects? (?:people|them|us|adults|residents)|protection) (?:about |on |of |from |against )?)modern slavery(?! training| statement| policy| act| awareness| signs)',
      '(?<!(?:documentary|film|novel|book|programme|play|article|story|leaflet|poster|campaign|course|training|session|week|month|awareness) (?:about |on |of )?(?:modern )?)slave(?:ry)?(?! trade| museum| memorial| history)',
      '(?<!(?:documentary|film|novel|book|programme|play|article|story|leaflet|poster|campaign|course|training|session|week|month|awareness|spot|spotting|recognise|recognising|tackle|tackling|prevent|preventing|talk|protects? (?:people|them|us|adults|residents)|protection) (?:about |on |of |from |against )?)traffick\\w*',
      'cuckoo(?:ing|ed)?',
      '(?<!(?:documentary|film|novel|book|programme|play|article|story|leaflet|poster|campaign|course|training|session|week|month|awareness|spot|spotting|recognise|recognising|tackle|tackling|prevent|preventing|talk|protects? (?:people|them|us|adults|residents)|protection) (?:about |on |of |from |against )?)county lines',
    ],
    possible: [
      'forced (?:to )?(?:labou?r|work)',
      'work(?:s|ed|ing)? (?:for )?(?:no|nothing|free|hardly anything|no money|no pay|food and a bed)',
      '(?:works?|worked|working|cooks?|cooking|cleans?|cleaning|looks? after the (?:kids|children)) ' +
        words(5) +
        "(?:unpaid|for nothing|no pay|never paid|without pay|not paid|isn'?t paid|doesn'?t get paid|for free|for no money|for (?:his|her|their) keep)",
      '(?:cooks?|cooking|cleans?|cleaning|works?|working) (?:[\\w\\x27]+ ){0,2}for (?:the )?(?:whole|entire) (?:family|house|household)',
      '(?:works?|working|worked) (?:[\\w\\x27]+ ){0,4}(?:from \\d+(?:am| in the morning)? (?:till|until|to) (?:midnight|late|\\d+)|all hours|day and night|seven days a week|7 days a week)',
      '(?:took|tak(?:e|es|en)|kept|keep(?:s|ing)?|hold(?:s|ing)?|held|has got|looks? after) (?:' +
        WHOSE +
        ' )?(?:passports?|id|documents|papers|visa)',
      '(?:passports?|documents|id|papers|visa) (?:was |were |has been |have been |are |is )?(?:taken|kept|held)',
      "(?:no|without|hasn'?t got|doesn'?t have|not got|never (?:has|had)) (?:a |her |his |their |any )?(?:passport|documents|visa)",
      'debt bondage',
      "(?:can'?t be|cannot be|no) (?:more|older) than (?:1[0-7]|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)",
      '(?:in and out|coming and going|come and go|comings and goings) ' +
        words(4) +
        '(?:all night|all hours|at all hours|every night|day and night)',
      'looked (?:about |around |no more than |only )?(?:1[2-7]|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)',
      '(?:brought|taken|dropped off|picked up) (?:[\\w\\x27]+ ){0,4}in (?:different|lots of|various) cars',
      '(?:lives?|living|sleeps?|sleeping) in (?:a|the) (?:container|shipping container|portakabin|outbuilding|barn|stable)',
      '(?:charge|charges|charged|take|takes|took) (?:him|her|them) (?:for )?(?:rent|food|rent and food|board|transport|travel) (?:[\\w\\x27]+ ){0,3}(?:never|no|hardly|nothing)',
      "keeps? (?:his|her|their|the) (?:staff'?s?|workers'?|girls'?|men'?s|lads'?) (?:phones|passports|documents|money|wages|cards)",
      '(?:live|lives|living|sleep|sleeps|sleeping|stay|stays) (?:above|behind|over|under|at the back of|in the back of) the (?:shop|restaurant|takeaway|car wash|salon|garage|factory|premises|business)',
      '(?:never|not) (?:[\\w\\x27]+ )?paid (?:in(?:to)? )?(?:her|his|their) own',
      '(?:made|forced|being made|pressured|told) to (?:carry|deliver|hold|move|sell|run) (?:[\\w\\x27]+ ){0,2}(?:bags|packages|parcels|drugs|gear|money)',
      '(?:say|says|said|saying|claim\\w*) (?:that )?(?:he|she|i|they) owes? (?:them|him|her)',
      '(?:work\\w*|doing|does|did) ' +
        words(5) +
        '(?:with no wages|for no wages|without (?:wages|pay|being paid))',
      '(?:pay|pays|paid|paying) (?:her|him|them) (?:nothing|next to nothing|hardly anything|pennies)',
      'brought (?:here|over)(?: from \\w+)? to (?:be|work|look after|clean|cook)',
      '(?:gaffer|boss|gangmaster) (?:[\\w\\x27]+ ){0,2}(?:keeps?|holds?|has|took|takes) (?:their|his|her|them)',
      "(?:doesn'?t|does not|never|isn'?t allowed to|not allowed to|can'?t) go to school",
      '(?:live|lives|living|sleep|sleeps|sleeping|stay|stays) (?:in|at) the back(?: of (?:the )?(?:shop|restaurant|takeaway|car wash|salon|garage|factory|premises|van))?(?! of)',
      '(?:boss|gangmaster|employer|the man in charge) (?:[\\w\\x27]+ ){0,2}(?:drives|takes|collects|picks up|keeps|holds|has) (?:them|him|her|their|his)',
      '(?:has|have|had) (?:got )?(?:her|his|their) (?:passports?|documents|papers|visa)',
      'sleeps? (?:there|at work|at the (?:[\\w\\x27]+ )?(?:shop|restaurant|factory|farm|car wash|takeaway|salon|nail bar|site))',
      '(?:makes?|made|making|forced?|forcing) (?:me|her|him|them) (?:to )?work',
      'all hours for (?:nothing|no pay|no money|free|pennies)',
      'never (?:seems? to )?(?:go(?:es)? out|leaves?|gets? paid)',
      'never (?:seen|see|sees|saw) (?:her|him|them) (?:go out|going out|leave|out) (?:alone|on (?:her|his|their) own)',
      "(?:isn'?t|aren'?t|not|never) (?:ever )?allowed out",
      'paying off (?:a|the|his|her|their) debt',
      '(?:pay|paying|pays) (?:back|off) (?:what|the money) (?:he|she|they|i) owes?',
      'owes? ' +
        words(3) +
        '(?:for (?:bringing|getting) (?:me|her|him|them)|for (?:his|her|their|my) (?:travel|journey|trip|passage)|for the (?:travel|journey|trip))',
      "(?:not allowed|can'?t|cannot|isn'?t allowed) to leave",
      'sleep(?:s|ing)? ' +
        words(3) +
        '(?:in|on) (?:the|a) (?:shed|garage|van|car|outbuilding|caravan|kitchen floor|storeroom|store room|cellar|basement)',
      '(?:picked up|collected|dropped off|taken) ' +
        words(3) +
        '(?:in|by) a (?:[\\w\\x27]+ )?(?:van|minibus)',
      '(?:lots of|several|many|loads of|\\d+|five|six|seven|eight|ten) (?:men|people|workers|lads|girls|women) (?:[\\w\\x27]+ ){0,2}(?:living|staying|sleeping) in (?:one|a|the|that) (?:[\\w\\x27]+ )?(?:house|room|flat)',
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
      '(?<!(?:documentary|film|novel|book|programme|play|article|story|leaflet|poster|campaign|course|training|session|week|month|awareness|spot|spotting|recognise|recognising|tackle|tackling|prevent|preventing|talk|protects? (?:people|them|us|adults|residents)|protection) (?:about |on |of |from |against )?)hate (?:crime|incident)s?',
      'discriminat\\w*',
    ],
    possible: [
      "because (?:of )?(?:i'?m|i am|she'?s|she is|he'?s|he is|they'?re|they are|we'?re|we are)? ?(?:a |an )?" +
        IDENTITY,
      "(?:refus\\w*|treat\\w*|turned away|ignor\\w*|mock\\w*|laugh\\w*|picked on|bull\\w*|excluded|left out|won'?t|wouldn'?t|call\\w*|not allowed|banned|charged more|talk\\w*|speak\\w*|spoke|made fun|shout\\w*|put (?:him|her|them|me) (?:at|on|in)) " +
        words(6) +
        "because (?:of )?(?:i'?m|i am|she'?s|she is|he'?s|he is|they'?re|they are|we'?re|we are)? ?['\"]?(?:a |an )?" +
        DISABILITY,
      'because (?:[\\w\\x27]+ ){0,3}(?:says?|said|thinks?) (?:her|his|my|their) (?:[\\w\\x27]+ )?(?:smells?|is|are|looks?) (?:foreign|funny|dirty|weird|strange|different)',
      'slurs?',
      "because (?:she|he|they)(?:'s| is| are)? ?['\"]?(?:can'?t|cannot|doesn'?t) (?:communicate|speak|talk|understand|hear) (?:properly|english|well)",
      "people like (?:us|you|her|him|them|me) (?:should be grateful|don'?t deserve|shouldn'?t expect|shouldn'?t have|can'?t expect)",
      '(?:ignor\\w*|mock\\w*|laugh\\w* at|stop\\w*|told off) ' +
        words(3) +
        '(?:speaks?|speaking|talks?|talking) (?:welsh|urdu|punjabi|polish|gaelic|bengali|arabic|gujarati|somali|his own language|her own language|(?:his|her|their) (?:own )?language|bsl|sign language)',
      "(?:couldn'?t|can'?t|won'?t|wouldn'?t) (?:meet|cater for|manage) (?:his|her|their) ['\"]?(?:cultural|religious) needs",
      '(?:wrote|written|painted|sprayed|scratched|scrawled) ' +
        words(4) +
        '(?:on|across) (?:her|his|my|their|our|the) (?:front )?(?:door|wall|car|house|windows?)',
      'because (?:[\\w\\x27]+ ){0,4}(?:gay|lesbian|trans|black|muslim|jewish|sikh|hindu|foreign|traveller|gypsy|asian)\\b',
      '(?:caribbean|african|asian|indian|pakistani|chinese|polish|halal|kosher|jamaican|somali) food (?:[\\w\\x27]+ ){0,4}(?:stinks?|smells?|not allowed|banned)',
      "(?:won'?t|refuses? to|doesn'?t|never|didn'?t) use (?:my|her|his|their) (?:pronouns|name|chosen name|new name|real name)",
      'dead ?nam\\w*|misgender\\w*|only two genders',
      "(?:couldn'?t|can'?t|won'?t) be bothered (?:with|to (?:learn|say|use)) (?:his|her|their|my) (?:real |proper )?name",
      "(?:won'?t|couldn'?t|can'?t|refuse to|refused to) (?:learn|say|pronounce|use) (?:his|her|their|my) (?:real |proper )?name",
      '(?:threw|throw|throwing|thrown) (?:[\\w\\x27]+ ){0,2}(?:at|through) (?:our|her|his|my|their|the) (?:windows?|door|house|car)',
      '(?:about|at) (?:us|her|him|me|them) being (?:foreign\\w*|black|gay|muslim|disabled|immigrants?|refugees?|polish|asian|jewish|trans)',
      "(?:won'?t|doesn'?t|don'?t|refuse\\w*|never|didn'?t) (?:[\\w\\x27]+ ){0,2}(?:celebrate|mark|allow|cater for|respect|provide|let (?:him|her|them) (?:have|keep|use)) (?:[\\w\\x27]+ ){0,1}(?:eid|diwali|ramadan|hanukkah|passover|vaisakhi|halal|kosher|his faith|her faith|their faith|prayers?|prayer mats?|religion)",
      'prayer mats? (?:[\\w\\x27]+ ){0,3}(?:cupboard|away|taken|hidden|not allowed)',
      '(?:come back|try again|ring back|call back) when (?:she|he|you|i|they) (?:can )?(?:speak|talk) (?:properly|english|better|clearly)',
      "(?:wouldn'?t|won'?t|refused to|didn'?t|would not|will not) let (?:[\\w\\x27]+ ){0,3}(?:in|on|join|use|come) (?:[\\w\\x27]+ ){0,4}because (?:of )?(?:his|her|their|my|he|she|they)",
      '(?:telling|told|tells|saying) (?:her|him|them|us|me) to (?:go (?:home|back)|get out|leave the (?:country|area|street|estate))',
      SLUR,
      "(?:laugh|mock|sneer|jok|copy|copies|copied|mimic|imitat)\\w* (?:at |about )?(?:my|her|his|their|the way (?:i|she|he|they)) (?:[\\w']+ )?(?:accent|stammer|stutter|disability|wheelchair|religion|colou?r|skin|sexuality|hijab|turban|headscarf|speech|voice|limp|hearing aids?|signing|talks?|walks?|speaks?)",
      '(?:made|making|makes) fun of (?:my|her|his|their|the way)',
      '(?:jokes?|joking|comments?|remarks?|laugh\\w*|mock\\w*|teas\\w*|names|sniggers?) about (?:her|his|my|their|him|me) (?:being )?(?:fat|weight|size|colou?r|skin|accent|disability|religion|sexuality|age|hair|smell|gay|deaf|blind|disabled)',
      "(?:won'?t|wouldn'?t|refus\\w*) (?:to )?(?:care for|serve|help|work with) (?:me|her|him|them) because",
      "(?:won'?t|wouldn'?t|refus\\w* to|refuse to) (?:touch|wash) (?:me|her|him|them)",
      'go back to (?:your|her|his|their) (?:own )?country',
      'go back (?:to )?where (?:you|she|he|they) (?:came|come) from',
      '(?:told|tells|telling) (?:[\\w\\x27]+ ){0,2}to speak (?:proper )?english',
      "(?:your|her|his|their|you) (?:kind|lot|sort|type)(?: of people)? (?:don'?t|aren'?t|can'?t|shouldn'?t|should|are|always|never|get|deserve)",
      "(?:wouldn'?t|won'?t|refused to) let (?:[\\w\\x27]+ ){0,3}in with (?:her|his|their|my) (?:guide|assistance) dogs?",
      '(?:guide|assistance) dogs? ' + words(4) + '(?:refused|not allowed|turned away|banned)',
      "(?:don'?t|doesn'?t|won'?t|never) (?:bother to )?sign to (?:her|him|them|me)",
      '(?:talk\\w*|spoke|speak\\w*) to (?:me|us|my \\w+) instead of (?:him|her|them)',
      "(?:refused|refuse|won'?t|wouldn'?t) (?:[\\w\\x27]+ )?(?:let (?:him|her|them|me) )?(?:pray|fast|practise (?:his|her|their) (?:faith|religion)|wear (?:her|his|a) (?:hijab|turban|headscarf|kippah))",
      "(?:refused|won'?t let|wouldn'?t let|not allowed|stopped) (?:[\\w\\x27]+ )?(?:to )?(?:pray|fast|practise (?:his|her|their) (?:faith|religion)|wear (?:her|his|a) (?:hijab|turban|headscarf|kippah))",
      '(?:muslims|jews|blacks|gays|gypsies|travellers|foreigners|immigrants|asians|disabled people|poles) are (?:trouble|dirty|lazy|scum|animals|a problem|the problem|disgusting)',
    ],
  },
  organisational: {
    clear: [
      '(?<!(?:documentary|film|novel|book|programme|play|article|story|leaflet|poster|campaign|course|training|session|week|month|awareness|spot|spotting|recognise|recognising|tackle|tackling|prevent|preventing|talk|protects? (?:people|them|us|adults|residents)|protection) (?:about |on |of |from |against )?)(?:organisational|organizational|institutional) (?:abus\\w*|neglect\\w*)',
    ],
    possible: [
      '(?:residents|patients|people|everyone|they|we) (?:are|were|get|got) (?:all )?(?:left|ignored|shouted at|locked in|put to bed|got up|rushed)',
      '(?:all |everyone )?put to bed at (?:\\d|four|five|six|seven|half)',
      '(?:everyone|everybody|all (?:the )?residents|residents|they all|all of them|people) ' +
        words(4) +
        '(?:in bed|to bed|put to bed|up|got up|bathed|showered|washed|dressed|fed|nightclothes|pyjamas|nighties) (?:by|at|before) (?:\\d|four|five|six|seven|eight|half)',
      '(?:rota|the staff|staff|the home|the manager|the schedule|the routine|the shift) (?:[\\w\\x27]+ )?(?:decides?|dictates?|decided|says?) ' +
        words(3) +
        '(?:when|what time|who|if|whether|bath\\w*|shower\\w*|bed)',
      '(?:baths?|showers?|bathing|showering|when the rota says) ' +
        words(2) +
        '(?:once a (?:week|fortnight|month)|on (?:a )?rota|every (?:other|two|three|few) weeks|(?:only )?on (?:mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays))',
      '(?:one|a|1|only one) (?:bath|shower|wash) (?:a|every|per) (?:week|fortnight|month)',
      '(?:doors?|front door|exits?|the unit|the ward|the kitchen|the garden|the lounge|fridges?|cupboards?|kitchens?) ' +
        words(3) +
        '(?:are|is|kept|always|permanently) (?:[\\w\\x27]+ )?locked',
      '(?:short[- ]staffed|understaffed|under[- ]staffed|not enough staff|staff shortages?|too few staff|only (?:has |have )?(?:one|two|2) staff|skeleton staff) ' +
        words(6) +
        '(?:so|and|means|meaning|because) ' +
        words(3) +
        '(?:left|ignored|wait|waiting|waited|no one|nobody|never|stuck|alone|go without|put to bed|in bed)',
      '(?:because|as|since) (?:[\\w\\x27]+ ){0,3}(?:shift|unit|home|staff) (?:only )?(?:has|have|had) (?:one|two|2|1) (?:staff|carers?)',
      '(?:call )?(?:bells?|buzzers?) (?:are |were |get |gets |got |is |was )?(?:ignored|not answered|unanswered|turned off|switched off|out of reach|taken away)',
      'ignor(?:e|ed|es|ing) (?:the |her |his |my )?(?:call )?(?:bells?|buzzers?)',
      'lock(?:s|ed|ing)? (?:[\\w\\x27]+ ){0,2}(?:in|into) (?:their|her|his|my) rooms?',
      '(?:took|taken|take|takes|taking|moved|moves) (?:the |her |his |my |their )?(?:call )?(?:bells?|buzzers?)',
      '(?:got|get|gets|getting) (?:everyone|everybody|the residents|residents|them all|people) (?:up (?:at|by|before|early|in the)|into (?:their )?(?:nightclothes|pyjamas|nighties|bed))',
      'sedat(?:ed|ing|es)',
      '(?:sedat|drugg)(?:e|ed|es|ing)\\w* ' + WHO,
      '(?:chemical|liquid) cosh',
      'like (?:a )?zombies?',
      'chemical(?:ly)? restrain\\w*',
      '(?:staff|carers?|care workers?|workers?|nurses?) (?:shout|swear|laugh|slap|push|drag|rough|mock|yell|scream)\\w*(?! with)',
      '(?:one|1|two|2) (?:carers?|staff|members? of staff|nurses?) (?:on )?(?:for|to|looking after) (?:\\d+|ten|twelve|fifteen|twenty|thirty|forty) (?:residents|people|patients)',
      '(?:staff|carers|nurses|night staff) (?:[\\w\\x27]+ ){0,2}(?:asleep|sleeping|on their phones)',
      'left (?:[\\w\\x27]+ ){0,3}(?:on|in) (?:the |a )?(?:commode|toilet|chair|bed|hallway|corridor|lounge|day room|wheelchair|dining room) (?:for|all)',
      '(?:no|not) (?:[\\w\\x27]+ ){0,2}(?:allowed) (?:to )?(?:have )?(?:visit(?:ors|s)?|a drink|out|to see)',
      '(?:if|when) (?:you|we|families|relatives|i|she|he|they) (?:complain|complained|complains|raise (?:it|anything)|speak up|say anything),? ' +
        words(3) +
        "(?:take it out on|get back at|punish|ban|threaten|'?lose'? (?:your|her|his|their))",
      'rigid routines?',
      "so (?:the )?(?:staff|carers|they|night staff) (?:don'?t|do not|won'?t|doesn'?t) (?:have|need) to",
      "(?:nobody|no one|residents|people|they) (?:is|are|isn'?t|aren'?t) allowed (?:a |to have a )?(?:bath|shower|drink|snack|cup of tea|visitors?) (?:after|before|until)",
      "because (?:the )?(?:night |day |agency |late |early )?(?:staff|carers|shift) (?:won'?t|don'?t|can'?t|refuse)",
      'shout\\w* (?:the |their |her |his )?(?:numbers|weights?|results) out',
      '(?:weigh|weighs|weighed|weighing|wash|washes|washed|undress\\w*) (?:everyone|people|residents|her|him|them|mum|dad) (?:in|at) (?:the )?(?:lounge|corridor|dining room|hallway)',
      '(?:only|just) ' + words(3) + 'at set times',
      'ration(?:ed|ing)',
      '(?:anyone|whoever|people|residents|those) who (?:complains?|speaks? up|asks? questions|makes? a fuss) ' +
        words(2) +
        '(?:gets?|is|are) (?:moved|punished|ignored|left|told off|shouted at|threatened|banned|sent)',
      '(?:breakfast|woken|washed|got up|dressed) (?:[\\w\\x27]+ ){0,2}at (?:[4-6](?::\\d\\d)? ?am|four|five|half (?:four|five))|(?:bed|to bed) (?:[\\w\\x27]+ ){0,2}(?:at|by) (?:[4-6](?::\\d\\d)? ?pm|four|five|half (?:four|five|six))|(?:tea|dinner|supper) (?:[\\w\\x27]+ ){0,2}at (?:[34](?::\\d\\d)? ?pm|three|four)',
      "because (?:that'?s|it'?s|that is) when (?:the )?(?:[\\w\\x27]+ )?(?:staff|carers?|kitchen|shift)",
      '(?:only )?(?:lets|allows) (?:families|family|visitors|relatives) (?:visit |in )?(?:for )?(?:\\d+|ten|twenty|thirty|fifteen) minutes',
      '(?:headphones|earphones|on (?:their|her|his) phones?) (?:[\\w\\x27]+ ){0,6}(?:nobody|no one|noone) (?:answers?|comes?|responds?)',
      '(?:nobody|no one|noone|no-one) (?:answers?|comes?|responds?) when (?:residents|they|she|he|patients) (?:call out|calls out|shout|shouts|cry|cries|press|presses)',
      '(?:lights out|lights off|tv off|telly off) (?:at|by)',
      'everyone in (?:their|bed|his|her) rooms? (?:by|at|from)',
      'everyone the same (?:haircut|clothes|food|meal|bedtime|pureed|mashed)',
      "(?:don'?t|doesn'?t|didn'?t|won'?t|never) (?:bother to )?get (?:people|them|residents|her|him|mum|dad|everyone) (?:up|out of bed|dressed|washed)",
      '(?:residents|everyone|everybody|people|they|them|mum|dad|she|he) (?:are |is |get |gets |were |was )?(?:woken|woke|got up|washed|dressed) (?:up )?(?:at|by|before) (?:\\d|four|five|six|half)',
      'so (?:the )?(?:day|night|morning|late|early|next) (?:staff|shift|team)',
      '(?:nobody|no one|noone|residents|people|they) ' +
        words(3) +
        "(?:is|are|isn'?t|aren'?t) allowed (?:out|outside|in the garden|to go out)",
      "(?:because|as) (?:it'?s|it is) (?:easier|quicker|cheaper|less work|more convenient)",
      '(?:easier|quicker|less work|more convenient) for (?:the )?(?:staff|them|carers|the home|the night shift)',
      '(?:switch|turn|unplug|disconnect)(?:es|ed|s|ing)? (?:off |out )?(?:the |her |his |their )?(?:call )?(?:bells?|buzzers?|alarms?|pendants?|sensors?|sensor mats?)',
      '(?:hearing aids?|glasses|dentures|teeth|clothes) (?:[\\w\\x27]+ ){0,2}(?:have |has |keep |keeps |kept )?(?:been |getting |going )?(?:lost|gone missing|go missing|thrown away)',
      '(?:toilet\\w*|bath\\w*|shower\\w*|wash\\w*|fed|feeding|turned|changed|put to bed|got up) (?:[\\w\\x27]+ ){0,2}(?:on|to|by) (?:a|the) (?:schedule|rota|timetable)',
      '(?:everyone|everybody|residents|all|people) (?:[\\w\\x27]+ ){0,4}(?:has|have|must|are made) to (?:eat|get up|go to bed|be in bed|have (?:a )?(?:bath|shower)|go to the toilet) at the same time',
      '(?:make|makes|made|making) (?:[\\w\\x27]+ ){0,1}(?:eat|sit|stay|sleep) (?:in (?:her|his|their) rooms?|alone|on (?:her|his|their) own|separately|apart|away from)',
      near(
        '(?:stopped|banned|cancelled|restricted|moved|threatened|punished|refused|took away|taken away|evicted|gave (?:her|him|us) notice|given notice)',
        '(?:after|because|since|when) (?:i|we|she|he|they|my \\w+|mum|dad) (?:complained|raised (?:a )?concerns?|spoke up|made a complaint|asked questions|reported)',
        6,
      ),
      '(?:signed|signs|sign|ticked|filled in|recorded) (?:[\\w\\x27]+ ){0,3}(?:to say (?:they|she|he)|as if|anyway|even though)',
      '(?:no|any|without) (?:privacy|dignity)',
      'in front of (?:visitors|everyone|other residents|the other residents)',
    ],
  },
  neglect: {
    clear: ['neglect\\w*', 'neglegt\\w*', 'negelect\\w*', 'acts? of omission'],
    possible: [
      "(?:not|never|no one|nobody|noone|no-one|didn'?t|don'?t|doesn'?t|hasn'?t|haven'?t|weren'?t|wasn'?t|isn'?t|aren'?t) (?:[\\w\\x27]+ ){0,3}(?:fed|feed|feeding|washed|changed|turned|repositioned|bathed|showered|toileted|helped (?:him|her|me) (?:eat|wash|to the toilet)|given (?:[\\w\\x27]+ ){0,2}(?:food|drinks?|water|medication|meds|tablets|insulin|dinner|lunch|breakfast))",
      'left (?:[\\w\\x27]+ ){0,3}(?:without|with no) (?:[\\w\\x27]+ ){0,2}(?:food|water|a drink|heating|help|care|meds|medication|tablets)',
      'left (?:[\\w\\x27]+ ){0,3}(?:alone |on (?:her|his|their|my) own )?for (?:hours|days|the night|all (?:day|night)|\\d+ hours|ages|hours on end|the whole (?:day|night|weekend)|the weekend)',
      '(?<!(?:for|prevent|preventing|avoid|avoiding|no|of) )(?:bed|pressure) ?(?:sores?|ulcers?)',
      '(?:red raw|sore bottom|skin (?:is )?(?:broken|breaking down))',
      'dehydrat\\w*',
      'malnourish\\w*',
      'starv\\w*',
      '(?:missed|missing|skipped|skipping) (?:[\\w\\x27]+ ){0,1}(?:visits?|calls?|medication|meds|doses?|tablets|meals?)',
      '(?:meals?|lunch|dinner|breakfast|tea|drinks?) (?:[\\w\\x27]+ ){0,2}(?:skipped|not given|forgotten)',
      '(?:tablets?|medication|meds|medicines?|insulin|doses?|eye drops|inhalers?) ' +
        words(2) +
        '(?:missed|forgotten|not given|never given|found (?:on|in)|in the bin|down the side|still in (?:the )?(?:packs?|blister\\w*|dosette\\w*|box)|on the floor|given late|given at the wrong)',
      '(?:forgot|forgets|forgetting|forgotten) (?:to give )?(?:[\\w\\x27]+ ){0,2}(?:tablets|medication|meds|medicine|insulin|doses?|eye drops|inhaler)',
      "(?:carers?|care workers?|agency|they) (?:didn'?t|did not|never|don'?t|do not|doesn'?t|does not|haven'?t|hasn'?t) (?:[\\w\\x27]+ )?(?:turn(?:ed)? up|come|came|show(?:ed)? up|arrive|bother|feed|wash|change)",
      'no[- ]shows?',
      '(?:sent|send|sends) (?:nobody|no one|noone|no-one)',
      '(?:with no|without) (?:food|water|heating|a drink|drinks|meds|medication|help)',
      '(?:no|without) (?:food|water|heating) (?:in the (?:house|flat|fridge|home))',
      '(?:calls?|visits?) (?:has |have |had |keep |keeps |kept )?(?:been |being |getting )?missed',
      '(?:went|go|goes|gone|put) to bed without (?:her|his|my|their|any) (?:tablets|medication|meds|insulin|dinner|tea|food|supper)',
      '(?:sat|sitting|sit|lying|laying|lay|left|lie) in (?:her|his|my|their) own (?:urine|wee|faeces|mess|poo|excrement|waste)',
      '(?:wet|soiled|dirty) (?:pads?|beds?|sheets|clothes|nappies)',
      '(?:smells?|smelling|stinks?|stinking|reeks?|reeking) (?:strongly )?of (?:urine|wee|pee|poo|faeces)',
      'on the (?:floor|ground) (?:for|all) (?:hours|\\w+ hours|the night|night|day|ages)',
      'fell and (?:was|were|lay|laid|nobody|no one)',
      '(?:nobody|no one|noone|no-one) (?:came|checked|helped|noticed|answered)',
      '(?:nobody|no one|noone|no-one) (?:had |has )?(?:been|checked|visited|looked|popped) (?:in|on|round)? ?(?:her|him|them|me)? ?(?:for|since)',
      '(?:pressed|pulled|used|rang|pushed) ' +
        words(2) +
        '(?:pendant|alarm|buzzer|button|call bell|bell|cord|lifeline) ' +
        words(6) +
        "(?:nobody|no one|noone|no-one|nothing|no answer|no response|never|didn'?t) (?:[\\w\\x27]+ )?(?:came|come|answered|happened|responded|turned up|arrived)",
      '(?:food|meals?|dinner|lunch|tea|sandwich\\w*|tray|drinks?|water|cup) ' +
        words(3) +
        "(?:out of reach|where (?:she|he|they) (?:can'?t|cannot|couldn'?t) reach|untouched)",
      '(?:not|never|no one|nobody) ' +
        words(2) +
        '(?:taken|helped|assisted) (?:[\\w\\x27]+ )?to the (?:toilet|loo|bathroom)',
      '(?:told|made|expected) to (?:go|wee|pee|poo|do it|soil (?:her|him)self) (?:[\\w\\x27]+ ){0,2}(?:pads?|nappy|nappies|bed|chair|themselves)',
      '(?:wrong|no) (?:medication|meds|tablets)',
      '(?:catheter|bag|pad|pads|commode|toilet|nappy) (?:[\\w\\x27]+ ){0,2}overflowing|overflowing (?:catheter|bag|pad|commode)',
      '(?:just )?(?:leave|leaves|left) (?:him|her|them|mum|dad) in (?:bed|the chair|his chair|her chair|the dark|the cold)(?: all day|\\s*(?:[.,!;]|$))',
      '(?:glasses|hearing aids?|dentures|teeth) (?:[\\w\\x27]+ ){0,2}(?:missing|broken|lost) for (?:weeks|months|days|a (?:week|month|fortnight))',
      "(?:haven'?t|hasn'?t|don'?t|doesn'?t|never have|never has) (?:got )?(?:the )?time to (?:heat|cook|feed|wash|change|turn|give)",
      '(?:found|left) on the (?:[\\w\\x27]+ )?floor (?:by|when|in the morning|all night|the next|until)',
      "(?:hadn'?t|hasn'?t|didn'?t|never|had not|has not|did not) (?:been )?(?:checked|check) on (?:him|her|them|mum|dad)",
      "(?:never|don'?t|doesn'?t|didn'?t|not|won'?t) (?:[\\w\\x27]+ )?(?:put|puts|putting) (?:in )?(?:his|her|their) (?:hearing aids?|teeth|dentures|glasses)",
      '(?:left|put|leave|leaves|placed) ' +
        words(3) +
        '(?:on the other side of the room|across the room|out of (?:her|his|their) reach)',
      '(?:pads?|nappy|nappies|bed|sheets|mattress|clothes) (?:[\\w\\x27]+ ){0,3}(?:soaked|sodden|leaked|leaking|wringing)',
      'in and out in (?:\\d+|five|ten|two|three|a few) minutes',
      'no (?:dinner|food|lunch|tea|drink|water|meal) (?:left|made|put out)',
      '(?:asking|asked|begging|crying|shouting|calling|screaming) (?:out )?for (?:a drink|water|the toilet|help|food|a wee|the loo|someone) (?:[\\w\\x27]+ ){0,2}(?:for hours|for ages|for \\w+ hours|all day|all night|all afternoon|all morning|all evening)',
      "(?:ulcers?|wounds?|dressings?|sores?) (?:[\\w\\x27]+ ){0,3}(?:not|never|hasn'?t been|haven'?t been|wasn'?t|weren'?t) (?:[\\w\\x27]+ )?(?:dressed|changed|cleaned|checked|seen)",
      'the (?:smell|stench|stink) (?:is|was) (?:awful|terrible|unbearable|horrendous|disgusting|overpowering)',
      '(?:nails|toenails|fingernails) (?:[\\w\\x27]+ ){0,3}(?:long|overgrown|curl\\w*|filthy|dirty|not cut|never cut)',
      "(?:nails|toenails|fingernails) (?:hadn'?t|hasn'?t|haven'?t|had not|has not) been cut",
      '(?:feet|toes|heels|bottom|skin|gums) (?:were |are |was |is )?bleeding',
      '(?:leave|leaves|left) (?:the )?(?:back |front )?door (?:open|unlocked|wide open) (?:when|and|after)',
      '(?:tablets|medication|meds|insulin|doses?) ' +
        words(3) +
        '(?:given|had) (?:twice|double)|double dos(?:ed|es|ing)',
      '(?:in|on) the same (?:chair|bed|position|spot|pad) (?:for|since|all)',
      '(?:nobody|no one|noone|no-one) (?:has |had )?(?:moved|turned|changed|fed|washed|helped) (?:her|him|them|mum|dad)',
      '(?:nobody|no one|noone|no-one)(?: at the \\w+| from the \\w+)? (?:has |had )?(?:noticed|spotted|realised|checked|cleaned|bothered)',
      '(?:lips|mouth|tongue) (?:[\\w\\x27]+ )?(?:cracked|dry|parched)',
      'still on the (?:tray|plate|side|table)',
      "(?:didn'?t|did not|never|wasn'?t|weren'?t) (?:tell|told|inform|informed|ring|call|let) (?:us|me|the family|anyone) (?:[\\w\\x27]+ ){0,2}(?:until|till|for (?:days|\\d+ days|a week))",
      '(?:hair|clothes|bed|sheets) (?:[\\w\\x27]+ )?(?:matted|filthy|soaked|stained|crusted)',
      "(?:don'?t|won'?t|doesn'?t|didn'?t|not|never) (?:get|gets|got|getting) (?:fed|a meal|anything to eat|any (?:food|dinner|lunch|tea|breakfast))",
      '(?:nobody|no one|noone|no-one) (?:helps?|helped|assists?|feeds?|fed|sits with) (?:[\\w\\x27]+ )?(?:her|him|them|mum|dad|me)? ?(?:to )?(?:eat|drink|with (?:her|his|their) (?:food|meals?|dinner|drink))',
      '(?:take|took|takes|taken|taking) (?:it|the plate|the tray|her plate|his plate|the food|her food|his food) away (?:full|untouched|uneaten|still full|without)',
      near(
        '(?:push|pushes|pushed|pushing|holds?|held|keeps?|kept|sits?|sat|forces?|forced|straps?|strapped|tie|ties|tied)',
        'when (?:they|she|he) (?:try|tries|tried|want|wants|wanted) to (?:stand|get up|walk|leave|go|move)',
        6,
      ),
      '(?:sent|discharged) home ' +
        words(4) +
        '(?:no food|nothing in|no one|nobody|no care|no help)',
    ],
  },
  self_neglect: {
    clear: [
      '(?<!(?:documentary|film|novel|book|programme|play|article|story|leaflet|poster|campaign|course|training|session|week|month|awareness|spot|spotting|recognise|recognising|tackle|tackling|prevent|preventing|talk|protects? (?:people|them|us|adults|residents)|protection) (?:about |on |of |from |against )?)self[- ]?neglect\\w*',
      'hoard(?:s|ed|er|ers|ing)?',
      'hord(?:e|es|ed|er|ers|ing)',
    ],
    possible: [
      "(?:not|isn'?t|isnt|hasn'?t|stopped|won'?t|wont|refus\\w*|doesn'?t|can'?t be bothered|no longer|barely|hardly) (?:[\\w\\x27]+ ){0,2}(?:eating|eat|eaten|washing|wash|washed|bathing|shaving|changing (?:her|his|my) clothes|taking (?:his|her|my|their) (?:[\\w\\x27]+ )?(?:tablets|medication|meds|insulin)|opening (?:the door|(?:his|her|my) post|letters)|letting (?:anyone|anybody|people|the carers|us) in|getting out of bed)",
      '(?:house|flat|home|place|room|bungalow) (?:is|was|has been) (?:[\\w\\x27]+ )?(?:full of|filthy|squalid|a tip|disgusting|covered in|infested|piled|freezing|falling apart|a fire risk|a death trap|unsafe)',
      'squal(?:id|or)',
      'infest\\w*',
      '(?:rubbish|bags|newspapers|junk|stuff|bottles|cans|post|letters) (?:are |is )?(?:piled|piling|stacked|everywhere|up to)',
      'piles? of (?:newspapers|rubbish|bags|post|letters|boxes|stuff|junk|papers|dirty|bottles)',
      "can'?t see the floor",
      'stopped (?:answering|opening) (?:the|her|his|my|their) (?:door|phone|post)',
      '(?:stink|stench|pong|smell)s? (?:[\\w\\x27]+ ){0,2}(?:from|coming from|out of) (?:the |her |his |their )?(?:letterbox|door|flat|house|windows?|room)',
      "(?:won'?t|doesn'?t|refuses to|never|can'?t) (?:put|turn|have) (?:the )?(?:heating|fire|heater|boiler) on",
      '(?:windows|curtains) (?:are |were )?(?:covered|closed|drawn|blacked out)',
      "(?:there'?s|there is|an awful|a terrible|a strong|a horrible) (?:[\\w\\x27]+ )?smell",
      'living in (?:filth|squalor|a mess|dirt)',
      "(?:stopped|not|no longer|isn'?t) (?:looking after|caring (?:for|about)) " + SELF,
      '(?:no|without) (?:heating|electric|electricity|gas|hot water|food in)',
      "(?:can'?t|cannot|couldn'?t) afford (?:the |to (?:put|have) the )?(?:heating|electric|gas|food|to eat)",
      '(?:sits?|sitting|sat|living|lives|sleeps?|sleeping|stays?|staying) in (?:the )?(?:cold|dark)|(?:lies|lying|lay|left) in the dark',
      '(?:sits?|sitting|stays?|staying|lies|lying) in bed all day',
      '(?:same|dirty|filthy|soiled|stained) (?:[\\w\\x27]+ )?(?:clothes|clothing|pyjamas|nightie|nightdress|outfit|jumper|trousers|cardigan) (?:for|every|all|since|day after day|again)',
      '(?:wearing|wears|wore|worn|sits? in|in) the same (?:[\\w\\x27]+ )?(?:clothes|pyjamas|nightie|outfit|things|jumper|cardigan)',
      '(?:fridge|cupboards?|kitchen|freezer) (?:is |are |was |were |has been |always )?(?:[\\w\\x27]+ )?(?:empty|bare|full of (?:mouldy|rotten|out of date|off))',
      '(?:nothing|no food) in (?:the |her |his |my )?(?:fridge|cupboards?|kitchen|freezer)',
      "(?:there'?s|there is|there was) nothing in (?:the |her |his |my )?(?:fridge|cupboards?|kitchen|freezer)",
      '(?:mouldy|rotten|rotting|out[- ]of[- ]date|gone[- ]off) (?:food|bread|milk|meat)',
      '(?:bills?|post|letters|mail) (?:[\\w\\x27]+ ){0,2}(?:unopened|piling up|piled up|not opened)',
      'unopened (?:post|letters|bills|mail)',
      "(?:not|hasn'?t|has not|haven'?t|never|won'?t) (?:[\\w\\x27]+ )?(?:left|leave|been out of|got out of|get out of) (?:the|her|his|my|their) (?:house|flat|home|room|bedroom|bungalow|chair|bed) (?:for|in|since)",
      '(?<!(?:was|were|been|is|are|being|get|got|gets) )(?:refus\\w*|turns? away|turned away|declines?|declined) (?:[\\w\\x27]+ ){0,2}(?:help|care|support|carers|the carers|the nurse|meals|food)',
      '(?:living|lives|lived|surviving|survives) on (?:[\\w\\x27]+ )?(?:biscuits|crisps|toast|tea|nothing|cereal|chocolate|bread|cigarettes|fags|drink|alcohol|cans|takeaways)',
      'drinking (?:too much|heavily|all day|again|himself|herself|myself)',
      '(?:lost|losing) (?:so much|a lot of|loads of|too much|lots of) weight(?! (?:during|after|with|from|on) (?:chemo|(?:her|his|my) (?:illness|treatment|diet)|treatment|cancer|the diet|a diet|purpose))',
      'letting ' + SELF + ' go',
      '(?:going|goes|went|wandering|wanders|found|out|outside) ' +
        words(3) +
        'in (?:her|his) (?:nightie|nightdress|pyjamas|slippers|dressing gown)',
      "won'?t let (?:anyone|anybody|us|people) (?:help|in|near|do)",
      'eating (?:cold )?(?:out of|from) (?:tins|the tin|cans)',
      '(?:coat|hat|gloves) on (?:indoors|in the house|in bed)|wearing (?:her|his) coat (?:in the house|indoors|in bed)|coat indoors',
      'full of flies|flies everywhere',
      '(?:sleeping|sleeps|slept|living|lives) in (?:his|her|their|a|the) (?:car|van|tent|garden|shed)',
      '(?:hiding|hides|hid|spitting|spits|spat) (?:out )?(?:her|his|their) (?:tablets|pills|medication|meds)|spitting them out',
      '(?:lost|losing|dropped) (?:about |around |nearly |almost )?(?:\\d+|two|three|four|a) stones?',
      "can'?t be bothered (?:with|to) (?:food|eat|eating|cook|cooking|wash|washing|get up|get dressed|anything)",
      '(?:stopped|stops) going out',
      'refus\\w* to let (?:anyone|anybody|the (?:nurse|doctor|carers?|gp)|us|people) (?:in|look|see|help|near|touch)',
      '(?:feet|legs|toes|skin) (?:[\\w\\x27]+ ){0,3}(?:black|rotting)',
      '(?:sleeping|sleeps|slept) (?:[\\w\\x27]+ ){0,3}in (?:his|her|their|my) clothes',
      "(?:won'?t|wont|doesn'?t|refuses to|never|not) (?:[\\w\\x27]+ )?(?:open|answer) the door(?! to (?:strangers|cold callers))",
      '(?:meter|electric|electricity|gas) (?:[\\w\\x27]+ ){0,2}(?:run out|ran out|cut off)',
      '(?:been|sat|sitting|living) in the (?:dark|cold) (?:for|all)',
      '(?:only|just) (?:eating|eats|eat|having|has|drinking) (?:[\\w\\x27]+ )?(?:soup|toast|biscuits|crisps|cereal|chocolate|bread|tea|sweets|cans|takeaways)',
      '(?:full of|covered in|piled with|piles of) (?:[\\w\\x27]+ )?(?:bin bags|rubbish|junk|newspapers|boxes|bags|clutter|cans|bottles)',
      '(?:\\d+|twenty|thirty|forty|dozens of|loads of|so many) (?:cats|dogs|animals|birds)',
      'drinking (?:in the morning|first thing|from (?:the )?morning|before (?:breakfast|lunch))',
      'empty (?:cans|bottles|vodka bottles|wine bottles)',
      "(?:isn'?t|not|is not) coping (?:at home|on (?:her|his|my) own|any ?more|alone)",
      '(?:mice|rats|maggots|cockroaches|bed ?bugs|fleas|vermin)',
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
      '(?:hang|hanged|hanging) ' + SELF,
    ],
    possible: [
      "(?:don'?t|do not|dont) want to (?:be here|live|go on|wake up|carry on|be alive)",
      '(?:no|no point|nothing) (?:reason|point|worth) (?:to|in) (?:living|going on|carrying on|being here)',
      '(?:cut|cutting|cuts|hurt|hurting|harm|harming|burn|burning) ' + SELF,
      "(?:can'?t|cannot|cant) go on",
      "(?:can'?t|cannot|cant) (?:take|do|face) (?:it |this |life )?any ?more",
      'not worth living',
      "life (?:isn'?t|is not|isnt) worth",
      'jump(?:ing|ed)? (?:off|in front)',
      'jump(?:ing|ed)? (?:from|into|in|off) (?:the |a )?(?:bridge|roof|cliff|river|canal|sea|motorway|car park|building|window|balcony|multi[- ]?storey)',
      '(?:stand|stood|standing|stands) on (?:the|a) (?:bridge|edge|platform|cliff|roof)',
      'how easy it would be',
      'plans? to end',
      "(?:happier|better) (?:off )?if (?:i|he|she) (?:wasn'?t|weren'?t|was not|were not) (?:around|here|alive)",
      'better off (?:gone|without (?:me|her|him|us))',
      '(?:want|wants|wanted) (?:it )?(?:all )?to (?:be over|end|stop)(?!\\s+(?:the|this|that|these|those|my|our|their|his|her|a|an|paying|waiting|charging)\\b)',
      '(?:to|going to|gonna|will|might|could|should|just|want to|wants to|thinking of|think about|thought about|thinking about) end(?:ing)? it(?: all)?(?! (?:with|was|is|there|for))',
      'in front of (?:a car|traffic|a train|a bus|a lorry)',
      '(?:walked|walks|stepped|ran) (?:out )?into (?:the road|traffic)',
      'point (?:in|of) (?:living|going on|carrying on|being here|life)',
      '(?:nothing|no one|nobody|noone|none) (?:left )?to live for',
      '(?:tired|sick|weary) of (?:living|life|being alive|being here)',
      '(?:never|not) (?:to )?wake up',
      near(
        '(?:happier|better) off',
        "if (?:i|she|he) (?:wasn'?t|weren'?t|was not|were not) (?:here|around|alive)",
        5,
      ),
      'sorry for being (?:a )?(?:trouble|a burden|burden|a nuisance|nuisance|a pain|useless|such a)',
      "(?:don'?t|do not|can'?t|cannot) see the point (?:of |in )?(?:anything|any of it|life|living|going on|carrying on|me|it all|trying|any ?more)",
      'how many (?:tablets|pills|paracetamol) ' +
        words(2) +
        '(?:takes?|to take|would take|to kill)',
      '(?:how to|ways to|best way to|easiest way to) (?:die|end it|kill (?:my|him|her)self|end (?:my|his|her) life)',
      '(?:pills|tablets) (?:saved|stored|stockpiled|hidden)',
      '(?:saved|saving|stockpil\\w*|hoarding) (?:up )?(?:my |her |his )?(?:pills|tablets)',
      '(?:take|taking|took|swallow\\w*) (?:all|a (?:whole )?(?:packet|box|bottle|handful)|the (?:whole|lot|entire)) (?:of )?(?:my|her|his|the|them)? ?(?:pills|tablets|paracetamol|meds|medication)(?! (?:in the morning|at night|with|every|each|on time|as prescribed|daily|at breakfast))',
      'give up on (?:life|everything)',
      'look after (?:my|her|his) (?:cat|dog|pets?|kids|children|son|daughter) if (?:anything|something) (?:happens|should happen)',
      '(?:strangely|unusually|suddenly|very) calm (?:lately|recently|all of a sudden|now)',
      "(?:stopped|not|isn'?t|won'?t|refus\\w*) taking " +
        words(3) +
        '(?:tablets|medication|meds|insulin) (?:on purpose|deliberately)',
      "(?:says?|said) (?:she'?s|he'?s|i'?m|she is|he is|i am) ready(?=\\s*(?:[.,!;]|$)| to (?:go|die|be with))",
      '(?:buying|bought|buys|collecting|stockpiling) ' +
        words(2) +
        '(?:paracetamol|pills|tablets|painkillers) (?:from|in) (?:different|lots of|several|various) (?:shops|chemists|pharmacies|places)',
      near(
        '(?:relieved|better off|happier|glad|pleased|easier)',
        "(?:if|when) (?:i|she|he)(?:'m| am| was| were|'s| is)? (?:gone|dead|not here|not around)",
        3,
      ),
      '(?:highest|tallest) (?:bridge|building|cliff|car park|multi-?storey)',
      'waste of (?:a bed|space|oxygen|air)',
      '(?:kinder|better) to (?:let (?:me|her|him) go|let (?:me|her|him) die|put (?:me|her|him) down)',
      'drown (?:my|him|her|them)sel(?:f|ves)|drowned (?:my|him|her)self|to drown(?! in)',
      "(?:won'?t|will not) be a (?:problem|burden|bother|nuisance) (?:for|to) (?:anyone|anybody|you|them|everyone) (?:after|from|by|much)",
      '(?:after|by|past) tonight(?=\\s*(?:[.,!;]|$))',
      'going away for good',
      '(?:sleep|sleeping|rest) forever',
      "(?:i'?m|i am|she'?s|he'?s) done with (?:everything|it all|life|living)",
      '(?:think|thinking|thought) about not (?:coming|going) (?:home|back)',
      '(?:wrote|written|writes|left|leaves) (?:me |us |her |him )?(?:a )?[\'"]?sorry[\'"]? (?:note|on|in|for)',
      'sorry note',
      'a plan and a (?:date|time|method)',
      '(?:just )?in case (?:it|things|life|everything) (?:all )?(?:gets?|becomes?|got) too (?:much|hard|bad)',
      '(?:had|has|have) a good innings',
      "(?:it'?s|its|it is) (?:my |his |her )?time to go(?=\\s*(?:[.,!;]|$))",
      near(
        "(?:talk\\w* about|want\\w* to|wish(?:es)? (?:i|she|he) could|ready to|longs? to|can'?t wait to)",
        '(?:join|joining|be with|being with) (?:my|her|his) (?:late |dead )?(?:mum|dad|mother|father|husband|wife|partner|son|daughter|brother|sister|nan|gran|grandad)',
        1,
      ),
      '(?:join|joining|be with|being with) (?:my|her|his) (?:late |dead )?(?:mum|dad|mother|father|husband|wife|partner|son|daughter|brother|sister|nan|gran|grandad)(?:,? (?:who|that) (?:died|passed|has died|has passed)| again| soon| in heaven| up there| on the other side)',
      "stop(?:ped)? existing|cease to exist|wish(?:es|ed)? (?:i|she|he) (?:didn'?t|did not) exist|want(?:s|ed)? to (?:not exist|disappear)",
      "(?:easier|better|simpler) (?:for (?:everyone|everybody|them) )?if (?:i|she|he) (?:just )?(?:stopped existing|wasn'?t (?:here|around|alive)|weren'?t (?:here|around|alive)|didn'?t wake up|went away for good|disappeared|died|was gone)",
      "(?:says?|said|feels?|thinks?) (?:that )?(?:there'?s|there is) no point(?=\\s*(?:[.,!;]|$)| (?:in )?(?:living|going on|carrying on|anything|trying|getting up|eating))",
      '(?:got|has|have) it all planned',
      '(?:looking at|stares? at|staring at|stand\\w* on|walk\\w* (?:on|along)|lie on|lying on) the (?:train|railway) (?:tracks?|lines?)',
      '(?:nobody|no one|noone|no-one) would (?:notice|miss (?:me|her|him)|care|even know) if',
      '(?:everything|life|it all) (?:feels|is|seems) (?:so )?(?:pointless|hopeless|meaningless)',
      '(?:how much longer|how long) (?:i|she|he) can (?:keep going|go on|carry on|cope|take (?:it|this))',
      'had enough of (?:life|living|everything|it all)',
      "(?:i'?ve|i have|she'?s|she has|he'?s|he has) had enough(?=\\s*(?:[.!]|$))",
      'goodbye (?:letters?|notes?|messages?)',
      'thinking (?:about|of) (?:dying|death|ending it|not being here|not waking up)',
      "(?:can'?t|cannot) see (?:a |any )?(?:way out|point|future)",
      "(?:won'?t|will not) be a (?:burden|problem|bother) (?:to anyone |for anyone )?(?:much longer|for long|soon)",
      "(?:won'?t|will not|might not|may not|wouldn'?t|not going to|shan'?t|not) be (?:here|around|alive) (?:much longer|for long|by|next|anymore|any more|to see|for (?:christmas|her birthday|his birthday|my birthday)|at christmas|this time next)",
      "(?:won'?t|will not|not) (?:have to|need to) (?:worry|bother) about (?:me|her|him) (?:much longer|for long|soon|any ?more)",
      "in case (?:i|she|he)(?:'m| am|'s| is)? (?:not|no longer) (?:here|around|alive)",
      '(?:letters?|notes?|cards?) (?:to|for) (?:my|her|his|the) (?:[\\w\\x27]+ )?(?:children|kids|family|son|daughter|wife|husband|partner|grandchildren|mum|dad) ' +
        words(2) +
        'in case',
      '(?:saying|said|say|says) (?:my |her |his |their )?goodbyes',
      '(?:rang|phoned|called|visited|texted|wrote to) ' + words(3) + 'to say goodbye',
      '(?:giv(?:e|es|ing|en)|gave) ' +
        words(2) +
        '(?:things|belongings|possessions|stuff|jewellery|treasures|records|books|pets?|cat|dog|ring|medals|everything) (?:away|to (?:a |the |my |her |his )?(?:neighbou?r|friend|niece|nephew|sister|brother))',
      'giving (?:[\\w\\x27]+ ){0,2}away (?:her|his|my) (?:things|belongings|possessions|stuff|jewellery|treasures)',
      '(?:told|showed|shown|telling|written|wrote|writing|note|letter) ' +
        words(4) +
        'where (?:the|my|her|his) (?:[\\w\\x27]+ )?(?:will|papers|insurance|documents|policy|policies|bank details|passwords?) (?:is|are)',
      "(?:giving|gave|given|gives) (?:away )?(?:all |most of |lots of )?(?:her|his|my|their) (?!old )(?:[\\w']+ ){1,2}away",
      '(?:affairs|things) in order',
      'not long (?:now|left|to go)(?! (?:till|until|before|for))',
      '(?:planned|planning|sorted|arranged|arranging|paid for|paying for) (?:my|her|his) (?:own )?funeral',
      '(?<!want to be (?:a )?|wanting to be (?:a )?)(?:a )?burden (?:to|on) (?:everyone|everybody|my family|the family|them|you|my (?:kids|children|son|daughter|wife|husband))',
    ],
  },
};

/**
 * Words caught with one slip of the keyboard (a letter missing, added or changed, or two swapped),
 * with the category they point to. Only words of six letters or more, and never a real word that
 * happens to be one slip away (REAL_WORDS_ONE_SLIP_AWAY), so "abuse" does not catch "amuse".
 */
export const SPELLING_SLIPS: Readonly<Record<string, SafeguardingCategory>> = {
  hitting: 'physical',
  punched: 'physical',
  punching: 'physical',
  slapped: 'physical',
  slapping: 'physical',
  kicked: 'physical',
  kicking: 'physical',
  bruise: 'physical',
  bruises: 'physical',
  bruised: 'physical',
  bruising: 'physical',
  assaulted: 'physical',
  grabbed: 'physical',
  strangled: 'physical',
  abused: 'physical',
  abusing: 'physical',
  abusive: 'physical',
  violent: 'physical',
  violence: 'physical',
  restrained: 'physical',
  molested: 'sexual',
  groping: 'sexual',
  grooming: 'sexual',
  groomed: 'sexual',
  bullied: 'psychological',
  bullying: 'psychological',
  threatened: 'psychological',
  threatens: 'psychological',
  frightened: 'psychological',
  terrified: 'psychological',
  intimidated: 'psychological',
  humiliated: 'psychological',
  controlling: 'psychological',
  stolen: 'financial',
  stealing: 'financial',
  scammed: 'financial',
  trafficked: 'modern_slavery',
  racist: 'discriminatory',
  racism: 'discriminatory',
  neglected: 'neglect',
  neglect: 'neglect',
  dehydrated: 'neglect',
  starving: 'neglect',
  hoarding: 'self_neglect',
  suicide: 'risk_to_life',
  suicidal: 'risk_to_life',
  overdose: 'risk_to_life',
  overdosed: 'risk_to_life',
  selfharm: 'risk_to_life',
};

// Real words one slip from a word above: never read as a slip. Made by checking every word of
// an English word list against SPELLING_SLIPS; redo that when adding a word there (README.md).
export const REAL_WORDS_ONE_SLIP_AWAY: ReadonlySet<string> = new Set([
  'abased',
  'abasing',
  'abuser',
  'abuses',
  'amused',
  'amusing',
  'assaulter',
  'bellied',
  'bellying',
  'boarding',
  'braise',
  'braised',
  'braises',
  'braising',
  'brightened',
  'bruiser',
  'bruisers',
  'bulled',
  'bullies',
  'bulling',
  'bullring',
  'bunched',
  'bunching',
  'busing',
  'clapped',
  'clapping',
  'cruise',
  'cruised',
  'cruises',
  'cruising',
  'dehydrate',
  'dehydrates',
  'draped',
  'fitting',
  'flapped',
  'flapping',
  'griping',
  'grooved',
  'grooving',
  'grouping',
  'growing',
  'harding',
  'hatting',
  'hinting',
  'hoardings',
  'hording',
  'humiliate',
  'humiliates',
  'hunched',
  'hunching',
  'intimidate',
  'intimidates',
  'kicker',
  'kinked',
  'kinking',
  'lapped',
  'lapping',
  'licked',
  'licking',
  'lunched',
  'lunching',
  'molester',
  'munched',
  'munching',
  'neglects',
  'nicked',
  'nicking',
  'overdoes',
  'overdone',
  'overdoses',
  'picked',
  'picking',
  'pinched',
  'pinching',
  'pitting',
  'punches',
  'raciest',
  'racists',
  'rapist',
  'rapped',
  'rasped',
  'reaped',
  'retrained',
  'ricked',
  'ricking',
  'roomed',
  'rooming',
  'roping',
  'sapped',
  'sapping',
  'scammer',
  'scrammed',
  'scummed',
  'sealing',
  'shammed',
  'shitting',
  'sicked',
  'sicking',
  'sitting',
  'slammed',
  'slipped',
  'slipping',
  'slopped',
  'slopping',
  'snapped',
  'snapping',
  'spammed',
  'staling',
  'staring',
  'starling',
  'starring',
  'starting',
  'starvings',
  'staving',
  'steaming',
  'steeling',
  'sterling',
  'stoles',
  'straggled',
  'strangle',
  'strangler',
  'strangles',
  'suicides',
  'sullied',
  'sullying',
  'swapped',
  'swapping',
  'terrifies',
  'threaten',
  'ticked',
  'ticking',
  'trafficker',
  'violet',
  'wicked',
  'witting',
]);
