import type { Db } from '../../platform/db/database.ts';
import { latestSnapshot, latestSnapshotHeader } from './opinion.repository.ts';

// The voting page asks for priorities on every vote; a snapshot's result can be megabytes, so
// the priorities of the newest version read are kept. Another process's newer snapshot is seen
// at once: the version is checked on every call.
const cached = new Map<string, { version: number; priority: ReadonlyMap<string, number> }>();

/**
 * How strongly to favour each approved statement when choosing what someone sees next, from
 * the newest snapshot; empty before the first. A statement approved since has no entry yet:
 * treat it as new.
 */
export async function latestPriority(
  db: Db,
  engagementId: string,
): Promise<ReadonlyMap<string, number>> {
  const header = await latestSnapshotHeader(db, engagementId);
  if (header === undefined) return new Map();
  const known = cached.get(engagementId);
  if (known?.version === header.version) return known.priority;
  const snapshot = await latestSnapshot(db, engagementId);
  if (snapshot === undefined) return new Map();
  const priority = new Map(Object.entries(snapshot.result.priority));
  cached.set(engagementId, { version: snapshot.version, priority });
  return priority;
}
