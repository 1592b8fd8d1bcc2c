import {
  type ConcernExample,
  type ConcernModel,
  defaultConcernModel,
  modelForDecisions,
  readConcernModel,
} from '../../analysis/triage/concern-classifier.ts';
import type { Db } from '../../platform/db/database.ts';
import { newId } from '../../platform/db/ids.ts';
import type { Deps } from '../../platform/deps.ts';
import { recordAudit } from '../audit/index.ts';

// The individual-concern classifier in a deployment: the shipped starter model until advocates
// have made enough decisions, then retrained on them in the background. A model only suggests;
// a person's decision about a voice always stands over it.

const KIND = 'individual_concern';

// Parsing a stored model takes a few milliseconds; keep the newest one read.
let cached: { id: string; model: ConcernModel } | undefined;

/** The model new voices are checked with: the newest retrained one, else the shipped one. */
export async function currentConcernModel(db: Db): Promise<ConcernModel> {
  const row = await db
    .selectFrom('triage_models')
    .select(['id', 'model'])
    .where('kind', '=', KIND)
    .orderBy('trained_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (row === undefined) return defaultConcernModel();
  if (cached?.id !== row.id)
    cached = { id: row.id, model: readConcernModel(JSON.parse(row.model)) };
  return cached.model;
}

/** Each voice's latest sorting decision, as an example: a personal case, or not. */
async function decidedExamples(db: Db): Promise<ConcernExample[]> {
  const rows = await db
    .selectFrom('triage_decisions')
    .innerJoin('voices', 'voices.id', 'triage_decisions.voice_id')
    .innerJoin('voice_versions', (join) =>
      join
        .onRef('voice_versions.voice_id', '=', 'voices.id')
        .on('voice_versions.version', '=', (eb) =>
          eb
            .selectFrom('voice_versions as latest')
            .select((inner) => inner.fn.max('latest.version').as('version'))
            .whereRef('latest.voice_id', '=', 'voices.id'),
        ),
    )
    .select(['triage_decisions.voice_id', 'triage_decisions.outcome', 'voice_versions.text'])
    .where('triage_decisions.kind', '=', 'sort')
    // A withdrawn voice's words are no longer ours to learn from.
    .where('voices.withdrawn_at', 'is', null)
    .orderBy('triage_decisions.decided_at')
    .orderBy('triage_decisions.id')
    .execute();
  const latest = new Map<string, ConcernExample>();
  for (const row of rows) {
    latest.set(row.voice_id, { text: row.text, concern: row.outcome === 'individual_concern' });
  }
  return [...latest.values()];
}

/**
 * Retrains on the decisions advocates have recorded, and keeps the new model if it differs
 * from the current one. Runs in the background, never in a request. Returns the new version,
 * or undefined when nothing changed.
 */
export async function retrainConcernModel(deps: Deps): Promise<string | undefined> {
  const examples = await decidedExamples(deps.db);
  const model = modelForDecisions(examples);
  const current = await currentConcernModel(deps.db);
  if (model.version === current.version) return undefined;
  const at = deps.clock().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('triage_models')
      .values({
        id: newId(),
        kind: KIND,
        version: model.version,
        decisions: examples.length,
        model: JSON.stringify(model),
        trained_at: at,
      })
      .execute();
    await recordAudit(trx, deps.clock, {
      actorUserId: null,
      action: 'concern_model_retrained',
      recordType: 'triage_model',
      recordId: model.version,
      organisationId: null,
      details: { decisions: examples.length },
    });
  });
  return model.version;
}
