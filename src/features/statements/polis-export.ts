import type { Db } from '../../platform/db/database.ts';
import { latestSnapshot } from '../opinion/opinion.repository.ts';

export type PolisFile = 'comments.csv' | 'votes.csv' | 'participants-votes.csv';

/** An engagement's statements and votes as the three files of a Polis open-data export. */
export type PolisFiles = Readonly<Record<PolisFile, string>>;

const MODERATED: Readonly<Record<string, string>> = { approved: '1', pending: '0', rejected: '-1' };
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const isInteger = (id: string): boolean => /^(0|[1-9]\d*)$/.test(id);

/** Polis's ids are numbers: numbers in numeric order, any others after them as text. */
const byId = (a: string, b: string): number =>
  isInteger(a) && isInteger(b)
    ? Number(a) - Number(b)
    : isInteger(a) !== isInteger(b)
      ? isInteger(a)
        ? -1
        : 1
      : a < b
        ? -1
        : a > b
          ? 1
          : 0;

/**
 * The id each row is exported under: its Polis id where it was imported, else a number after
 * the largest imported one, in the order the rows were made. Rows are never deleted and new
 * ones are made later, so a row keeps its number from one export to the next; internal ids,
 * which other tables share, never leave Heard.
 */
function exportIds(
  rows: readonly { id: string; external_id: string | null }[],
): Map<string, string> {
  let next = 0;
  for (const row of rows)
    if (row.external_id !== null && isInteger(row.external_id))
      next = Math.max(next, Number(row.external_id) + 1);
  return new Map(rows.map((row) => [row.id, row.external_id ?? String(next++)]));
}

function field(value: string | number): string {
  const text = String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const csv = (rows: readonly (readonly (string | number)[])[]): string =>
  rows.map((row) => row.map(field).join(',')).join('\n') + '\n';

const pad = (n: number): string => String(n).padStart(2, '0');

/** The `datetime` column as Polis writes it (`Wed Jul 27 22:09:49 WIB 2022`), in UTC. */
function datetime(iso: string): string {
  const d = new Date(iso);
  return `${DAYS[d.getUTCDay()] ?? ''} ${MONTHS[d.getUTCMonth()] ?? ''} ${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

/**
 * Writes an engagement's statements and its participants' latest votes (people who withdrew
 * left out) as Polis's comments.csv, votes.csv and participants-votes.csv, with each person's
 * group from the newest opinion snapshot. People appear only by their export id: no names,
 * contact details, reference codes, perspectives or Polis xids.
 *
 * For the advocacy organisation, not council roles: each vote row is pseudonymous, but a
 * person's whole row of votes can single them out in a small engagement, and the file holds
 * the words of pending and rejected participants' statements, which may say who wrote them
 * (see maySeeParticipantsWords). Council roles see the aggregates on the report page.
 */
export async function exportPolis(db: Db, engagementId: string): Promise<PolisFiles> {
  const statements = await db
    .selectFrom('statements')
    .select([
      'id',
      'external_id',
      'text',
      'state',
      'is_meta',
      'author_participant_id',
      'created_at',
    ])
    .where('engagement_id', '=', engagementId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const participants = await db
    .selectFrom('participants')
    .select(['id', 'external_id', 'withdrawn_at'])
    .where('engagement_id', '=', engagementId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  // Written as subqueries, not joins: right after a large import PostgreSQL may not have
  // counted the new rows yet, and joins then get planned as if each table held one.
  const votes = await db
    .selectFrom('statement_votes')
    .select(['participant_id', 'statement_id', 'value', 'voted_at'])
    .where('statement_id', 'in', (eb) =>
      eb.selectFrom('statements').select('id').where('engagement_id', '=', engagementId),
    )
    .where('participant_id', 'not in', (eb) =>
      eb
        .selectFrom('participants')
        .select('id')
        .where('engagement_id', '=', engagementId)
        .where('withdrawn_at', 'is not', null),
    )
    .orderBy('voted_at')
    .orderBy('participant_id')
    .orderBy('statement_id')
    .execute();
  const snapshot = await latestSnapshot(db, engagementId);

  const statementId = exportIds(statements);
  const participantId = exportIds(participants);
  const present = new Set(participants.filter((p) => p.withdrawn_at === null).map((p) => p.id));
  const of = (ids: Map<string, string>, id: string): string => ids.get(id) ?? '';

  const tally = new Map<string, { agree: number; disagree: number }>();
  const byPerson = new Map<string, Map<string, number>>();
  for (const vote of votes) {
    const counts = tally.get(vote.statement_id) ?? { agree: 0, disagree: 0 };
    if (vote.value === 1) counts.agree += 1;
    if (vote.value === -1) counts.disagree += 1;
    tally.set(vote.statement_id, counts);
    const mine = byPerson.get(vote.participant_id) ?? new Map<string, number>();
    mine.set(vote.statement_id, vote.value);
    byPerson.set(vote.participant_id, mine);
  }
  const written = new Map<string, number>();
  const authorOf = (id: string | null): string | undefined =>
    id !== null && present.has(id) ? id : undefined;
  for (const statement of statements) {
    const author = authorOf(statement.author_participant_id);
    if (author !== undefined) written.set(author, (written.get(author) ?? 0) + 1);
  }

  const comments = csv([
    [
      'timestamp',
      'datetime',
      'comment-id',
      'author-id',
      'agrees',
      'disagrees',
      'moderated',
      'is-meta',
      'comment-body',
    ],
    ...statements.map((s) => {
      const author = authorOf(s.author_participant_id);
      return [
        Date.parse(s.created_at),
        datetime(s.created_at),
        of(statementId, s.id),
        author === undefined ? '' : of(participantId, author),
        tally.get(s.id)?.agree ?? 0,
        tally.get(s.id)?.disagree ?? 0,
        MODERATED[s.state] ?? '0',
        s.is_meta === 1 ? 'true' : 'false',
        s.text,
      ];
    }),
  ]);

  const voteRows = csv([
    ['timestamp', 'datetime', 'comment-id', 'voter-id', 'vote'],
    ...votes.map((v) => [
      Date.parse(v.voted_at),
      datetime(v.voted_at),
      of(statementId, v.statement_id),
      of(participantId, v.participant_id),
      v.value,
    ]),
  ]);

  const groupOf = new Map<string, number>();
  for (const group of snapshot?.result.groups ?? [])
    for (const member of group.members) groupOf.set(member, group.id);
  const columns = statements
    .map((s) => ({ id: s.id, exported: of(statementId, s.id) }))
    .sort((a, b) => byId(a.exported, b.exported));
  const people = participants
    .filter((p) => present.has(p.id) && (byPerson.has(p.id) || written.has(p.id)))
    .map((p) => ({ id: p.id, exported: of(participantId, p.id) }))
    .sort((a, b) => byId(a.exported, b.exported));
  const participantsVotes = csv([
    [
      'participant',
      'xid',
      'group-id',
      'n-comments',
      'n-votes',
      'n-agree',
      'n-disagree',
      ...columns.map((c) => c.exported),
    ],
    ...people.map((person) => {
      const mine = byPerson.get(person.id) ?? new Map<string, number>();
      const values = [...mine.values()];
      return [
        person.exported,
        '',
        groupOf.get(person.id) ?? '',
        written.get(person.id) ?? 0,
        values.length,
        values.filter((v) => v === 1).length,
        values.filter((v) => v === -1).length,
        ...columns.map((c) => mine.get(c.id) ?? ''),
      ];
    }),
  ]);

  return {
    'comments.csv': comments,
    'votes.csv': voteRows,
    'participants-votes.csv': participantsVotes,
  };
}
