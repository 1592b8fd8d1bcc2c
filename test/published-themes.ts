import { newId } from '../src/platform/db/ids.ts';
import type { Db } from '../src/platform/db/database.ts';
import { DEMO } from './app.ts';

export interface ThemeToPublish {
  key: string;
  label: string;
  /** The voices whose main theme it is. */
  members: string[];
  /** Quotes as a draft stores them: a voice and its exact words. */
  quotes: { voiceId: string; text: string }[];
}

/**
 * A snapshot of themes, published to the council as the advocacy lead does, written straight
 * to the tables the themes feature keeps: tests of what comes after themes do not draft them.
 */
export async function publishThemes(
  db: Db,
  engagementId: string,
  themes: readonly ThemeToPublish[],
  at: string,
): Promise<string> {
  const lead = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', DEMO.lead)
    .executeTakeFirstOrThrow();
  const voices = themes.flatMap((theme) => theme.members);
  const snapshotId = newId();
  await db
    .insertInto('theme_snapshots')
    .values({
      id: snapshotId,
      engagement_id: engagementId,
      version: 1,
      created_at: at,
      created_by_id: lead.id,
      pipeline_version: 'themes-1+synthesis-1',
      themes: JSON.stringify(
        themes.map((theme) => ({
          key: theme.key,
          label: theme.label,
          keyPhrases: [],
          quotes: theme.quotes,
          members: theme.members,
          perspectives: { lived_experience: theme.members.length },
          channels: { online: theme.members.length },
          concerns: 0,
          campaigns: [],
          locked: false,
        })),
      ),
      assignments: JSON.stringify(
        themes.flatMap((theme) =>
          theme.members.map((voiceId) => ({
            voiceId,
            themes: [{ key: theme.key, confidence: 0.9 }],
          })),
        ),
      ),
      inputs: JSON.stringify({
        considered: voices.length,
        entered: voices.length,
        noConsent: 0,
        safeguarding: 0,
        concerns: 0,
        campaignCopies: 0,
      }),
    })
    .execute();
  await db
    .insertInto('theme_publications')
    .values({
      id: newId(),
      engagement_id: engagementId,
      snapshot_id: snapshotId,
      published_by_id: lead.id,
      published_at: at,
    })
    .execute();
  return snapshotId;
}
