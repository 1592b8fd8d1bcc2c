import { ageBand } from '../../analysis/reach/census-categories.ts';
import type { EqualityAnswers } from '../reach/index.ts';

const DISABILITY = ['limited-a-lot', 'limited-a-little', 'condition-not-limited', 'no-condition'];

/**
 * What the demo's online participants chose to tell about themselves, made up by a fixed rule so
 * the demo is the same every time: mostly older, White and female, as many engagements in adult
 * social care find, so the reach page has groups it has not heard from. Every sixth person
 * skipped the questions, and some chose "prefer not to say".
 */
export function demoEqualityAnswers(index: number, perspective: string): EqualityAnswers {
  const answers: EqualityAnswers = new Map();
  if (index % 6 === 5) return answers;
  answers.set('age', ageBand(38 + ((index * 17) % 50)));
  answers.set('sex', index % 11 === 0 ? 'prefer-not-to-say' : index % 3 === 0 ? 'male' : 'female');
  answers.set(
    'ethnicGroup',
    index % 9 === 4 ? 'asian' : index % 13 === 7 ? 'black' : index % 8 === 3 ? 'mixed' : 'white',
  );
  answers.set('disability', DISABILITY[index % DISABILITY.length] ?? 'no-condition');
  answers.set(
    'unpaidCare',
    perspective === 'family_carer'
      ? index % 2 === 0
        ? '50-hours-or-more'
        : '20-to-49-hours'
      : 'none',
  );
  if (index % 5 !== 0) {
    answers.set(
      'religion',
      index % 10 === 3 ? 'muslim' : index % 2 === 0 ? 'christian' : 'no-religion',
    );
  }
  if (index % 2 === 0) {
    answers.set('sexualOrientation', index % 12 === 0 ? 'prefer-not-to-say' : 'straight');
  }
  return answers;
}
