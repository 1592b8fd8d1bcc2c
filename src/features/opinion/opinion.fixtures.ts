import type { Db } from '../../platform/db/database.ts';
import { newId } from '../../platform/db/ids.ts';

// Votes for tests, written straight into the statements feature's tables: two camps who see
// eight statements the opposite way, each person passing on one statement so no two people
// sit on exactly the same spot.

export const CAMP_STATEMENTS = [
  'Discharge should wait until support at home is in place.',
  'Family carers should be asked before discharge is planned.',
  'A named person should ring the day after someone gets home.',
  'Transport home should be arranged by the ward.',
  'Beds are needed more than extra checks before discharge.',
  'Carers already get enough information.',
  'Discharge on a Friday afternoon is fine.',
  'Paper discharge letters are good enough.',
] as const;

export interface CampPeople {
  /** How many people in each camp answer from each perspective. */
  readonly agreeFirstHalf: Readonly<Record<string, number>>;
  readonly agreeSecondHalf: Readonly<Record<string, number>>;
}

export interface SeededVotes {
  statementIds: string[];
  /** Participant ids, camp by camp. */
  firstCamp: string[];
  secondCamp: string[];
}

export async function insertStatement(
  db: Db,
  engagementId: string,
  text: string,
  at: string,
  state = 'approved',
): Promise<string> {
  const id = newId();
  await db
    .insertInto('statements')
    .values({ id, engagement_id: engagementId, text, state, is_meta: 0, created_at: at })
    .execute();
  return id;
}

export async function insertParticipant(
  db: Db,
  engagementId: string,
  perspective: string,
  at: string,
): Promise<string> {
  const id = newId();
  await db
    .insertInto('participants')
    .values({ id, engagement_id: engagementId, reference_hash: null, perspective, created_at: at })
    .execute();
  return id;
}

export async function castVote(
  db: Db,
  participantId: string,
  statementId: string,
  value: -1 | 0 | 1,
  at: string,
): Promise<void> {
  await db
    .insertInto('statement_votes')
    .values({ participant_id: participantId, statement_id: statementId, value, voted_at: at })
    .onConflict((oc) =>
      oc.columns(['participant_id', 'statement_id']).doUpdateSet({ value, voted_at: at }),
    )
    .execute();
}

/** Two camps of voters on the eight statements; votes are timed one millisecond apart. */
export async function seedCamps(
  db: Db,
  engagementId: string,
  people: CampPeople,
  at: string,
): Promise<SeededVotes> {
  const statementIds: string[] = [];
  for (const text of CAMP_STATEMENTS)
    statementIds.push(await insertStatement(db, engagementId, text, at));
  let tick = Date.parse(at);
  const camp = async (perspectives: Readonly<Record<string, number>>, sign: 1 | -1) => {
    const ids: string[] = [];
    for (const [perspective, count] of Object.entries(perspectives)) {
      for (let n = 0; n < count; n++) {
        const id = await insertParticipant(db, engagementId, perspective, at);
        const passOn = ids.length % statementIds.length;
        for (const [i, statementId] of statementIds.entries()) {
          const side = i < statementIds.length / 2 ? sign : -sign;
          const value = i === passOn ? 0 : (side as 1 | -1);
          await castVote(db, id, statementId, value, new Date(tick++).toISOString());
        }
        ids.push(id);
      }
    }
    return ids;
  };
  const firstCamp = await camp(people.agreeFirstHalf, 1);
  const secondCamp = await camp(people.agreeSecondHalf, -1);
  return { statementIds, firstCamp, secondCamp };
}
