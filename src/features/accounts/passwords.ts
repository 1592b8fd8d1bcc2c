import argon2 from 'argon2';

// OWASP's argon2id baseline: 19 MiB, two passes, one lane.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => argon2.hash(password, OPTIONS);

export const verifyPassword = (hash: string, password: string): Promise<boolean> =>
  argon2.verify(hash, password);

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same time as a real check when there is no such account, so the response time
 * does not tell an attacker which email addresses have accounts.
 */
export async function spendVerificationTime(password: string): Promise<void> {
  dummyHash ??= hashPassword('not a real password, only for timing');
  await argon2.verify(await dummyHash, password);
}
