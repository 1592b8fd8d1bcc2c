// Campaign grouping (issue 6): injects 500 edited copies of three form letters about adult social
// care among the 5,096 real FFT answers, runs groupCampaigns and prints pair precision and pair
// recall, then voices per second (median of the timed runs after warm-up runs).
//
// A pair is two voices. True pairs are two copies of the same letter. Predicted pairs are two
// voices put in one group. Every predicted pair that is not two copies of the same letter counts
// against precision, FFT answers included, even where two FFT answers are the same long text (a
// person may well post twice, but we did not plant those, so the strict count is the honest one);
// such groups are listed so a reader can judge them.
//
// Run: npx tsx bench/campaign-grouping.ts [timed runs, default 9] [seed, default 20261126]
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import {
  CAMPAIGN_VERSION,
  type CampaignVoice,
  groupCampaigns,
} from '../src/analysis/triage/campaigns.ts';
import { csvTable, parseCsv } from '../src/platform/csv.ts';

const FFT = join(import.meta.dirname, '../../shared/data/fft/neas-dev.csv');
const RUNS = Number(process.argv[2] ?? 9);
const SEED = Number(process.argv[3] ?? 20261126);
const WARM_UP = 3;

// Seeded PRNG (mulberry32), so every run plants the same copies.
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(SEED);
const pick = <T>(items: readonly T[]): T => {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
};
const chance = (p: number): boolean => random() < p;

interface FormLetter {
  name: string;
  copies: number;
  /** Sentences; {place} and {person} are filled in per copy, as supporters change them. */
  sentences: string[];
  places: string[];
  people: string[];
  /** Lines a supporter might add about themselves. */
  personal: string[];
  /** Sentences a supporter might add to the body. */
  extra: string[];
}

const LETTERS: FormLetter[] = [
  {
    name: 'day-centre',
    copies: 220,
    sentences: [
      'Dear {person},',
      'I am writing to ask you to save the {place} day centre from closure.',
      'For many older and disabled people in our town the centre is the only place they go each week.',
      'It gives them a hot meal, company and activities, and it gives their family carers a few hours of rest.',
      'The council says people can use personal budgets to buy support elsewhere, but there is nothing else like it nearby.',
      'Closing it will leave people isolated at home and will cost more in the end when carers can no longer cope.',
      'Please keep the {place} day centre open and talk to the people who use it before any decision is made.',
      'Yours sincerely,',
    ],
    places: ['Elm Tree', 'Elmtree', 'Elm Tree Road', 'Hollybank', 'Elm Tree Community'],
    people: ['Councillor Ahmed', 'Cllr Ahmed', 'Councillor Jones', 'Sir or Madam', 'Councillor'],
    personal: [
      'My mum has gone to Elm Tree every Tuesday for six years.',
      'My brother has learning disabilities and the centre is his whole week.',
      'I have been a volunteer at the centre since I retired.',
      'My dad lives with dementia and I could not work without the centre.',
      'As a carer for my husband I rely on those two days a week.',
      'I used the centre myself after my stroke.',
    ],
    extra: [
      'The staff there know every person by name.',
      'The minibus is the only way some members can get out of the house.',
      'We were not asked about this at all.',
      'Please come and visit before you decide.',
    ],
  },
  {
    name: 'care-charges',
    copies: 170,
    sentences: [
      'To {person}',
      'I object to the proposed increase in charges for home care and the cap on {place} direct payments.',
      'Disabled people on low incomes already pay a large part of their benefits towards their care.',
      'The new rules would take more of the money people need for heating, food and getting about.',
      'Many will cut back on the support they need, which puts their health and safety at risk.',
      'The Care Act says charges must not reduce income below the minimum income guarantee, and people should be treated fairly.',
      'I ask the council to withdraw the proposal, publish a full equality impact assessment and consult disabled people properly.',
      'Thank you for reading this.',
    ],
    places: ['Westshire', 'the Westshire', 'our', 'county', 'Westshire Council'],
    people: [
      'the Cabinet Member for Adult Social Care',
      'the Director of Adult Services',
      'Cllr Patel',
      'whom it may concern',
    ],
    personal: [
      'I am a wheelchair user and I pay towards my care already.',
      'My daughter has a direct payment and every penny is spent on her support.',
      'I am on PIP and ESA and I cannot afford more.',
      'My partner and I both need care at home.',
      'I employ two personal assistants with my direct payment.',
    ],
    extra: [
      'This feels like a tax on being disabled.',
      'Nobody has explained how the figures were worked out.',
      'Other councils have not done this.',
    ],
  },
  {
    name: 'short-breaks',
    copies: 110,
    sentences: [
      'Dear {person},',
      'Please do not cut respite and short breaks for unpaid carers in {place}.',
      'Carers save the council millions every year by looking after family members at home.',
      'A few nights of respite a month are what let us keep going, keep our jobs and stay well ourselves.',
      'Without short breaks more carers will reach breaking point and the people they care for will need residential care, which costs far more.',
      'I urge you to protect the respite budget and to involve carers in any review of the service.',
      'With thanks,',
    ],
    places: ['Northbridge', 'North Bridge', 'the borough', 'Northbridge and Ashby'],
    people: ['Councillor Green', 'Cllr Green', 'Mayor', 'Councillor Smith'],
    personal: [
      'I have cared for my son, who has autism, for nineteen years.',
      'I look after my wife who has multiple sclerosis.',
      'My mother has Parkinsons and lives with us.',
      'Respite at Linden House is the only break I get.',
    ],
    extra: [
      'I have not had a full night of sleep in months.',
      'The carers centre told us about this letter.',
      'We are exhausted.',
    ],
  },
];

