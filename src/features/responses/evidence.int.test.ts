import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addOutsideLead } from '../../../test/advocacy-fixtures.ts';
import {
  ANSWERED,
  type AnsweredRecommendation,
  answeredRecommendation,
} from '../../../test/answered-recommendation.ts';
import {
  Browser,
  DEMO,
  type TestApp,
  type Upload,
  startTestApp,
  visibleText,
} from '../../../test/app.ts';
import { signedInBrowsers } from '../../../test/browsers.ts';
import { testDatabases } from '../../../test/databases.ts';
import { translator } from '../../platform/i18n/i18n.ts';
import { MAX_UPLOAD_BYTES } from '../../platform/http/uploads.ts';

const t = translator('en');

const NOTE = 'The call-back promise is on the website.';
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n', 'latin1');
const CSV = Buffer.from('month,calls returned within two days\nJanuary,42\n');

describe.each(testDatabases)('files as evidence of progress on $label', (database) => {
  let heard: TestApp;
  let answered: AnsweredRecommendation;
  const skip = database.skipReason !== undefined;
  const { browsers, as } = signedInBrowsers();
  const itemUrl = () =>
    `/engagements/${answered.engagement.id}/responses/${answered.recommendationId}`;
  const updateUrl = () => `${itemUrl()}/actions/${answered.actionId}/update`;
  const files = () => heard.db.selectFrom('action_evidence_files').selectAll().execute();
  const updates = () => heard.db.selectFrom('action_updates').selectAll().execute();

  /** Sends the progress form as a browser sends a form with a file: multipart, with its token. */
  const sendUpdate = (
    who: string,
    fields: Record<string, string>,
    file?: Upload,
    withToken = true,
  ) =>
    as(who).upload(
      updateUrl(),
      updateUrl(),
      fields,
      file === undefined
        ? {}
        : { evidenceFile: { ...file, type: file.type ?? 'application/octet-stream' } },
      withToken,
    );

  beforeAll(async () => {
    if (skip) return;
    heard = await startTestApp(database);
    answered = await answeredRecommendation(heard.db);
    const outside = await addOutsideLead(heard.db);
    for (const [who, email] of [
      ['lead', DEMO.lead],
      ['officer', DEMO.officer],
      ['outside', outside],
    ] as const) {
      const browser = new Browser(heard.app);
      expect((await browser.signIn(email, DEMO.password)).statusCode).toBe(303);
      browsers[who] = browser;
    }
    browsers.public = new Browser(heard.app);
  });
  afterAll(async () => {
    if (!skip) await heard.close();
  });

  it.skipIf(skip)(
    'offers a file beside the note and link, in a form that needs no script',
    async () => {
      const page = await as('officer').get(updateUrl());
      expect(page.body).toMatch(
        /<form method="post" action="[^"]+" novalidate enctype="multipart\/form-data">/,
      );
      expect(page.body).toContain('type="file"');
      expect(page.body).toContain('name="evidenceFile"');
      expect(visibleText(page.body)).toContain(t('responses.action.evidencePublicHint'));
    },
  );

  it.skipIf(skip)('refuses a form sent without its token, saving nothing', async () => {
    const forged = await sendUpdate(
      'officer',
      { status: 'done', note: NOTE },
      { name: 'report.pdf', bytes: PDF },
      false,
    );
    expect(forged.statusCode).toBe(403);
    expect(await updates()).toHaveLength(0);
    expect(await files()).toHaveLength(0);
  });

  it.skipIf(skip)(
    'refuses a file too big, of the wrong kind or empty, keeping what was typed and saving nothing',
    async () => {
      const big = Buffer.concat([PDF, Buffer.alloc(MAX_UPLOAD_BYTES)]);
      const cases: [{ name: string; bytes: Buffer; type?: string }, string][] = [
        [
          { name: 'report.pdf', bytes: big, type: 'application/pdf' },
          'responses.errors.file.tooLarge',
        ],
        [
          {
            name: 'report.pdf',
            bytes: Buffer.from('<html>not a pdf</html>'),
            type: 'application/pdf',
          },
          'responses.errors.file.wrongType',
        ],
        [
          { name: 'setup.exe', bytes: Buffer.from('MZ\x90\x00') },
          'responses.errors.file.wrongType',
        ],
        [{ name: 'report.pdf', bytes: Buffer.alloc(0) }, 'responses.errors.file.empty'],
      ];
      for (const [file, message] of cases) {
        const refused = await sendUpdate(
          'officer',
          { status: 'in_progress', note: NOTE, evidenceLink: 'https://northshire.example/promise' },
          file,
        );
        expect(refused.statusCode, message).toBe(400);
        const text = visibleText(refused.body);
        expect(text, message).toContain(t(message));
        expect(refused.body, message).toContain('href="#evidenceFile"');
        expect(refused.body).toContain(NOTE);
        expect(refused.body).toContain('value="https://northshire.example/promise"');
        expect(refused.body).toMatch(/value="in_progress" checked/);
      }
      expect(await updates()).toHaveLength(0);
      expect(await files()).toHaveLength(0);
    },
  );

  it.skipIf(skip)(
    'keeps the file with its name, type, size and hash, and serves it only to the engagement’s staff',
    async () => {
      const saved = await sendUpdate(
        'officer',
        { status: 'in_progress', note: NOTE },
        { name: 'Call-back promise.pdf', bytes: PDF, type: 'image/png' },
      );
      expect(saved.statusCode).toBe(303);
      const [file] = await files();
      expect(file).toMatchObject({
        filename: 'Call-back promise.pdf',
        // From the bytes, not from what the browser said.
        content_type: 'application/pdf',
        sha256: createHash('sha256').update(PDF).digest('hex'),
        public: 0,
      });
      expect(file?.size).toBe(PDF.length);
      const audit = await heard.db
        .selectFrom('audit_events')
        .select('details')
        .where('action', '=', 'action_updated')
        .executeTakeFirstOrThrow();
      expect(JSON.parse(audit.details)).toMatchObject({ file: true });
      expect(audit.details).not.toContain('Call-back promise.pdf');

      const page = await as('lead').get(itemUrl());
      const href = `/engagements/${answered.engagement.id}/evidence/${file?.id ?? ''}`;
      expect(page.body).toContain(`href="${href}"`);
      expect(visibleText(page.body)).toContain('Call-back promise.pdf');

      const served = await as('lead').get(href);
      expect(served.statusCode).toBe(200);
      expect(served.headers['content-type']).toBe('application/pdf');
      expect(served.headers['content-disposition']).toBe(
        `attachment; filename="Call-back promise.pdf"; filename*=UTF-8''Call-back%20promise.pdf`,
      );
      expect(served.headers['x-content-type-options']).toBe('nosniff');
      expect(served.rawPayload.equals(PDF)).toBe(true);

      expect((await as('outside').get(href)).statusCode).toBe(404);
      expect((await as('public').get(href)).statusCode).not.toBe(200);
      // Not marked public: not on the public page's address either.
      const publicHref = `/you-said-we-did/${answered.engagement.id}/evidence/${file?.id ?? ''}`;
      expect((await as('public').get(publicHref)).statusCode).toBe(404);
    },
  );

  it.skipIf(skip)(
    'shows a file on "You said, we did" only when the form said it may be public',
    async () => {
      const saved = await sendUpdate(
        'officer',
        { status: 'done', note: 'Figures for January.', evidencePublic: 'yes' },
        { name: 'figures.csv', bytes: CSV, type: 'text/csv' },
      );
      expect(saved.statusCode).toBe(303);
      const telling = `/engagements/${answered.engagement.id}/you-said-we-did`;
      expect((await as('lead').submit(telling, `${telling}/publish`, {})).statusCode).toBe(303);

      const publicPage = await as('public').get(`/you-said-we-did/${answered.engagement.id}`);
      const rows = await files();
      const privateFile = rows.find((row) => row.public === 0);
      const publicFile = rows.find((row) => row.public === 1);
      const publicHref = `/you-said-we-did/${answered.engagement.id}/evidence/${publicFile?.id ?? ''}`;
      expect(publicPage.body).toContain(`href="${publicHref}"`);
      expect(publicPage.body).not.toContain(privateFile?.id ?? 'no private file');
      expect(visibleText(publicPage.body)).toContain(ANSWERED.action);

      const served = await as('public').get(publicHref);
      expect(served.statusCode).toBe(200);
      expect(served.headers['content-type']).toMatch(/^text\/csv/);
      expect(served.headers['content-disposition']).toMatch(/^attachment; filename="figures.csv"/);
      expect(served.headers['x-content-type-options']).toBe('nosniff');
      expect(served.body).toBe(CSV.toString());
      const other = `/you-said-we-did/${answered.engagement.id}/evidence/${privateFile?.id ?? ''}`;
      expect((await as('public').get(other)).statusCode).toBe(404);
    },
  );
});
