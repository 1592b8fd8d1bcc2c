/** One page of a long list, and where it sits in the whole. */
export interface Page<T> {
  items: T[];
  /** 1-based; a page past the end shows the last page, a missing or broken one the first. */
  number: number;
  count: number;
  /** 1-based positions of the first and last item shown (0 and 0 when the list is empty). */
  from: number;
  to: number;
  total: number;
}

/** A page number as typed in an address: anything but a whole number from 1 up means page 1. */
export function requestedPage(value: unknown): number {
  if (typeof value !== 'string' || !/^\d{1,6}$/.test(value)) return 1;
  return Math.max(1, Number(value));
}

/** Which page to show of `total` items, and where it starts (0-based), before reading it. */
export function pagePosition(
  total: number,
  requested: number,
  size: number,
): { number: number; count: number; start: number } {
  const count = Math.max(1, Math.ceil(total / size));
  const number = Math.min(Math.max(1, requested), count);
  return { number, count, start: (number - 1) * size };
}

/** The page at `position`, from its items as read (a database can read just those). */
export function pageFrom<T>(
  shown: T[],
  position: { number: number; count: number; start: number },
  total: number,
): Page<T> {
  const { number, count, start } = position;
  return {
    items: shown,
    number,
    count,
    from: shown.length === 0 ? 0 : start + 1,
    to: start + shown.length,
    total,
  };
}

export function pageOf<T>(items: readonly T[], requested: number, size: number): Page<T> {
  const position = pagePosition(items.length, requested, size);
  return pageFrom(items.slice(position.start, position.start + size), position, items.length);
}

interface PaginationLink {
  href: string;
}

/** What govuk-frontend's pagination component needs, undefined when everything fits on one page. */
export interface PaginationParams {
  previous?: PaginationLink;
  next?: PaginationLink;
  items: ({ number: number; href: string; current: boolean } | { ellipsis: true })[];
}

/**
 * Links to the other pages, keeping the rest of the query string (filters) as it is. Shows the
 * first, the last, and the pages either side of this one, with gaps between, as GOV.UK advises.
 */
export function paginationLinks(
  path: string,
  query: Record<string, unknown>,
  page: Pick<Page<unknown>, 'number' | 'count'>,
): PaginationParams | undefined {
  if (page.count <= 1) return undefined;
  const href = (number: number): string => {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) {
      if (name === 'page') continue;
      for (const one of Array.isArray(value) ? value : [value])
        if (typeof one === 'string') search.append(name, one);
    }
    if (number > 1) search.set('page', String(number));
    const text = search.toString();
    return text === '' ? path : `${path}?${text}`;
  };
  const items: PaginationParams['items'] = [];
  for (let number = 1; number <= page.count; number += 1) {
    const near = Math.abs(number - page.number) <= 1;
    if (number === 1 || number === page.count || near) {
      items.push({ number, href: href(number), current: number === page.number });
    } else if (!('ellipsis' in (items.at(-1) ?? {}))) {
      items.push({ ellipsis: true });
    }
  }
  return {
    ...(page.number > 1 ? { previous: { href: href(page.number - 1) } } : {}),
    ...(page.number < page.count ? { next: { href: href(page.number + 1) } } : {}),
    items,
  };
}
