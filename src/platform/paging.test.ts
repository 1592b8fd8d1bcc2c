import { describe, expect, it } from 'vitest';
import { pageOf, paginationLinks, requestedPage } from './paging.ts';

const numbers = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);

describe('paging a long list', () => {
  it('reads a page number from the address, and treats anything else as the first page', () => {
    expect(requestedPage('3')).toBe(3);
    expect(requestedPage(undefined)).toBe(1);
    expect(requestedPage('0')).toBe(1);
    expect(requestedPage('-2')).toBe(1);
    expect(requestedPage('2.5')).toBe(1);
    expect(requestedPage(['2', '3'])).toBe(1);
    expect(requestedPage('99999999999')).toBe(1);
  });

  it('cuts the list into pages and says where this page sits', () => {
    const second = pageOf(numbers(120), 2, 50);
    expect(second).toMatchObject({ number: 2, count: 3, from: 51, to: 100, total: 120 });
    expect(second.items[0]).toBe(51);
    expect(second.items).toHaveLength(50);
    const last = pageOf(numbers(120), 3, 50);
    expect(last).toMatchObject({ from: 101, to: 120 });
    expect(last.items).toHaveLength(20);
  });

  it('shows the last page for a page past the end, and one empty page for an empty list', () => {
    expect(pageOf(numbers(120), 9, 50)).toMatchObject({ number: 3, from: 101, to: 120 });
    expect(pageOf([], 4, 50)).toMatchObject({ number: 1, count: 1, from: 0, to: 0, total: 0 });
  });

  it('links to the other pages keeping the filters, with gaps between far pages', () => {
    expect(paginationLinks('/v', {}, { number: 1, count: 1 })).toBeUndefined();
    const links = paginationLinks(
      '/v',
      { perspective: 'family_carer', page: '5', empty: '' },
      { number: 5, count: 9 },
    );
    expect(links?.previous?.href).toBe('/v?perspective=family_carer&empty=&page=4');
    expect(links?.next?.href).toBe('/v?perspective=family_carer&empty=&page=6');
    expect(links?.items.map((item) => ('ellipsis' in item ? '…' : item.number))).toEqual([
      1,
      '…',
      4,
      5,
      6,
      '…',
      9,
    ]);
    const first = paginationLinks('/v', { page: '2' }, { number: 2, count: 2 });
    expect(first?.previous?.href).toBe('/v');
    expect(first?.next).toBeUndefined();
    expect(first?.items).toContainEqual({ number: 2, href: '/v?page=2', current: true });
  });
});
