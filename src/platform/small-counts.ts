/** Counts from 1 to 4 could point to a person, so council roles never see them. */
export const SMALLEST_SHOWN = 5;

/** The count, or null where it must be suppressed (1 to 4). Nought is shown: it names no one. */
export const suppressSmall = (count: number): number | null =>
  count > 0 && count < SMALLEST_SHOWN ? null : count;
