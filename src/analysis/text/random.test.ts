import { describe, expect, it } from 'vitest';
import { gaussian, seededRandom, shuffledIndices } from './random.ts';

describe('seededRandom', () => {
  it('gives the same numbers for the same seed and others for another', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const c = seededRandom(43);
    const first = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(first);
    expect(Array.from({ length: 5 }, c)).not.toEqual(first);
    for (const value of first) expect(value >= 0 && value < 1).toBe(true);
  });

  it('makes normal numbers with mean near 0 and variance near 1', () => {
    const normal = gaussian(seededRandom(1));
    const values = Array.from({ length: 20_000 }, normal);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
  });

  it('shuffles into a permutation', () => {
    const order = shuffledIndices(50, seededRandom(3));
    expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(order).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
  });
});
