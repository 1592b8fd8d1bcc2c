import { describe, expect, it } from 'vitest';
import { type ReadingLevel, checkReadability } from '../../analysis/text/readability.ts';
import {
  DEMO_ENGAGEMENT,
  DEMO_PROMPTS,
  DEMO_STATEMENTS,
  DEMO_STATEMENTS_PROMPT,
} from './demo.engagement.ts';

// The demo shows newcomers what good public words look like, so it passes its own check.
const texts: { name: string; text: string; level: ReadingLevel }[] = [
  { name: 'purpose', text: DEMO_ENGAGEMENT.purposePlain, level: 'plain' },
  { name: 'purpose', text: DEMO_ENGAGEMENT.purposeEasyRead, level: 'easy-read' },
  { name: 'open to influence', text: DEMO_ENGAGEMENT.openToInfluence, level: 'plain' },
  { name: 'already decided', text: DEMO_ENGAGEMENT.alreadyDecided, level: 'plain' },
  ...Object.entries(DEMO_PROMPTS).flatMap(([key, prompt]) => [
    { name: `${key} question`, text: prompt.questionPlain, level: 'plain' as const },
    { name: `${key} question`, text: prompt.questionEasyRead, level: 'easy-read' as const },
    { name: `${key} influences`, text: prompt.influences, level: 'plain' as const },
  ]),
  { name: 'statements question', text: DEMO_STATEMENTS_PROMPT.questionPlain, level: 'plain' },
  {
    name: 'statements question',
    text: DEMO_STATEMENTS_PROMPT.questionEasyRead,
    level: 'easy-read',
  },
  { name: 'statements influences', text: DEMO_STATEMENTS_PROMPT.influences, level: 'plain' },
  ...DEMO_STATEMENTS.flatMap((statement, i) => [
    { name: `statement ${String(i + 1)}`, text: statement.plain, level: 'plain' as const },
    { name: `statement ${String(i + 1)}`, text: statement.easyRead, level: 'easy-read' as const },
  ]),
];

describe('the demo engagement’s public words', () => {
  it.each(texts)('$name ($level) passes the readability check', ({ text, level }) => {
    expect(text.trim()).not.toBe('');
    expect(checkReadability(text, level).map((finding) => finding.excerpt)).toEqual([]);
  });
});