const SYNONYMS: Record<string, string[]> = {
  ask: ['urge', 'beg'],
  save: ['protect', 'keep'],
  many: ['lots of', 'a lot of'],
  people: ['residents', 'folk'],
  please: ['i beg you to', 'kindly'],
  only: ['one', 'main'],
  large: ['big', 'huge'],
  more: ['extra', 'even more'],
  properly: ['fully', 'in a meaningful way'],
  few: ['couple of', 'small number of'],
  keep: ['carry on', 'continue'],
  cost: ['costs', 'be cheaper'],
  every: ['each'],
};
const SIGN_OFFS = [
  'Mrs J Harris',
  'Tom',
  'A concerned resident',
  'Priya Shah, Ashby',
  'Bill and Mary Walsh',
];

function typo(word: string): string {
  if (word.length < 4) return word;
  const at = 1 + Math.floor(random() * (word.length - 2));
  switch (Math.floor(random() * 3)) {
    case 0:
      return word.slice(0, at) + (word[at + 1] ?? '') + (word[at] ?? '') + word.slice(at + 2);
    case 1:
      return word.slice(0, at) + word.slice(at + 1);
    default:
      return word.slice(0, at) + (word[at] ?? '') + word.slice(at);
  }
}

function editWords(sentence: string, edit: (words: string[]) => void): string {
  const words = sentence.split(' ');
  edit(words);
  return words.join(' ');
}

/**
 * One supporter's copy. How much people change a form letter varies: about 3 in 10 send it as it
 * is (case, spacing and a sign-off aside), half make one to three edits, the rest four to seven.
 * Word edits (a typo, a synonym, two words swapped) can happen many times; a sentence removed, a
 * sentence added and a personal line put first at most once each.
 */
function copyOf(letter: FormLetter): string {
  const sentences = [...letter.sentences];
  const place = pick(letter.places);
  const person = pick(letter.people);
  const level = random();
  const edits =
    level < 0.3 ? 0 : level < 0.8 ? 1 + Math.floor(random() * 3) : 4 + Math.floor(random() * 4);
  const once = new Set<number>();
  for (let e = 0; e < edits; e++) {
    // The greeting stays first and the closing line last.
    const body = 1 + Math.floor(random() * (sentences.length - 2));
    const kind = Math.floor(random() * 6);
    if (kind < 3 && once.has(kind)) continue;
    once.add(kind);
    switch (kind) {
      case 0:
        sentences.splice(body, 1);
        break;
      case 1:
        sentences.splice(body, 0, pick(letter.extra));
        break;
      case 2:
        sentences.splice(0, 0, pick(letter.personal));
        break;
      case 3:
        sentences[body] = editWords(sentences[body] ?? '', (words) => {
          const at = Math.floor(random() * words.length);
          words[at] = typo(words[at] ?? '');
        });
        break;
      case 4:
        sentences[body] = editWords(sentences[body] ?? '', (words) => {
          const at = words.findIndex((word) => word.toLowerCase() in SYNONYMS && chance(0.5));
          const options = at === -1 ? undefined : SYNONYMS[(words[at] ?? '').toLowerCase()];
          if (options !== undefined) words[at] = pick(options);
        });
        break;
      default:
        sentences[body] = editWords(sentences[body] ?? '', (words) => {
          const at = Math.floor(random() * (words.length - 1));
          [words[at], words[at + 1]] = [words[at + 1] ?? '', words[at] ?? ''];
        });
    }
  }
  const filled = sentences.map((s) =>
    s.replaceAll('{place}', place).replaceAll('{person}', person),
  );
  if (chance(0.5)) filled.push(pick(SIGN_OFFS));
  let text = filled.join(chance(0.3) ? '\n' : ' ');
  const style = random();
  if (style < 0.1) text = text.toUpperCase();
  else if (style < 0.2) text = text.toLowerCase().replaceAll(/[.,]/g, '');
  return text;
}

