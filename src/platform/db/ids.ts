import { uuidv7 } from 'uuidv7';

/** A new record id: UUIDv7, so ids sort by creation time on both databases. */
export function newId(): string {
  return uuidv7();
}
