import { describe, expect, it } from 'vitest';
import { catalogues, lookup } from '../../platform/i18n/i18n.ts';
import {
  type ReadabilityFinding,
  type ReadingLevel,
  checkReadability,
  readabilitySummary,
} from './readability.ts';
import { JARGON } from './readability.jargon.ts';
import { countSyllables, splitSentences } from './readability.words.ts';

const kinds = (findings: ReadabilityFinding[], kind: ReadabilityFinding['kind']) =>
  findings.filter((finding) => finding.kind === kind);

/** A sentence of exactly n short words. */
const sentenceOf = (n: number): string =>
  `${Array.from({ length: n }, (_, i) => (i === 0 ? 'We' : 'go')).join(' ')}.`;

describe('countSyllables', () => {
  it.each([
    ['cat', 1],
    ['care', 1],
    ['cared', 1],
    ['helped', 1],
    ['homes', 1],
    ['wanted', 2],
    ['needed', 2],
    ['table', 2],
    ['tables', 2],
    ['people', 2],
    ['listened', 2],
    ['uses', 2],
    ['lonely', 2],
    ['careful', 2],
    ['statement', 2],
    ['you', 1],
    ['year', 1],
    ['services', 3],
    ['family', 3],
    ['completely', 3],
    ['community', 4],
    ['advocacy', 4],
    ['conversation', 4],
    ["don't", 1],
    ['', 0],
  ])('%s has %i', (word, syllables) => {
    expect(countSyllables(word)).toBe(syllables);
  });
});

describe('splitSentences', () => {
  it.each([
    { text: 'One. Two!  Three?', sentences: ['One.', 'Two!', 'Three?'] },
    { text: 'A line\nanother line\r\n\nlast', sentences: ['A line', 'another line', 'last'] },
    {
      text: 'Dr. Ali met Mr. and Mrs. Khan. They stayed.',
      sentences: ['Dr. Ali met Mr. and Mrs. Khan.', 'They stayed.'],
    },
    {
      text: 'Bring things, e.g. a list. Then go.',
      sentences: ['Bring things, e.g. a list.', 'Then go.'],
    },
    {
      text: 'It took 1.5 hours. Email a@example.org now',
      sentences: ['It took 1.5 hours.', 'Email a@example.org now'],
    },
    { text: 'She said "stop." He did.', sentences: ['She said "stop."', 'He did.'] },
    { text: '   ', sentences: [] },
  ])('$text', ({ text, sentences }) => {
    const found = splitSentences(text);
    expect(found.map((s) => s.text)).toEqual(sentences);
    for (const sentence of found)
      expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
  });
});

describe('long sentences', () => {
  it.each<{ level: ReadingLevel; words: number; flagged: boolean }>([
    { level: 'easy-read', words: 15, flagged: false },
    { level: 'easy-read', words: 16, flagged: true },
    { level: 'plain', words: 16, flagged: false },
    { level: 'plain', words: 25, flagged: false },
    { level: 'plain', words: 26, flagged: true },
    { level: 'plain', words: 31, flagged: true },
  ])('$level: $words words -> flagged $flagged', ({ level, words, flagged }) => {
    const text = `Short one. ${sentenceOf(words)} Another short one.`;
    const found = kinds(checkReadability(text, level), 'long-sentence');
    if (!flagged) {
      expect(found).toEqual([]);
      return;
    }
    expect(found).toHaveLength(1);
    const [finding] = found;
    expect(finding).toMatchObject({
      excerpt: sentenceOf(words),
      words,
      limit: level === 'plain' ? 25 : 15,
      message: {
        key:
          level === 'plain'
            ? 'readability.longSentence.plain'
            : 'readability.longSentence.easyRead',
        params: { words, limit: level === 'plain' ? 25 : 15 },
      },
    });
    expect(finding && text.slice(finding.start, finding.end)).toBe(finding?.excerpt);
  });

  it('counts a line of a list as its own sentence', () => {
    const list = Array.from({ length: 4 }, () => `- ${sentenceOf(10).replace('.', '')}`).join('\n');
    expect(kinds(checkReadability(list, 'easy-read'), 'long-sentence')).toEqual([]);
    expect(
      kinds(checkReadability(list.replace(/\n/g, ' '), 'easy-read'), 'long-sentence'),
    ).toHaveLength(1);
  });
});

