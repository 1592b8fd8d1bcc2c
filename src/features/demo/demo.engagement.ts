import type { Perspective } from '../engagements/index.ts';

// The demo engagement's own words: what a newcomer reads on its pages. Plain English keeps
// sentences to 25 words and avoids jargon; Easy Read has one short idea per line, in everyday
// words (a test runs the readability check over both).

export const DEMO_ENGAGEMENT = {
  title: 'What should people expect when they ask us for help?',
  purposePlain: [
    'Northshire Council wants to change what happens when someone first asks for help with care and support.',
    'Too many people tell us they wait a long time and are passed from one place to another.',
    'They have to tell their story again and again.',
    'We want to hear from people who have asked for help, and from the family and friends who care for them.',
    'We also want to hear from the staff who answer, and from local groups.',
    'What you tell us will shape a promise about what people can expect when they ask for help, and how we will keep it.',
    'Northshire Independent Advocacy is running this work.',
    'They are independent of the council, and they will make sure what you say reaches the people who decide.',
  ].join(' '),
  purposeEasyRead: [
    'The council helps people with care and support.',
    'We want to make this help better.',
    'We want to know what good help looks like to you.',
    'Your family and friends can tell us too.',
    'Northshire Independent Advocacy is asking the questions.',
    'They do not work for the council.',
    'They will make sure the council hears what you say.',
    'The council will tell you what it will change.',
  ].join('\n'),
  openToInfluence: [
    'How the first conversation happens: where, when, who you talk to and how long you wait.',
    'What we ask you about, and how we write it down so you only tell your story once.',
    'How we tell you about groups and support near you, before or instead of formal services.',
    'The promise we make about what you can expect from us, which we will write with you.',
  ].join('\n'),
  alreadyDecided: [
    "The money for adult social care next year is already set in the council's budget. This work will not change how much there is to spend.",
    'Who can get care paid for by the council is set by the Care Act 2014 and national rules. That is not open to change here.',
    'The phone line will stay: many people told us they need it, and it will be one of several ways to ask for help.',
  ].join('\n'),
  audiences: [
    'lived_experience',
    'family_carer',
    'professional',
    'community_member',
  ] satisfies Perspective[],
  areas: ['Northtown', 'Riverside', 'Eastmoor', 'Hill Villages'],
} as const;

export const DEMO_COMMITMENT = {
  signerName: 'Dee Morgan',
  signerRole: 'Director of Adult Social Care',
  statement: [
    'I asked Northshire Independent Advocacy to run this because I want to hear, honestly, what it is like to ask us for help, including what we get wrong.',
    'I will read what people say myself, not only a summary.',
    'By the date below I will reply in writing to every theme that comes out of this.',
    'I will say what we will do, what we will try, and where we cannot change something, why not.',
    'Where we agree to change, I will name who is responsible and by when, and we will report back on progress.',
    'I will not treat this as a box to tick.',
  ].join(' '),
} as const;

/** The three open questions, each keyed so the demo's voices can say which one they answer. */
export const DEMO_PROMPTS = {
  firstConversation: {
    questionPlain:
      'Think about the first time you, or someone you care for, asked for help. What makes that first conversation a good one?',
    questionEasyRead: 'Think about when you first asked for help.\nWhat makes a good first talk?',
    influences:
      'Where and how the first conversation happens, what staff ask about, and how they are trained.',
  },
  caredAbout: {
    questionPlain:
      'When you get help from us, what makes you feel listened to and cared about, rather than just another case?',
    questionEasyRead: 'What makes you feel that people care about you?',
    influences:
      'The promise we will write with you about how staff treat people, and how we check we keep it.',
  },
  community: {
    questionPlain:
      'What in your local community already helps you, or could help you, live the life you want? For example a group, a place, a club or a neighbour.',
    questionEasyRead:
      'What near where you live helps you?\nIt could be a group, a place or a person.',
    influences:
      'Which community places become places to meet our staff, and what we tell people about local groups.',
  },
} as const;

export type DemoPrompt = keyof typeof DEMO_PROMPTS;

/** The question with statements to agree or disagree with (one per engagement). */
export const DEMO_STATEMENTS_PROMPT = {
  questionPlain: 'Do you agree or disagree with these statements about asking us for help?',
  questionEasyRead: 'Do you agree with these ideas about getting help?',
  influences:
    'The promise we will write with you: the statements most people agree with will go in it.',
} as const;

/** The statements staff start the demo with, in plain words and in Easy Read. */
export const DEMO_STATEMENTS = [
  {
    plain: 'I should only have to tell my story once.',
    easyRead: 'I should only tell my story once.',
  },
  {
    plain:
      'The first conversation should happen where I feel at ease, such as my home or a local group.',
    easyRead: 'I want to talk where I feel safe.\nThat could be my home.',
  },
  {
    plain: 'I should leave the first conversation feeling cared about, not like a case number.',
    easyRead: 'I want to feel that people care about me.',
  },
  {
    plain: 'Staff should tell me about groups and help near where I live before anything else.',
    easyRead: 'Tell me about groups near me first.',
  },
  {
    plain: 'I should be able to ask for help by phone, online or face to face, whichever suits me.',
    easyRead: 'I can ask for help in the way I like.',
  },
  {
    plain: 'Family carers should be asked how they are doing in the same conversation.',
    easyRead: 'Ask carers how they are too.',
  },
  {
    plain: 'I should always know who to contact and when I will hear back.',
    easyRead: 'Tell me who to call.\nTell me when you will call back.',
  },
  {
    plain: 'Waiting up to four weeks for a first conversation is fair.',
    easyRead: 'Waiting 4 weeks to talk is fair.',
  },
] as const;
