import type { Perspective } from '../engagements/index.ts';
import type { SessionKind } from '../sessions/index.ts';
import type { SafeguardingOutcome } from '../sorting/sorting.core.ts';
import type { Contact, HelpGiven, WhoseView } from '../voices/index.ts';
import type { DemoPrompt } from './demo.engagement.ts';

// What people said in the demo, through both doors. Invented, but written to sound like real
// answers: uneven length, spelling and tone, as people write and speak. Contact details use
// reserved example addresses and Ofcom's drama numbers (07700 900xxx), so none reaches anyone.
// Some are there to be sorted, as real engagements get them: a form letter about a day centre
// sent by five people with small edits (a campaign), a person's own case about a late payment,
// and a possible safeguarding disclosure. Their wording is plain so the rules catch them.

/** Someone who answered on the public pages, with a reference code to come back with. */
export interface OnlineParticipant {
  perspective: Perspective;
  daysAgo: number;
  consentQuote: boolean;
  contact: Contact | null;
  answers: Partial<Record<DemoPrompt, string>>;
}

/** One person heard by an advocate in a session. */
export interface SessionVoice {
  perspective: Perspective;
  prompt: DemoPrompt;
  text: string;
  /** The advocate's summary rather than the person's words. */
  isSummary?: boolean;
  helpGiven: HelpGiven[];
  whoseView?: WhoseView;
  consentQuote: boolean;
  consentGivenBy: 'spoken' | 'writing' | 'sign_language' | 'signature';
  contact?: Contact;
}

export interface DemoSession {
  kind: SessionKind;
  daysAgo: number;
  place: string;
  attendance: Partial<Record<Perspective, number>>;
  notes: string;
  voices: SessionVoice[];
}

/**
 * Flags the demo's safeguarding lead has already decided, found by the flagged words. A flag
 * the rules no longer raise is left alone: there is nothing to decide.
 */
export interface DecidedFlag {
  words: string;
  outcome: SafeguardingOutcome;
  reason: string;
  hoursLater: number;
}

export const DECIDED_FLAGS: readonly DecidedFlag[] = [
  {
    words: 'he noticed I had no heating on',
    outcome: 'no_concern',
    reason:
      'Read in full: it describes a visit that went well, and the heating was put right the same afternoon. No sign of a risk now. Nothing to raise.',
    hoursLater: 3,
  },
];

/** The day centre letter as it went round; each sender changed it a little. */
const DAY_CENTRE_LETTER =
  'I am writing to ask the council to keep Riverside Day Centre open. The day centre is a lifeline for older people and disabled people in our area. It gives people a hot meal, company and things to do, and it gives family carers a few hours rest each week. Without it many people would be stuck at home on their own all day. Please listen to the people who use it and keep Riverside Day Centre open for the future.';