describe('long words', () => {
  it.each<{ text: string; level: ReadingLevel; flagged: string[] }>([
    { text: 'We talk to organisations.', level: 'plain', flagged: ['organisations'] },
    { text: 'We talk to independent groups.', level: 'plain', flagged: [] },
    { text: 'We talk to the community.', level: 'plain', flagged: [] },
    { text: 'We talk to the community.', level: 'easy-read', flagged: ['community'] },
    { text: 'Your family can come.', level: 'easy-read', flagged: [] },
    { text: 'Everyone is answering.', level: 'easy-read', flagged: [] },
    { text: 'We help with care and support.', level: 'easy-read', flagged: [] },
    { text: 'Ask Northshire Independent Advocacy.', level: 'easy-read', flagged: [] },
    { text: 'Independent people help.', level: 'easy-read', flagged: ['Independent'] },
    { text: 'Your well-being matters.', level: 'easy-read', flagged: [] },
    { text: 'Write by 2026-11-26 or 1234567890123.', level: 'plain', flagged: [] },
    {
      text: 'Responsibility, then responsibility again.',
      level: 'plain',
      flagged: ['Responsibility'],
    },
  ])('$level: "$text" -> $flagged', ({ text, level, flagged }) => {
    const found = kinds(checkReadability(text, level), 'long-word');
    expect(found.map((finding) => finding.excerpt)).toEqual(flagged);
    for (const finding of found)
      expect(text.slice(finding.start, finding.end)).toBe(finding.excerpt);
  });

  it('gives the numbers behind a long word and a message to show', () => {
    const [byLetters] = checkReadability('We talk to organisations.', 'plain');
    expect(byLetters).toMatchObject({
      kind: 'long-word',
      letters: 13,
      measure: 'letters',
      limit: 12,
      message: {
        key: 'readability.longWord.letters',
        params: { word: 'organisations', letters: 13 },
      },
    });
    const [bySyllables] = checkReadability('We like the community.', 'easy-read');
    expect(bySyllables).toMatchObject({
      kind: 'long-word',
      syllables: 4,
      measure: 'syllables',
      limit: 2,
      message: {
        key: 'readability.longWord.syllables',
        params: { word: 'community', syllables: 4 },
      },
    });
  });
});

