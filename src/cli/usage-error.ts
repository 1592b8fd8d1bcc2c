/** A mistake in how a command was called: shown to the person, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
