import type { Deps } from '../../platform/deps.ts';
import type { Actor } from '../accounts/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Engagement, listPrompts } from '../engagements/index.ts';
import { listSessions, sessionLabel } from '../sessions/index.ts';
import type { Contact, DeidentifiedVoice, Voice } from './voices.core.ts';
import { toCsv } from '../../platform/csv-writing.ts';
import { voiceLabels } from './voices.labels.ts';
import { type VoiceFilters, listContactsOf, staffNames } from './voices.repository.ts';
import { voicesFor } from './voices.service.ts';

interface ExportContext {
  questions: Map<string, string>;
  sessions: Map<string, string>;
  names: Map<string, string>;
  contacts: Map<string, Contact>;
  labels: ReturnType<typeof voiceLabels>;
  yes: string;
  no: string;
}

type Column<V> = [headingKey: string, cell: (voice: V, context: ExportContext) => string];

const yesNo = (value: boolean, c: ExportContext): string => (value ? c.yes : c.no);

/** What a council role may export: the words and their context, nothing that points to a person. */
const COUNCIL_COLUMNS: Column<DeidentifiedVoice>[] = [
  ['voices.csv.voice', (v) => v.id],
  ['voices.csv.date', (v) => v.createdAt],
  ['voices.csv.question', (v, c) => c.questions.get(v.promptId) ?? ''],
  ['voices.csv.words', (v) => v.text],
  ['voices.csv.summary', (v, c) => yesNo(v.isSummary, c)],
  ['voices.csv.perspective', (v, c) => c.labels.perspectives[v.perspective] ?? v.perspective],
  ['voices.csv.channel', (v, c) => c.labels.channels[v.channel] ?? v.channel],
  ['voices.csv.consentQuote', (v, c) => yesNo(v.consentQuote, c)],
];

/**
 * Everything the advocacy organisation holds about each voice. The words of a withdrawn voice
 * are left out: the person took them back, and only the record that they did stays.
 */
const ADVOCACY_COLUMNS: Column<Voice>[] = [
  ['voices.csv.voice', (v) => v.id],
  ['voices.csv.person', (v) => v.participantId],
  ['voices.csv.date', (v) => v.createdAt],
  ['voices.csv.question', (v, c) => c.questions.get(v.promptId) ?? ''],
  ['voices.csv.words', (v) => (v.withdrawnAt === null ? v.text : '')],
  ['voices.csv.summary', (v, c) => yesNo(v.isSummary, c)],
  ['voices.csv.version', (v) => String(v.version)],
  ['voices.csv.perspective', (v, c) => c.labels.perspectives[v.perspective] ?? v.perspective],
  ['voices.csv.channel', (v, c) => c.labels.channels[v.channel] ?? v.channel],
  [
    'voices.csv.session',
    (v, c) => (v.sessionId === null ? '' : (c.sessions.get(v.sessionId) ?? '')),
  ],
  [
    'voices.csv.capturedBy',
    (v, c) => (v.capturedById === null ? '' : (c.names.get(v.capturedById) ?? '')),
  ],
  [
    'voices.csv.helpGiven',
    (v, c) => v.helpGiven.map((help) => c.labels.helpGiven[help] ?? help).join('; '),
  ],
  ['voices.csv.whoseView', (v, c) => c.labels.whoseView[v.whoseView] ?? v.whoseView],
  ['voices.csv.language', (v) => v.language],
  ['voices.csv.consentUse', (v, c) => yesNo(v.consentUse, c)],
  ['voices.csv.consentQuote', (v, c) => yesNo(v.consentQuote, c)],
  [
    'voices.csv.consentGivenBy',
    (v, c) => c.labels.consentGivenBy[v.consentGivenBy] ?? v.consentGivenBy,
  ],
  [
    'voices.csv.contactRoute',
    (v, c) => {
      const route = c.contacts.get(v.participantId)?.route;
      return route === undefined ? '' : (c.labels.contactRoutes[route] ?? route);
    },
  ],
  ['voices.csv.contactDetail', (v, c) => c.contacts.get(v.participantId)?.detail ?? ''],
  ['voices.csv.triage', (v) => v.triageState],
  ['voices.csv.withdrawn', (v) => v.withdrawnAt ?? ''],
];

function table<V>(deps: Deps, columns: Column<V>[], voices: V[], context: ExportContext): string {
  return toCsv([
    columns.map(([heading]) => deps.t(heading)),
    ...voices.map((voice) => columns.map(([, cell]) => cell(voice, context))),
  ]);
}

/**
 * The voices a staff member may see, as CSV, under the same rules as the page: all columns for
 * the advocacy organisation, de-identified columns for council roles. Each export is audited.
 */
export async function exportVoices(
  deps: Deps,
  actor: Actor,
  engagement: Engagement,
  filters: VoiceFilters,
): Promise<string> {
  const seen = await voicesFor(deps, actor, engagement, filters);
  const prompts = await listPrompts(deps.db, engagement.id);
  const context: ExportContext = {
    questions: new Map(prompts.map((prompt) => [prompt.id, prompt.questionPlain])),
    sessions: new Map(),
    names: new Map(),
    contacts: new Map(),
    labels: voiceLabels(deps.t),
    yes: deps.t('voices.csv.yes'),
    no: deps.t('voices.csv.no'),
  };
  let csv: string;
  if (seen.view === 'advocacy') {
    const [sessions, names, contacts] = await Promise.all([
      listSessions(deps.db, engagement.id),
      staffNames(
        deps.db,
        seen.voices.flatMap((voice) => voice.capturedById ?? []),
      ),
      listContactsOf(deps.db, engagement.id),
    ]);
    context.sessions = new Map(
      sessions.map((session) => [session.id, sessionLabel(deps.t, session)]),
    );
    context.names = names;
    context.contacts = contacts;
    csv = table(deps, ADVOCACY_COLUMNS, seen.voices, context);
  } else {
    csv = table(deps, COUNCIL_COLUMNS, seen.voices, context);
  }
  await recordAudit(deps.db, deps.clock, {
    actorUserId: actor.userId,
    action: 'voices_exported',
    recordType: 'engagement',
    recordId: engagement.id,
    organisationId: actor.organisationId,
    details: { view: seen.view, count: seen.voices.length },
  });
  return csv;
}
