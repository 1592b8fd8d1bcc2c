import { readFileSync } from 'node:fs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Browser,
  type Upload,
  DEMO,
  type TestApp,
  startTestApp,
  visibleText,
} from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';
import { startListening } from '../../../test/listening-engagement.ts';
import { setPhase } from '../engagements/index.ts';
import { MOST_ROWS_FROM_THE_WEB } from './voices.import.routes.ts';

const FORMS = readFileSync(
  new URL('../../../test/fixtures/voices/paper-forms.csv', import.meta.url),
);

/** The fixture with one line (1 is the header) replaced. */
function withLine(line: number, text: string): Buffer {
  const lines = FORMS.toString('utf8').split('\n');
  lines[line - 1] = text;
  return Buffer.from(lines.join('\n'));
}

/** What the person reads, with the quotes the page escapes put back. */
const readable = (html: string): string =>
  visibleText(html)
    .replace(/&quot;/g, '"')
    .replace(/&#34;/g, '"');

describe.each(testDatabases)('adding voices from a spreadsheet on $label', (database) => {
  const skip = database.skipReason !== undefined;
  let heard: TestApp;

  beforeAll(async () => {
    if (skip) return;
    heard = await startTestApp(database);
  });
  afterAll(async () => {
    if (!skip) await heard.close();
  });

  const signedIn = async (email: string): Promise<Browser> => {
    const browser = new Browser(heard.app);
    expect((await browser.signIn(email, DEMO.password)).statusCode).toBe(303);
    return browser;
  };

  const importUrl = (id: string) => `/engagements/${id}/voices/import`;

  /** The form as the fixture's columns need it, for the engagement's first question. */
  const paperForms = (promptId: string): Record<string, string> => ({
    prompt: promptId,
    textColumn: 'what_helped',
    consentUse: 'column',
    consentColumn: 'consent',
    quoteColumn: 'quote',
    idColumn: 'form',
    perspective: 'column',
    perspectiveColumn: 'perspective',
  });

  /** Sends the form as a browser does: multipart, with the page's CSRF token. */
  const sendImport = (
    browser: Browser,
    engagementId: string,
    fields: Record<string, string>,
    file: Upload | null = { name: 'paper-forms.csv', bytes: FORMS },
  ): Promise<LightMyRequestResponse> =>
    browser.upload(
      importUrl(engagementId),
      importUrl(engagementId),
      fields,
      file === null ? {} : { file },
    );

  const voicesIn = (engagementId: string) =>
    heard.db
      .selectFrom('voices')
      .select(['channel', 'consent_quote', 'triage_state'])
      .where('engagement_id', '=', engagementId)
      .execute();

  it.skipIf(skip)(
    'a lead adds the paper forms as voices, and the voices page counts what happened',
    async () => {
      const { id, promptIds } = await startListening(heard.db);
      const [promptId = ''] = promptIds;
      const lead = await signedIn(DEMO.lead);
      const list = await lead.get(`/engagements/${id}/voices`);
      expect(list.body).toContain(`href="/engagements/${id}/voices/import"`);
      expect(visibleText(list.body)).toContain('Add voices from a spreadsheet');
      const page = await lead.get(importUrl(id));
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('enctype="multipart/form-data"');

      const sent = await sendImport(lead, id, paperForms(promptId));
      expect(sent.statusCode).toBe(303);
      expect(sent.headers.location).toBe(
        `/engagements/${id}/voices?saved=imported&imported=4&alreadyImported=0&noConsent=1&empty=1&flagged=1`,
      );
      const voices = await voicesIn(id);
      expect(voices).toHaveLength(4);
      expect(voices.every((voice) => voice.channel === 'import')).toBe(true);
      expect(voices.filter((voice) => voice.consent_quote === 1)).toHaveLength(1);
      expect(voices.filter((voice) => voice.triage_state === 'safeguarding_flagged')).toHaveLength(
        1,
      );

      const banner = visibleText((await lead.get(sent.headers.location ?? '')).body);
      expect(banner).toContain('Voices added: 4');
      expect(banner).toContain('Not added because they were added before: 0');
      expect(banner).toContain(
        'Not added because the person did not agree to their words being used: 1',
      );
      expect(banner).toContain('Not added because the answer was empty: 1');
      expect(banner).toContain("Voices that may be a safeguarding concern: 1. The engagement's");

      // The same file again adds nobody twice.
      const again = await sendImport(lead, id, paperForms(promptId));
      expect(again.statusCode).toBe(303);
      expect(again.headers.location).toContain('imported=0&alreadyImported=4');
      expect(await voicesIn(id)).toHaveLength(4);
      const audited = await heard.db
        .selectFrom('audit_events')
        .select('details')
        .where('action', '=', 'voices_imported')
        .where('record_id', '=', id)
        .execute();
      expect(audited).toHaveLength(2);
      expect(audited.map((row) => JSON.parse(row.details) as unknown)).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ via: 'web', imported: 4, noConsent: 1 }),
          expect.objectContaining({ via: 'web', imported: 0, alreadyImported: 4 }),
        ]),
      );
    },
  );

  it.skipIf(skip)('names a missing column, keeps what was typed, and adds nothing', async () => {
    const { id, promptIds } = await startListening(heard.db);
    const [, promptId = ''] = promptIds;
    const lead = await signedIn(DEMO.lead);
    const sent = await sendImport(lead, id, {
      ...paperForms(promptId),
      textColumn: 'what_changed',
      consentUse: 'all',
    });
    expect(sent.statusCode).toBe(400);
    const text = readable(sent.body);
    expect(text).toContain('There is a problem');
    expect(text).toContain(
      'No voices were added. paper-forms.csv, line 1: missing column "what_changed"',
    );
    expect(sent.body).toContain('href="#file"');
    expect(sent.body).toContain('value="what_changed"');
    expect(sent.body).toMatch(new RegExp(`value="${promptId}" checked`));
    expect(sent.body).toMatch(/value="all" checked/);
    expect(sent.body).toMatch(/value="column" checked/);
    expect(sent.body).toContain('value="perspective"');
    expect(await voicesIn(id)).toEqual([]);
  });

  it.skipIf(skip)(
    'sends a file of more rows than the page adds at once to the command, adding nothing',
    async () => {
      const { id, promptIds } = await startListening(heard.db);
      const lead = await signedIn(DEMO.lead);
      const rows = Array.from(
        { length: MOST_ROWS_FROM_THE_WEB + 1 },
        (_, i) => `F${i},Answer number ${i},yes,no,community_member`,
      );
      const sent = await sendImport(lead, id, paperForms(promptIds[0] ?? ''), {
        name: 'forms.csv',
        bytes: Buffer.from(['form,what_helped,consent,quote,perspective', ...rows].join('\n')),
      });
      expect(sent.statusCode).toBe(400);
      expect(readable(sent.body)).toContain(
        'No voices were added. The file has 10,001 rows and this page adds up to 10,000 at a time',
      );
      expect(await voicesIn(id)).toEqual([]);
    },
  );

  it.skipIf(skip)(
    'names the line of a perspective Heard does not know, and adds nothing',
    async () => {
      const { id, promptIds } = await startListening(heard.db);
      const lead = await signedIn(DEMO.lead);
      const sent = await sendImport(lead, id, paperForms(promptIds[0] ?? ''), {
        name: 'forms.csv',
        bytes: withLine(7, 'F5,My neighbour helped,yes,no,martian'),
      });
      expect(sent.statusCode).toBe(400);
      expect(readable(sent.body)).toContain(
        'No voices were added. forms.csv, line 7: "martian" in column "perspective" is not a perspective',
      );
      expect(await voicesIn(id)).toEqual([]);
    },
  );

  it.skipIf(skip)(
    'asks for each answer it needs, and for the file again, never failing',
    async () => {
      const { id } = await startListening(heard.db);
      const lead = await signedIn(DEMO.lead);
      const blank = await sendImport(lead, id, { consentUse: 'column', perspective: 'column' });
      expect(blank.statusCode).toBe(400);
      const text = visibleText(blank.body);
      for (const message of [
        'Choose which question people were answering',
        "Enter the name of the column with people's words",
        'Enter the name of the column saying whether each person agreed',
        'Enter the name of the column saying who each person is',
      ])
        expect(text).toContain(message);
      expect(text).toContain('Choose the CSV file again');

      const noFile = await sendImport(lead, id, { textColumn: 'what_helped' }, null);
      expect(noFile.statusCode).toBe(400);
      expect(visibleText(noFile.body)).toMatch(/Choose the CSV file(?! again)/);
      expect(visibleText(noFile.body)).not.toContain('Choose the CSV file again');
      expect(visibleText(noFile.body)).toContain(
        'Say whether each person agreed to their words being used',
      );
      expect(visibleText(noFile.body)).toContain('Choose who filled in the forms');
      expect(await voicesIn(id)).toEqual([]);
    },
  );

  it.skipIf(skip)(
    'is for the advocacy organisation only, while the engagement is listening',
    async () => {
      const { id } = await startListening(heard.db);
      for (const email of [DEMO.officer, DEMO.decisionMaker]) {
        const someone = await signedIn(email);
        expect((await someone.get(importUrl(id))).statusCode).toBe(403);
        expect((await someone.get(`/engagements/${id}/voices`)).body).not.toContain(importUrl(id));
      }
      const advocate = await signedIn(DEMO.advocate);
      expect((await advocate.get(importUrl(id))).statusCode).toBe(200);

      await setPhase(heard.db, id, 'synthesis', heard.clock().toISOString());
      const closed = await advocate.get(importUrl(id));
      expect(closed.statusCode).toBe(409);
      expect(visibleText(closed.body)).toContain('Voices can be added only while listening');
      expect(closed.body).not.toContain(`action="${importUrl(id)}"`);
    },
  );
});