export const ONLINE: readonly OnlineParticipant[] = [
  {
    perspective: 'lived_experience',
    daysAgo: 20,
    consentQuote: true,
    contact: { route: 'email', detail: 'maggie.t@example.org' },
    answers: {
      firstConversation:
        'The best one I had was when the woman on the phone asked me what a good day looks like for me. Nobody had ever asked me that before. I said a good day is when I can get to the shop on my own and have a chat. She didnt try and sell me a service she just listened, and we worked out I needed a rail by the back step and someone to walk with me the first few times. That was a conversation that made a difference.',
      caredAbout: 'She rang me back when she said she would. Small thing but it meant everything.',
    },
  },
  {
    perspective: 'family_carer',
    daysAgo: 19,
    consentQuote: true,
    contact: { route: 'text', detail: '07700900123' },
    answers: {
      firstConversation:
        "I rang three times in two weeks about my dad. Each time I had to start from the beginning - his date of birth, his diagnosis, what happened in hospital. By the third call I was in tears. A good first conversation would be one where the person already knows what I told the last person, or at least writes it down so I never have to say it again. And ask how I'm coping too. I'm the one up with him at 3am.",
      community:
        'The carers cafe at St Marks on a Thursday. Honestly it has kept me going. Somebody should tell people about it at the start instead of in a leaflet six months later',
    },
  },
  {
    perspective: 'professional',
    daysAgo: 18,
    consentQuote: false,
    contact: null,
    answers: {
      firstConversation:
        "As a social worker I'd say the first conversation works when we have the time and the freedom to have it properly. At the moment the front door is set up to screen people out, and the questions are about eligibility from the first minute. When we've tried meeting people at the library instead, no appointment, the conversation is completely different: people bring the real problem, not the one they think we want to hear.",
      caredAbout:
        "Continuity. Being able to say 'I'll be your contact, here is my direct number' and mean it.",
    },
  },
  {
    perspective: 'community_member',
    daysAgo: 17,
    consentQuote: true,
    contact: null,
    answers: {
      community:
        "Im part of the walking group that meets at Riverside park on tuesday mornings. we have a few members who came to us after a bereavement or after being ill. its not 'care' but it helps. the council could tell people we exist!!",
    },
  },
  {
    perspective: 'lived_experience',
    daysAgo: 16,
    consentQuote: false,
    contact: { route: 'post', detail: 'Flat 2, 10 Sample Road, Northtown, NT1 0XX' },
    answers: {
      firstConversation:
        'Someone who speaks to me not my support worker. I am deaf and I lip read, phone calls are no good for me. Please let me email or text.',
      caredAbout: 'when they remember me',
    },
  },
  {
    perspective: 'family_carer',
    daysAgo: 15,
    consentQuote: true,
    contact: { route: 'advocate', detail: '' },
    answers: {
      caredAbout:
        "My son has a learning disability and autism. The times he has felt cared about are when people take the time to learn how he communicates. One assessor brought pictures, sat on the floor with him and let him show her his trains. He still talks about her. Others talk over him to me as if he isn't there.",
      firstConversation:
        "Don't make us fill in the same 20 page form again. We've done it for every single review since he was 18.",
    },
  },
  {
    perspective: 'lived_experience',
    daysAgo: 13,
    consentQuote: true,
    contact: null,
    answers: {
      community:
        "The library. I go in for the large print books and the lady there helped me sort out my bus pass and told me about the lunch club at the Methodist church. I didn't know about any of it and I've lived here 40 years.",
      caredAbout:
        "I left feeling cared about when the young man from the council came to see me at home and he noticed I had no heating on. He didn't just fill in his form, he got it sorted that afternoon.",
    },
  },
  {
    perspective: 'professional',
    daysAgo: 12,
    consentQuote: true,
    contact: { route: 'email', detail: 'district.nurse@example.org' },
    answers: {
      firstConversation:
        "Ask 'what matters to you?' before 'what's the matter with you?'. It sounds like a slogan but it genuinely changes the conversation. Also, please give us (health staff) one number that gets a person, not a menu.",
    },
  },
  {
    perspective: 'community_member',
    daysAgo: 11,
    consentQuote: true,
    contact: null,
    answers: {
      community:
        "We run a warm space at the church hall Mon and Wed - tea, soup, someone to talk to. About 25 people come, a lot of them live on their own. We'd be happy for it to be a place where people can meet someone from the council. We have wifi and a quiet room.",
      firstConversation: 'Meet people where they already are.',
    },
  },
  {
    perspective: 'lived_experience',
    daysAgo: 10,
    consentQuote: false,
    contact: { route: 'text', detail: '07700900456' },
    answers: {
      firstConversation:
        "I find it really hard to ask for help in the first place. When I finally did I was told I didn't meet the threshold and to go back to my GP. A good first conversation wouldn't end with a no and nothing else. Even if you can't help, tell me who can, and maybe check I got there.",
      caredAbout: 'Not being made to feel like a nuisance.',
      community:
        'The allotment project at Eastmoor. Getting my hands dirty with people who dont ask questions.',
    },
  },
  {
    perspective: 'family_carer',
    daysAgo: 8,
    consentQuote: true,
    contact: null,
    answers: {
      caredAbout:
        "Being treated as a partner in his care, not a visitor. I know him better than anyone. When the OT asked me what I'd already tried and actually wrote it down, I felt respected for the first time in a long time.",
    },
  },
  {
    perspective: 'professional',
    daysAgo: 7,
    consentQuote: false,
    contact: null,
    answers: {
      firstConversation:
        "From the housing side: a lot of the people we see have care needs nobody has picked up, because they don't see themselves as needing 'social care'. The first conversation often happens with us, or a neighbour, or the pharmacist. It would help if any of us could make one call and know it will be followed up.",
    },
  },
  {
    perspective: 'family_carer',
    daysAgo: 6,
    consentQuote: true,
    contact: null,
    answers: { community: DAY_CENTRE_LETTER },
  },
  {
    perspective: 'community_member',
    daysAgo: 6,
    consentQuote: true,
    contact: { route: 'email', detail: 'sunil@example.org' },
    answers: {
      community:
        'My neighbour is 88 and the thing that helps her most is the community bus. Its every other Friday and takes her to the big supermarket. If that went she would be stuck indoors.',
    },
  },
  {
    perspective: 'lived_experience',
    daysAgo: 5,
    consentQuote: true,
    contact: null,
    answers: {
      community: `My name is Doreen Walsh and I have gone to the day centre every Tuesday and Thursday for six years.\n${DAY_CENTRE_LETTER}`,
    },
  },
  {
    perspective: 'family_carer',
    daysAgo: 5,
    consentQuote: false,
    contact: null,
    answers: {
      community: DAY_CENTRE_LETTER.replace('older people', 'elderly people').replace(
        'a hot meal',
        'a hot dinner',
      ),
    },
  },
  {
    perspective: 'community_member',
    daysAgo: 4,
    consentQuote: true,
    contact: null,
    answers: { community: DAY_CENTRE_LETTER.toLowerCase().replace(/\.$/, '') },
  },
  {
    perspective: 'lived_experience',
    daysAgo: 4,
    consentQuote: true,
    contact: null,
    answers: {
      firstConversation:
        "Plain English please. No initials. Don't say 'we will refer you to the MDT', say who will ring me and when.",
      caredAbout:
        "Honesty. If there is a waiting list tell me how long, don't just say 'soon'. I can plan around a long wait, I can't plan around not knowing.",
    },
  },
  {
    perspective: 'lived_experience',
    daysAgo: 3,
    consentQuote: true,
    contact: { route: 'email', detail: 'k.adeyemi@example.org' },
    answers: {
      community: `${DAY_CENTRE_LETTER.replace(
        'I am writing to ask the council to keep Riverside Day Centre open.',
        'I AM WRITING TO ASK THE COUNCIL TO KEEP RIVERSIDE DAY CENTRE OPEN.',
      )}\nYours faithfully, Kemi Adeyemi`,
    },
  },
  {
    perspective: 'family_carer',
    daysAgo: 3,
    consentQuote: false,
    contact: null,
    answers: {
      caredAbout:
        "Someone asking me how I'm doing. I've looked after my mum since I was 14 and nobody asked about me until I was 18",
    },
  },
  {
    perspective: 'lived_experience',
    daysAgo: 2,
    consentQuote: false,
    contact: { route: 'text', detail: '07700900321' },
    answers: {
      caredAbout:
        'What would make me feel cared about is someone sorting out my direct payment. It has been late every month since August, reference DP 30117. It pays for the lady who helps me get up and dressed and I am scared she will give up on me. I have rung four times and been promised a call back every time. Nobody has rung.',
    },
  },
  {
    perspective: 'lived_experience',
    daysAgo: 1,
    consentQuote: false,
    contact: { route: 'text', detail: '07700900789' },
    answers: {
      firstConversation:
        "I didn't know who to ask so I'm putting it here. My nephew moved in with me in the summer. He has got my bank card and my PIN and he takes my pension out every week. I don't see any of it, there's red letters for the gas and I go without. I don't want to get him in trouble. Please text me, don't ring, he answers my phone.",
    },
  },
  {
    perspective: 'lived_experience',
    daysAgo: 1,
    consentQuote: true,
    contact: null,
    answers: {
      community: 'the mens shed in Hill Villages. best thing ive done since my wife passed',
    },
  },
];

