import { describe, expect, it } from 'vitest';
import { predictOneVsRest, trainOneVsRest } from './logistic.ts';
import { dense, row } from './matrix.ts';
import { gaussian, seededRandom } from './random.ts';

describe('one-vs-rest logistic regression', () => {
  // Label 0 where the first feature is positive, label 1 where the second is; some rows have both.
  const normal = gaussian(seededRandom(11));
  const x = dense(200, 3);
  for (let i = 0; i < x.data.length; i++) x.data[i] = normal();
  const labels = Array.from({ length: 200 }, (_, i) => {
    const features = row(x, i);
    return [0, 1].filter((l) => (features[l] ?? 0) > 0);
  });

  it('learns separable labels, several to a row', () => {
    const model = trainOneVsRest(x, labels, 2, { penalty: 1e-4 });
    const probabilities = predictOneVsRest(x, model);
    let right = 0;
    labels.forEach((set, i) => {
      for (const l of [0, 1]) {
        const yes = (probabilities.data[i * 2 + l] ?? 0) >= 0.5;
        if (yes === set.includes(l)) right++;
      }
    });
    expect(right / 400).toBeGreaterThan(0.95);
  });

  it('is deterministic', () => {
    const a = trainOneVsRest(x, labels, 2, { iterations: 50 });
    const b = trainOneVsRest(x, labels, 2, { iterations: 50 });
    expect([...a.weights.data]).toEqual([...b.weights.data]);
  });
});
