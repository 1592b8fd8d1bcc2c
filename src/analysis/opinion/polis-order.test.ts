import { describe, expect, it } from 'vitest';
import { compareIds, polisOrder } from './polis-order.ts';

describe('compareIds', () => {
  it('puts whole numbers in numeric order, at any length, before any other ids', () => {
    const ids = ['b', '10', '007', '9', '12345678901234567890', '0', 'a', '12345678901234567889'];
    expect([...ids].sort(compareIds)).toEqual([
      '0',
      '9',
      '10',
      '12345678901234567889',
      '12345678901234567890',
      '007',
      'a',
      'b',
    ]);
  });

  it('orders UUIDv7 ids as text, which is the order they were made in', () => {
    const earlier = '0190a1b2-0000-7000-8000-000000000000';
    const later = '0190a1b2-0001-7000-8000-000000000000';
    expect(compareIds(earlier, later)).toBeLessThan(0);
    expect(compareIds(later, earlier)).toBeGreaterThan(0);
    expect(compareIds(later, later)).toBe(0);
  });
});

describe('polisOrder', () => {
  it('renumbers columns by id and rows by their first column, then id', () => {
    // As first numbered: participants 5, 2, 7; statements 3, 1. Votes: 5 on 3, 2 on 3,
    // 7 on 1, 5 on 1. Columns become 1, 3. 7 and 5 first voted on column 0 (statement 1):
    // 5 first; 2 only on column 1.
    const order = polisOrder(
      ['5', '2', '7'],
      ['3', '1'],
      Int32Array.of(0, 1, 2, 0),
      Int32Array.of(0, 0, 1, 1),
    );
    expect(order.statements).toEqual(['1', '3']);
    expect(order.participants).toEqual(['5', '7', '2']);
    expect([...order.colOf]).toEqual([1, 0]);
    expect([...order.rowOf]).toEqual([0, 2, 1]);
  });
});
