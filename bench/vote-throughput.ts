// Votes through HTTP on SQLite (issue 4): starts `heard serve` as its own process on a new SQLite
// file, opens an engagement for listening with 200 approved statements, lets N anonymous voters
// start through the real pages (each with its own signed voter cookie and CSRF token), then
// drives the voting form's POST with autocannon: each connection votes as one voter at a time,
// through every statement, so every request is a distinct (voter, statement) pair. Afterwards it
// checks that every acknowledged vote (303) is in statement_votes with the value sent.
//
// Run: npx tsx bench/vote-throughput.ts [--duration 30] [--warmup 5] [--connections 40]
//        [--voters 1200] [--statements 200] [--cpu-prof DIR]
// The client (this process) and the server share the machine's cores.
import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { openDatabase } from '../src/platform/db/database.ts';
import { newId } from '../src/platform/db/ids.ts';
import { insertEngagement, setPhase } from '../src/features/engagements/index.ts';

/** The part of autocannon's API this benchmark uses (the package ships no types). */
interface RequestSpec {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}
interface Histogram {
  average: number;
  min: number;
  max: number;
  p50: number;
  p97_5: number;
  p99: number;
}
interface AutocannonResult {
  /** Responses in each second. */
  requests: Histogram;
  latency: Histogram;
  errors: number;
  timeouts: number;
  duration: number;
}
interface AutocannonOptions {
  url: string;
  connections: number;
  duration: number;
  requests: {
    method: string;
    /** Each connection has its own copy (autocannon clones the options per connection). */
    connection: { voter?: number; next: number };
    setupRequest: (
      request: RequestSpec & { connection: Connection },
      context: RequestContext,
    ) => RequestSpec;
    onResponse: (status: number, body: string, context: RequestContext) => void;
  }[];
}
/** Autocannon's per-connection context, made afresh for each request. */
interface RequestContext {
  pair?: string;
}
type Connection = AutocannonOptions['requests'][number]['connection'];
type Autocannon = (options: AutocannonOptions) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const { values: options } = parseArgs({
  options: {
    duration: { type: 'string', default: '30' },
    warmup: { type: 'string', default: '5' },
    connections: { type: 'string', default: '40' },
    voters: { type: 'string', default: '1200' },
    statements: { type: 'string', default: '200' },
    'cpu-prof': { type: 'string' },
  },
});
const DURATION = Number(options.duration);
const WARMUP = Number(options.warmup);
const CONNECTIONS = Number(options.connections);
const VOTERS = Number(options.voters);
const STATEMENTS = Number(options.statements);
const VOTES = ['agree', 'disagree', 'pass'] as const;
const VALUES = { agree: 1, disagree: -1, pass: 0 } as const;

const HEARD = fileURLToPath(new URL('../bin/heard.js', import.meta.url));
const PORT = 3931;
const BASE = `http://127.0.0.1:${PORT}`;
const folder = mkdtempSync(join(tmpdir(), 'heard-votes-'));
const file = join(folder, 'heard.sqlite');
const AT = new Date().toISOString();

