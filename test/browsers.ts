import type { Browser } from './app.ts';

/**
 * The browsers a test signs in, by who they are: `as(who)` is that person's browser, and fails
 * the test plainly when nobody of that name was signed in.
 */
export function signedInBrowsers<Who extends string = string>(): {
  browsers: Partial<Record<Who, Browser>>;
  as: (who: Who) => Browser;
} {
  const browsers: Partial<Record<Who, Browser>> = {};
  const as = (who: Who): Browser => {
    const browser = browsers[who];
    if (browser === undefined) throw new Error(`${who} is not signed in`);
    return browser;
  };
  return { browsers, as };
}
