import {
  type ReadabilityFinding,
  type ReadingLevel,
  checkReadability,
} from '../../analysis/text/readability.ts';
import type { EngagementRecord } from './engagements.service.ts';

export interface TextReadability {
  /** Catalogue key naming the text, e.g. engagements.fields.purposeEasyRead. */
  label: string;
  /** For a question's texts: which question (1, 2, …). */
  question?: number;
  findings: ReadabilityFinding[];
}

/**
 * The readability check over every text the public reads, at the level each is written for.
 * A guide for whoever writes them, never a block; texts with nothing to check are left out.
 */
export function readabilityOf({ engagement, prompts }: EngagementRecord): TextReadability[] {
  const texts: { label: string; text: string; level: ReadingLevel; question?: number }[] = [
    { label: 'engagements.fields.title', text: engagement.title, level: 'plain' },
    { label: 'engagements.fields.purposePlain', text: engagement.purposePlain, level: 'plain' },
    {
      label: 'engagements.fields.purposeEasyRead',
      text: engagement.purposeEasyRead,
      level: 'easy-read',
    },
    {
      label: 'engagements.fields.openToInfluence',
      text: engagement.openToInfluence,
      level: 'plain',
    },
    { label: 'engagements.fields.alreadyDecided', text: engagement.alreadyDecided, level: 'plain' },
    ...prompts.flatMap((prompt, index) => [
      {
        label: 'engagements.prompt.questionPlain',
        text: prompt.questionPlain,
        level: 'plain' as const,
        question: index + 1,
      },
      {
        label: 'engagements.prompt.questionEasyRead',
        text: prompt.questionEasyRead,
        level: 'easy-read' as const,
        question: index + 1,
      },
      {
        label: 'engagements.prompt.influences',
        text: prompt.influences,
        level: 'plain' as const,
        question: index + 1,
      },
    ]),
  ];
  return texts
    .map(({ label, text, level, question }) => ({
      label,
      ...(question === undefined ? {} : { question }),
      findings: checkReadability(text, level),
    }))
    .filter((item) => item.findings.length > 0);
}