export const SESSIONS: readonly DemoSession[] = [
  {
    kind: 'drop_in',
    daysAgo: 14,
    place: 'Northtown Library, community room',
    attendance: { lived_experience: 6, family_carer: 2, community_member: 3, provider: 1 },
    notes:
      "Drop-in alongside the library's Tuesday coffee morning. Easy Read question cards on the tables. A British Sign Language interpreter was booked for the first hour. Most people wanted to talk about waiting, and about being passed from one place to another.",
    voices: [
      {
        perspective: 'lived_experience',
        prompt: 'firstConversation',
        text: 'Book an interpreter, every time. Do not ask my neighbour or my daughter to do it. Look at me when you talk, not at the interpreter. Then I know you respect me.',
        helpGiven: ['interpreter', 'scribe'],
        consentQuote: true,
        consentGivenBy: 'sign_language',
      },
      {
        perspective: 'lived_experience',
        prompt: 'caredAbout',
        text: 'They listened. They did not rush me. She said take your time. I liked that.',
        helpGiven: ['reading_aloud', 'scribe'],
        consentQuote: true,
        consentGivenBy: 'spoken',
      },
      {
        perspective: 'lived_experience',
        prompt: 'firstConversation',
        text: 'I waited eleven weeks for someone to come out. In that time I had a fall. When they came it was good but it was too late really.',
        helpGiven: ['scribe'],
        consentQuote: false,
        consentGivenBy: 'spoken',
      },
      {
        perspective: 'community_member',
        prompt: 'community',
        text: "I volunteer at the food bank on Station Road. People come in for food but what they really need is someone to talk to about their benefits, their housing, their health. If the council had someone there once a week you'd reach people who would never pick up the phone.",
        helpGiven: [],
        consentQuote: true,
        consentGivenBy: 'writing',
      },
      {
        perspective: 'provider',
        prompt: 'firstConversation',
        text: "I manage a day service. Families often come to us first because they've heard about us from other families. We'd welcome being part of the way in, but we'd need to know where to send people, and a named contact at the council rather than a general inbox.",
        helpGiven: [],
        consentQuote: true,
        consentGivenBy: 'writing',
      },
      {
        perspective: 'family_carer',
        prompt: 'caredAbout',
        text: 'Cares for her brother, who has a long-term mental illness. The one time she felt cared about was a phone call after his discharge from hospital, just to ask how she was managing. She said it was the first time anyone had thought of her.',
        isSummary: true,
        helpGiven: ['summarising'],
        consentQuote: false,
        consentGivenBy: 'spoken',
      },
      {
        perspective: 'lived_experience',
        prompt: 'community',
        text: 'The bowls club. They come and pick me up since I stopped driving. Thats community.',
        helpGiven: ['scribe'],
        consentQuote: true,
        consentGivenBy: 'spoken',
      },
    ],
  },
  {
    kind: 'group',
    daysAgo: 9,
    place: "Riverside Community Centre, carers' group",
    attendance: { family_carer: 9 },
    notes:
      "The monthly carers' group gave us the second half of their meeting. We read out the three questions, people talked in pairs, then together. Strong feeling about repeating their story, and about carers' own needs being missed. Two people asked to hear what happens through us.",
    voices: [
      {
        perspective: 'family_carer',
        prompt: 'firstConversation',
        text: 'Tell us what happens next. Write it down. Who, what, when. Half of us are too tired to remember what was said on the phone.',
        helpGiven: ['scribe'],
        consentQuote: true,
        consentGivenBy: 'spoken',
        contact: { route: 'advocate', detail: '' },
      },
      {
        perspective: 'family_carer',
        prompt: 'caredAbout',
        text: "I want to be asked about me as well as about mum. I gave up my job to care for her. A carer's assessment was mentioned once, three years ago, and it never happened.",
        helpGiven: ['scribe'],
        consentQuote: true,
        consentGivenBy: 'spoken',
      },
      {
        perspective: 'family_carer',
        prompt: 'firstConversation',
        text: "The first conversation shouldn't be on the phone at nine in the morning when you're trying to get someone dressed. Give us a time, or ring us back.",
        helpGiven: ['scribe'],
        consentQuote: false,
        consentGivenBy: 'writing',
      },
      {
        perspective: 'family_carer',
        prompt: 'community',
        text: "This group! Honestly. It's the only place where people get it. There should be more of them, not fewer.",
        helpGiven: ['scribe'],
        consentQuote: true,
        consentGivenBy: 'spoken',
      },
      {
        perspective: 'family_carer',
        prompt: 'caredAbout',
        text: 'Kindness. The same person each time. Being believed.',
        helpGiven: ['scribe'],
        consentQuote: true,
        consentGivenBy: 'spoken',
        contact: { route: 'advocate', detail: '' },
      },
      {
        perspective: 'family_carer',
        prompt: 'firstConversation',
        text: 'when my husband was diagnosed with dementia we were given a bag of leaflets and sent home. I wanted someone to sit with us, ask what we enjoy doing, and tell us what was out there locally. we found the singing group by accident 2 years later. It should be the first thing you hear about',
        helpGiven: [],
        consentQuote: true,
        consentGivenBy: 'writing',
      },
    ],
  },
  {
    kind: 'home_visit',
    daysAgo: 5,
    place: 'Home visit, Eastmoor',
    attendance: { lived_experience: 1, family_carer: 1 },
    notes:
      'Visit arranged through the community nurse. Mr A has advanced dementia and could say a little; his wife spoke for him where he could not, and gave her own view too. Questions read aloud from the Easy Read version. Both agreed, spoken.',
    voices: [
      {
        perspective: 'lived_experience',
        prompt: 'caredAbout',
        text: "He can't tell you himself any more, so I'll say what I know he'd say. He feels cared about when people talk to him like a man and not a patient. He was an engineer. The carer who asks him about bridges gets a smile every time.",
        helpGiven: ['reading_aloud', 'scribe'],
        whoseView: 'spoken_for',
        consentQuote: false,
        consentGivenBy: 'spoken',
      },
      {
        perspective: 'lived_experience',
        prompt: 'community',
        text: 'The garden. The birds.',
        helpGiven: ['reading_aloud', 'scribe'],
        consentQuote: true,
        consentGivenBy: 'spoken',
      },
      {
        perspective: 'family_carer',
        prompt: 'firstConversation',
        text: "I didn't know who to ring. I rang the GP, they said ring social services, social services said ring the memory clinic. Three weeks of that. One number, one person, that's all I'd ask for.",
        helpGiven: ['scribe'],
        consentQuote: true,
        consentGivenBy: 'spoken',
        contact: { route: 'post', detail: '4 Example Close, Eastmoor, EM2 0XX' },
      },
    ],
  },
];