const JARGON_EXAMPLES = [
  { text: 'The commissioning team decides.', term: 'commissioning', excerpt: 'commissioning' },
  { text: 'Co-production is the aim.', term: 'coproduction', excerpt: 'Co-production' },
  { text: 'We coproduced it.', term: 'coproduction', excerpt: 'coproduced' },
  { text: 'Ask every stakeholder.', term: 'stakeholder', excerpt: 'stakeholder' },
  { text: 'Better outcomes for all.', term: 'outcomes', excerpt: 'outcomes' },
  { text: 'A new care pathway.', term: 'pathway', excerpt: 'pathway' },
  { text: 'A holistic view.', term: 'holistic', excerpt: 'holistic' },
  { text: 'Leverage what we have.', term: 'leverage', excerpt: 'Leverage' },
  { text: 'We signpost people.', term: 'signposting', excerpt: 'signpost' },
  { text: 'This cohort of people.', term: 'cohort', excerpt: 'cohort' },
  { text: 'Every Service User counts.', term: 'serviceUser', excerpt: 'Service User' },
  { text: 'Ask service-users.', term: 'serviceUser', excerpt: 'service-users' },
  { text: 'We utilise it.', term: 'utilise', excerpt: 'utilise' },
  { text: 'We utilize it.', term: 'utilise', excerpt: 'utilize' },
  { text: 'She will facilitate.', term: 'facilitate', excerpt: 'facilitate' },
  { text: 'A strategic plan.', term: 'strategic', excerpt: 'strategic' },
  { text: 'A new paradigm.', term: 'paradigm', excerpt: 'paradigm' },
  { text: 'A multi agency group.', term: 'multiAgency', excerpt: 'multi agency' },
  { text: 'A multi-agency group.', term: 'multiAgency', excerpt: 'multi-agency' },
  { text: 'Person-centred care.', term: 'personCentred', excerpt: 'Person-centred' },
  { text: 'The provision of care.', term: 'provision', excerpt: 'provision' },
  { text: 'We will implement it.', term: 'implement', excerpt: 'implement' },
  { text: 'Going forward we will try.', term: 'goingForward', excerpt: 'Going forward' },
  { text: 'Call us prior to visiting.', term: 'priorTo', excerpt: 'prior to' },
  { text: 'Call us in order to book.', term: 'inOrderTo', excerpt: 'in order to' },
  { text: 'A note with regard to care.', term: 'withRegardTo', excerpt: 'with regard to' },
  { text: 'A note in relation to care.', term: 'withRegardTo', excerpt: 'in relation to' },
  { text: 'Work will commence soon.', term: 'commence', excerpt: 'commence' },
  { text: 'We will ascertain it.', term: 'ascertain', excerpt: 'ascertain' },
  { text: 'We will endeavour to help.', term: 'endeavour', excerpt: 'endeavour' },
  { text: 'We optimise the rota.', term: 'optimise', excerpt: 'optimise' },
  { text: 'This is best practice.', term: 'bestPractice', excerpt: 'best practice' },
  { text: 'We will touch base.', term: 'touchBase', excerpt: 'touch base' },
  { text: 'A robust plan.', term: 'robust', excerpt: 'robust' },
  { text: 'We streamline forms.', term: 'streamline', excerpt: 'streamline' },
  { text: 'We empower people.', term: 'empower', excerpt: 'empower' },
  { text: 'A proactive team.', term: 'proactive', excerpt: 'proactive' },
  { text: 'The deliverables are set.', term: 'deliverables', excerpt: 'deliverables' },
  { text: 'Our key performance indicators.', term: 'kpi', excerpt: 'key performance indicators' },
  { text: 'Help with reablement.', term: 'reablement', excerpt: 'reablement' },
  { text: 'Domiciliary care.', term: 'domiciliary', excerpt: 'Domiciliary' },
  { text: 'A week of respite.', term: 'respite', excerpt: 'respite' },
  { text: 'We triage calls.', term: 'triage', excerpt: 'triage' },
  { text: 'Tell the safeguarding lead.', term: 'safeguarding', excerpt: 'safeguarding' },
  { text: 'We do an assessment.', term: 'assessment', excerpt: 'assessment' },
  { text: 'You may be eligible.', term: 'eligible', excerpt: 'eligible' },
];