/** Production settings, with the posting limit raised for the test (one address posts it all). */
function startServer(): ChildProcess {
  const profile = options['cpu-prof'];
  return spawn(
    process.execPath,
    [...(profile === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${profile}`]), HEARD, 'serve'],
    {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        SESSION_SECRET: randomBytes(32).toString('hex'),
        DATABASE_URL: `sqlite:${file}`,
        HOST: '127.0.0.1',
        PORT: String(PORT),
        LOG_LEVEL: 'warn',
        PUBLIC_POST_LIMIT: '100000000',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
}

async function waitUntilReady(): Promise<void> {
  const started = performance.now();
  for (;;) {
    try {
      if ((await fetch(`${BASE}/readyz`)).ok) return;
    } catch {
      // not listening yet
    }
    if (performance.now() - started > 60_000) throw new Error('Heard was not ready within 60 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** An engagement listening with approved statements, written straight to the served file. */
async function seedEngagement(): Promise<{ engagementId: string; statementIds: string[] }> {
  const db = openDatabase({ dialect: 'sqlite', filename: file });
  try {
    const council = newId();
    const advocacy = newId();
    await db
      .insertInto('organisations')
      .values([
        { id: council, name: 'Bench Council', type: 'council', created_at: AT },
        { id: advocacy, name: 'Bench Advocacy', type: 'advocacy', created_at: AT },
      ])
      .execute();
    const engagementId = await insertEngagement(
      db,
      {
        title: 'Vote throughput',
        commissioningOrganisationId: council,
        advocacyOrganisationId: advocacy,
        purposePlain: 'To measure votes.',
        purposeEasyRead: 'To measure votes.',
        openToInfluence: 'Nothing.',
        alreadyDecided: 'Nothing.',
        audiences: ['lived_experience', 'family_carer', 'professional'],
        areas: [],
        startsOn: null,
        endsOn: null,
        safeguardingLeadId: null,
        safeguardingDeputyId: null,
      },
      null,
      AT,
    );
    const statementIds = Array.from({ length: STATEMENTS }, () => newId());
    await db
      .insertInto('statements')
      .values(
        statementIds.map((id, index) => ({
          id,
          engagement_id: engagementId,
          text: `Statement number ${index + 1} to agree or disagree with.`,
          text_easy_read: null,
          state: 'approved',
          is_meta: 0,
          author_participant_id: null,
          author_user_id: null,
          rejection_reason: null,
          moderated_by_id: null,
          moderated_at: null,
          created_at: AT,
        })),
      )
      .execute();
    await setPhase(db, engagementId, 'listening', AT);
    return { engagementId, statementIds };
  } finally {
    await db.destroy();
  }
}

interface Voter {
  participantId: string;
  cookie: string;
  csrf: string;
}

const cookieFrom = (response: Response, name: string): string => {
  const line = response.headers.getSetCookie().find((c) => c.startsWith(`${name}=`));
  if (line === undefined) throw new Error(`No ${name} cookie (status ${response.status})`);
  return line.slice(0, line.indexOf(';'));
};

/** A person opens the voting page and chooses their perspective, as a browser would. */
async function startVoter(engagementId: string, index: number): Promise<Voter> {
  const page = `${BASE}/take-part/${engagementId}/statements`;
  const opened = await fetch(page);
  const html = await opened.text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (csrf === undefined) throw new Error(`No CSRF token on the start page (${opened.status})`);
  const csrfCookie = cookieFrom(opened, 'heard_csrf');
  const started = await fetch(`${page}/start`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie },
    body: new URLSearchParams({
      _csrf: csrf,
      perspective: ['lived_experience', 'family_carer', 'professional'][index % 3] ?? '',
    }).toString(),
  });
  if (started.status !== 303) throw new Error(`Starting to vote answered ${started.status}`);
  const voterCookie = cookieFrom(started, 'heard_voter');
  const signed = decodeURIComponent(voterCookie.slice('heard_voter='.length));
  const participantId = signed.slice(0, signed.lastIndexOf('.'));
  return { participantId, cookie: `${csrfCookie}; ${voterCookie}`, csrf };
}

async function startVoters(engagementId: string): Promise<Voter[]> {
  const voters: Voter[] = new Array<Voter>(VOTERS);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < VOTERS) {
      const index = next++;
      voters[index] = await startVoter(engagementId, index);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return voters;
}

/** CPU seconds a thread of the server has used (Linux: utime + stime in /proc, 100 ticks/s). */
const threadCpu = (pid: number, tid: number): number => {
  const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};
/** The server's main thread (which serves every request) and all its threads together. */
const serverCpu = (pid: number): { main: number; all: number } => ({
  main: threadCpu(pid, pid),
  all: readdirSync(`/proc/${pid}/task`).reduce((sum, tid) => sum + threadCpu(pid, Number(tid)), 0),
});

const pairKey = (voter: number, statement: number): string => `${voter}:${statement}`;
/** Spread over the three answers, fixed per pair, so a stored value can be checked. */
const voteFor = (voter: number, statement: number) => VOTES[(voter + statement) % 3] ?? 'pass';

const server = startServer();
const serverExited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
try {
  await waitUntilReady();
  const { engagementId, statementIds } = await seedEngagement();
  const setupStarted = performance.now();
  const voters = await startVoters(engagementId);
  console.error(
    `${VOTERS} voters started through the pages in ${((performance.now() - setupStarted) / 1000).toFixed(1)} s`,
  );

  const acknowledged = new Set<string>();
  let acknowledgements = 0;
  const statuses = new Map<number, number>();
  let nextVoter = 0;
  /** Acknowledged votes in each second of the measured run. */
  const bySecond: number[] = [];
  let measuredFrom: number | null = null;
  const path = `/take-part/${engagementId}/statements/vote`;

  const run = (duration: number): Promise<AutocannonResult> =>
    autocannon({
      url: BASE,
      connections: CONNECTIONS,
      duration,
      requests: [
        {
          method: 'POST',
          connection: { next: 0 },
          // One voter per connection, through every statement in turn, then the next voter.
          setupRequest: (request, context) => {
            const connection = request.connection;
            if (connection.voter === undefined || connection.next >= STATEMENTS) {
              // Out of voters, a voter votes again: the same value, so the pair still checks.
              connection.voter = nextVoter++ % VOTERS;
              connection.next = 0;
            }
            const voterIndex = connection.voter;
            const statement = connection.next++;
            const voter = voters[voterIndex];
            const statementId = statementIds[statement];
            if (voter === undefined || statementId === undefined) throw new Error('No such pair');
            // The response on this connection answers this request (no pipelining).
            context.pair = pairKey(voterIndex, statement);
            return {
              ...request,
              method: 'POST',
              path,
              headers: {
                cookie: voter.cookie,
                'content-type': 'application/x-www-form-urlencoded',
              },
              body: `_csrf=${encodeURIComponent(voter.csrf)}&statementId=${statementId}&vote=${voteFor(voterIndex, statement)}`,
            };
          },
          onResponse: (status, _body, context) => {
            statuses.set(status, (statuses.get(status) ?? 0) + 1);
            if (status < 200 || status >= 400 || context.pair === undefined) return;
            acknowledgements++;
            acknowledged.add(context.pair);
            if (measuredFrom !== null) {
              const second = Math.floor((performance.now() - measuredFrom) / 1000);
              bySecond[second] = (bySecond[second] ?? 0) + 1;
            }
          },
        },
      ],
    });

  const load = () =>
    loadavg()
      .map((n) => n.toFixed(2))
      .join(', ');
  const loadBefore = load();
  if (WARMUP > 0) await run(WARMUP);
  const warmupVotes = acknowledgements;
  const pid = server.pid ?? 0;
  const cpuBefore = serverCpu(pid);
  const clientBefore = process.cpuUsage();
  measuredFrom = performance.now();
  const result = await run(DURATION);
  const cpuAfter = serverCpu(pid);
  const client = process.cpuUsage(clientBefore);
  const votes = acknowledgements - warmupVotes;

  // Every acknowledged vote must be stored, with the value sent.
  const db = openDatabase({ dialect: 'sqlite', filename: file });
  const stored = await db
    .selectFrom('statement_votes')
    .innerJoin('statements', 'statements.id', 'statement_votes.statement_id')
    .select(['statement_votes.participant_id', 'statement_votes.statement_id', 'value'])
    .where('statements.engagement_id', '=', engagementId)
    .execute();
  await db.destroy();
  const voterIndex = new Map(voters.map((voter, index) => [voter.participantId, index]));
  const statementIndex = new Map(statementIds.map((id, index) => [id, index]));
  const storedValues = new Map<string, number>();
  for (const row of stored) {
    const v = voterIndex.get(row.participant_id);
    const s = statementIndex.get(row.statement_id);
    if (v !== undefined && s !== undefined) storedValues.set(pairKey(v, s), row.value);
  }
  let missing = 0;
  let wrongValue = 0;
  for (const pair of acknowledged) {
    const [v, s] = pair.split(':').map(Number) as [number, number];
    const value = storedValues.get(pair);
    if (value === undefined) missing++;
    else if (value !== VALUES[voteFor(v, s)]) wrongValue++;
  }

  const perThousand = (seconds: number) => ((seconds / votes) * 1000).toFixed(3);
  const perSecond = result.requests;
  const lines = [
    `load average (1, 5, 15 min): before ${loadBefore}; after ${load()}`,
    `connections ${CONNECTIONS}, ${DURATION} s after a ${WARMUP} s warm-up, ${STATEMENTS} statements, ${Math.min(nextVoter, VOTERS)} of ${VOTERS} voters used`,
    `votes/s: mean ${(votes / result.duration).toFixed(0)} (responses/s mean ${perSecond.average.toFixed(0)}, slowest second ${perSecond.min}, p50 second ${perSecond.p50})`,
    `votes in each second: ${Array.from({ length: DURATION }, (_, second) => bySecond[second] ?? 0).join(' ')}`,
    `latency: p50 ${result.latency.p50} ms, p97.5 ${result.latency.p97_5} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
    `responses by status: ${[...statuses].map(([status, count]) => `${status}: ${count}`).join(', ')} (warm-up included)`,
    `CPU per 1,000 votes: server main thread ${perThousand(cpuAfter.main - cpuBefore.main)} s, server all threads ${perThousand(cpuAfter.all - cpuBefore.all)} s, client ${perThousand((client.user + client.system) / 1e6)} s`,
    `errors: ${result.errors} (timeouts ${result.timeouts})`,
    `acknowledged (303) votes: ${acknowledgements}, distinct pairs ${acknowledged.size}; stored in statement_votes: ${stored.length}`,
    `acknowledged but not stored: ${missing}; stored with another value: ${wrongValue}`,
  ];
  console.log(lines.join('\n'));
  if (nextVoter > VOTERS) console.log(`voters ran out: raise --voters for distinct pairs`);
  if (missing > 0 || wrongValue > 0) process.exitCode = 1;
} finally {
  server.kill('SIGTERM');
  await serverExited;
  rmSync(folder, { recursive: true, force: true });
}