const fftFile = readFileSync(FFT);
const fft = csvTable(parseCsv(fftFile, FFT), FFT, ['FFT answer']).rows.map(
  (row, i): CampaignVoice => ({ id: `fft-${i + 1}`, text: row.get('FFT answer') }),
);
const letterOf = new Map<string, string>();
const voices = [...fft];
for (const letter of LETTERS) {
  for (let n = 1; n <= letter.copies; n++) {
    const id = `${letter.name}-${n}`;
    letterOf.set(id, letter.name);
    voices.splice(Math.floor(random() * (voices.length + 1)), 0, { id, text: copyOf(letter) });
  }
}

const pairs = (n: number): number => (n * (n - 1)) / 2;
const groups = groupCampaigns(voices);
const truePairs = LETTERS.reduce((sum, letter) => sum + pairs(letter.copies), 0);
let predictedPairs = 0;
let correctPairs = 0;
let fftPairs = 0;
const fftGroups: string[] = [];
for (const group of groups) {
  predictedPairs += pairs(group.members.length);
  const perLetter = new Map<string, number>();
  let fftMembers = 0;
  for (const member of group.members) {
    const letter = letterOf.get(member);
    if (letter === undefined) fftMembers++;
    else perLetter.set(letter, (perLetter.get(letter) ?? 0) + 1);
  }
  for (const count of perLetter.values()) correctPairs += pairs(count);
  if (fftMembers > 0) {
    fftPairs +=
      pairs(group.members.length) - [...perLetter.values()].reduce((s, c) => s + pairs(c), 0);
    fftGroups.push(
      `  ${group.id}: ${group.members.length} voices (${fftMembers} FFT), e.g. "${group.representative.text.slice(0, 100)}"`,
    );
  }
}

const times: number[] = [];
for (let run = 0; run < WARM_UP + RUNS; run++) {
  const started = performance.now();
  groupCampaigns(voices);
  if (run >= WARM_UP) times.push(performance.now() - started);
}
times.sort((a, b) => a - b);
const medianMs = times[Math.floor(times.length / 2)] ?? Number.NaN;

console.log(
  `${CAMPAIGN_VERSION}: ${fft.length} FFT answers + ${letterOf.size} copies of ${LETTERS.length} letters (seed ${SEED})`,
);
console.log(
  `groups: ${groups.length}, letters' copies grouped: ${groups.flatMap((g) => g.members).filter((m) => letterOf.has(m)).length} of ${letterOf.size}`,
);
console.log(
  `pairs: true ${truePairs}, predicted ${predictedPairs}, correct ${correctPairs}, involving FFT answers ${fftPairs}`,
);
console.log(
  `pair precision ${(correctPairs / Math.max(1, predictedPairs)).toFixed(4)}, pair recall ${(correctPairs / truePairs).toFixed(4)}`,
);
console.log(
  `time: median ${medianMs.toFixed(1)} ms of ${RUNS} runs after ${WARM_UP} warm-up (min ${times[0]?.toFixed(1)}, max ${times.at(-1)?.toFixed(1)}): ${Math.round(voices.length / (medianMs / 1000))} voices per second; load average ${loadavg()[0]?.toFixed(1)}`,
);
console.log(
  fftGroups.length === 0
    ? 'No FFT answer was grouped.'
    : `Groups holding FFT answers:\n${fftGroups.join('\n')}`,
);