describe('jargon', () => {
  it('has an example below for every term in the list', () => {
    const examined = new Set(JARGON_EXAMPLES.map((example) => example.term));
    expect(JARGON.map((term) => term.id).filter((id) => !examined.has(id))).toEqual([]);
  });

  it.each(JARGON_EXAMPLES)('finds "$excerpt" in "$text"', ({ text, term, excerpt }) => {
    const found = kinds(checkReadability(text, 'easy-read'), 'jargon');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      term,
      excerpt,
      count: 1,
      message: { key: `readability.jargon.${term}`, params: { word: excerpt } },
    });
    expect(found[0] && text.slice(found[0].start, found[0].end)).toBe(excerpt);
  });

  it.each(['We commissioned a report.', 'Our pathways are clear.', 'She gave us outcome data.'])(
    'finds other forms of a term: "%s"',
    (text) => {
      expect(kinds(checkReadability(text, 'plain'), 'jargon')).toHaveLength(1);
    },
  );

  it.each([
    'The dispatch came.',
    'A pathwayed road.',
    'We talked about outcomesque art.',
    'Cohorted',
  ])('does not find jargon inside other words: "%s"', (text) => {
    expect(kinds(checkReadability(text, 'plain'), 'jargon')).toEqual([]);
  });

  it.each<{ text: string; plain: string[]; easyRead: string[] }>([
    { text: 'Tell the safeguarding lead.', plain: [], easyRead: ['safeguarding'] },
    { text: 'We will do an assessment.', plain: [], easyRead: ['assessment'] },
    { text: 'You may be eligible.', plain: [], easyRead: ['eligible'] },
    { text: 'Ask your GP or the NHS.', plain: [], easyRead: ['acronym', 'acronym'] },
    { text: 'Our KPIs matter.', plain: ['kpi'], easyRead: ['kpi'] },
  ])('"$text": plain $plain, Easy Read $easyRead', ({ text, plain, easyRead }) => {
    const terms = (level: ReadingLevel) =>
      kinds(checkReadability(text, level), 'jargon').map((finding) =>
        finding.kind === 'jargon' ? finding.term : '',
      );
    expect(terms('plain')).toEqual(plain);
    expect(terms('easy-read')).toEqual(easyRead);
  });

  it('reports a term once, with how often it appears', () => {
    const text = 'Outcomes matter. We measure outcomes. The outcome is clear.';
    const found = kinds(checkReadability(text, 'plain'), 'jargon');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ excerpt: 'Outcomes', start: 0, count: 3 });
  });

  it('does not call a jargon word long as well', () => {
    const found = checkReadability('We talk about commissioning.', 'plain');
    expect(found.map((finding) => finding.kind)).toEqual(['jargon']);
  });
});

describe('checkReadability', () => {
  it('finds nothing in short, plain words', () => {
    const text = 'We want to hear from you.\nTell us what helps.\nWe will tell you what we change.';
    expect(checkReadability(text, 'easy-read')).toEqual([]);
    expect(checkReadability(text, 'plain')).toEqual([]);
    expect(checkReadability('', 'easy-read')).toEqual([]);
  });

  it('lists findings in the order they appear in the text, a sentence before what is in it', () => {
    const long = `Stakeholders use a holistic pathway ${sentenceOf(30).toLowerCase()}`;
    const text = `${long} Organisationally, yes.`;
    const found = checkReadability(text, 'plain');
    expect(found.map((finding) => finding.excerpt)).toEqual([
      long,
      'Stakeholders',
      'holistic',
      'pathway',
      'Organisationally',
    ]);
  });
});

describe('readabilitySummary', () => {
  const some = (n: number) =>
    checkReadability(['pathway', 'cohort', 'paradigm', 'holistic'].slice(0, n).join(' '), 'plain');

  it.each([
    { n: 0, key: 'readability.summary.none' },
    { n: 1, key: 'readability.summary.one' },
    { n: 4, key: 'readability.summary.other' },
  ])('$n findings -> $key', ({ n, key }) => {
    const findings = some(n);
    expect(findings).toHaveLength(n);
    expect(readabilitySummary(findings)).toEqual({ key, params: { count: n } });
  });
});

describe('the words shown to people', () => {
  const en = catalogues.en;
  const sample = [
    `${sentenceOf(30)} ${sentenceOf(20)}`,
    'Organisations in the community. Ask your GP.',
    JARGON_EXAMPLES.map((example) => example.text).join(' '),
  ];

  it('has a message for every jargon term', () => {
    const missing = [...JARGON.map((term) => term.id), 'acronym'].filter(
      (id) => lookup(en, `readability.jargon.${id}`) === undefined,
    );
    expect(missing).toEqual([]);
  });

  it.each(['plain', 'easy-read'] as const)(
    'gives every %s finding a message whose placeholders are all filled',
    (level) => {
      const findings = sample.flatMap((text) => checkReadability(text, level));
      const messages = [
        ...findings.map((finding) => finding.message),
        readabilitySummary(findings),
      ];
      expect(new Set(findings.map((finding) => finding.kind)).size).toBe(3);
      for (const { key, params } of messages) {
        const template = lookup(en, key);
        expect(template, key).toBeDefined();
        const placeholders = [...(template ?? '').matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
        for (const name of placeholders)
          expect(params, `${key} {${String(name)}}`).toHaveProperty(String(name));
      }
    },
  );
});
