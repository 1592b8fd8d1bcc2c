// Whether a phrase is said in the negative ("I have never been hit", "no one has ever taken my
// money"). Negation only lowers a safeguarding score: a denial can itself be a disclosure
// ("he never hits me, honest"), so it never clears a flag.

// Words that end the clause a negation can reach back from.
const CLAUSE_BREAK = /[.!?;:\n]|,|\b(?:but|although|though|except|until|however)\b/g;

// Negating words, with and without apostrophes ("didnt", "hasnt") as people type them.
const NEGATION =
  /(?<![a-z])(?:never|not|no|nobody|noone|no-one|nothing|neither|nor|without|cannot|cant|couldnt|didnt|doesnt|dont|hasnt|havent|hadnt|isnt|wasnt|werent|wont|wouldnt|aint)(?![a-z])|n't(?![a-z])/;

// How many words before the phrase a negation may sit.
const REACH = 5;

/** True when a negating word sits shortly before `start`, inside the same clause. */
export function isNegated(folded: string, start: number): boolean {
  const before = folded.slice(0, start);
  let clauseStart = 0;
  for (const match of before.matchAll(CLAUSE_BREAK)) {
    clauseStart = match.index + match[0].length;
  }
  const words = before.slice(clauseStart).split(/\s+/).filter(Boolean).slice(-REACH);
  return words.some((word) => NEGATION.test(word));
}
