import { createHash } from 'node:crypto';
import type { Db } from '../../platform/db/database.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import type { Deps } from '../../platform/deps.ts';
import type { Actor } from '../accounts/index.ts';
import { recordAudit } from '../audit/index.ts';
import {
  type Engagement,
  can,
  findEngagement,
  listPrompts,
  takesVoices,
} from '../engagements/index.ts';
import type { VoiceFile } from './voices.import-csv.ts';
import { insertParticipant, insertVoice } from './voices.repository.ts';
import { flagRaised } from './voices.service.ts';

/** Why a file of voices cannot go into this engagement (the file itself raises CsvError). */
export class VoiceImportError extends Error {
  override name = 'VoiceImportError';
  constructor(
    readonly reason: 'noEngagement' | 'notAllowed' | 'notListening' | 'noPrompt' | 'raced',
    message: string,
  ) {
    super(message);
  }
}

export interface VoiceImportSummary {
  imported: number;
  alreadyImported: number;
  noConsent: number;
  empty: number;
  /** Imported voices flagged as possible safeguarding disclosures (their lead and deputy told). */
  flagged: number;
}

/**
 * A row's key as stored: hashed, since a survey's ids can be personal (an email address, a name),
 * and scoped to the question, so one form's answers to two questions can be imported one by one.
 */
const importKey = (promptId: string, key: string): string =>
  createHash('sha256').update(`heard-voice-import\n${promptId}\n${key}`).digest('hex');

async function importedKeys(db: Db, engagementId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('voice_imports')
    .select('import_key')
    .where('engagement_id', '=', engagementId)
    .execute();
  return new Set(rows.map((row) => row.import_key));
}

/** The engagement, if the person may add voices to it now, to an open question it asks. */
async function checkTarget(
  deps: Deps,
  actor: Actor,
  engagementId: string,
  promptId: string,
): Promise<Engagement> {
  const engagement = await findEngagement(deps.db, engagementId);
  if (engagement === undefined)
    throw new VoiceImportError('noEngagement', `There is no engagement with id ${engagementId}.`);
  if (!can(actor, 'capture_voices', engagement)) {
    throw new VoiceImportError(
      'notAllowed',
      `${actor.email} cannot import voices into this engagement: only a lead or advocate of the advocacy organisation that holds it can.`,
    );
  }
  if (!takesVoices(engagement)) {
    throw new VoiceImportError(
      'notListening',
      `The engagement is in its ${engagement.phase} phase: voices can be imported only while it is listening.`,
    );
  }
  const prompt = (await listPrompts(deps.db, engagement.id)).find((p) => p.id === promptId);
  if (prompt?.kind !== 'open') {
    throw new VoiceImportError(
      'noPrompt',
      `The engagement has no question with id ${promptId} that people answer in their own words.`,
    );
  }
  return engagement;
}

/**
 * Imports a checked file of voices (paper forms, another survey) into one question: each row a
 * new pseudonymous person, with no way to contact them, consent given in writing. Every voice
 * goes through the safeguarding check as one recorded on someone's behalf does, and a flag tells
 * the engagement's named people at once. Rows already imported are skipped. One transaction:
 * a fault anywhere leaves the engagement as it was. The audit row counts, and says which door
 * (`via`: the command line or the web page); it holds no words.
 */
export async function importVoices(
  deps: Deps,
  actor: Actor,
  engagementId: string,
  promptId: string,
  file: VoiceFile,
  via: 'cli' | 'web',
): Promise<VoiceImportSummary> {
  const engagement = await checkTarget(deps, actor, engagementId, promptId);
  const at = deps.clock().toISOString();
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const held = await importedKeys(trx, engagement.id);
      const fresh = file.rows
        .map((row) => ({ row, key: importKey(promptId, row.key) }))
        .filter(({ key }) => !held.has(key));
      let flagged = 0;
      for (const { row, key } of fresh) {
        const participantId = await insertParticipant(
          trx,
          { engagementId: engagement.id, perspective: row.perspective, referenceHash: null },
          at,
        );
        const { id, safeguarding } = await insertVoice(
          trx,
          {
            engagementId: engagement.id,
            promptId,
            participantId,
            channel: 'import',
            sessionId: null,
            capturedById: actor.userId,
            helpGiven: [],
            whoseView: 'own',
            consentUse: true,
            consentQuote: row.consentQuote,
            consentGivenBy: 'writing',
            text: row.text,
            isSummary: false,
          },
          at,
        );
        await trx
          .insertInto('voice_imports')
          .values({ engagement_id: engagement.id, import_key: key, voice_id: id, imported_at: at })
          .execute();
        await flagRaised(trx, deps, engagement, id, safeguarding);
        if (safeguarding.flagged) flagged++;
      }
      const summary: VoiceImportSummary = {
        imported: fresh.length,
        alreadyImported: file.rows.length - fresh.length,
        noConsent: file.noConsent,
        empty: file.empty,
        flagged,
      };
      await recordAudit(trx, deps.clock, {
        actorUserId: actor.userId,
        action: 'voices_imported',
        recordType: 'engagement',
        recordId: engagement.id,
        organisationId: actor.organisationId,
        details: { engagementId: engagement.id, promptId, via, ...summary },
      });
      return summary;
    });
  } catch (error) {
    // Two imports of the same rows at once: the one that finished first holds them.
    if (isUniqueViolation(error)) {
      throw new VoiceImportError(
        'raced',
        'Another import of the same rows finished first: run the command again to import what is left.',
      );
    }
    throw error;
  }
}
