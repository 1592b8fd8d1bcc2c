import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Browser,
  DEMO,
  type TestApp,
  startTestApp,
  visibleText,
  type Upload,
} from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';
import { startListening } from '../../../test/listening-engagement.ts';
import { MAX_UPLOAD_BYTES } from '../../platform/http/uploads.ts';
import { insertPrompt, setPhase } from '../engagements/index.ts';
import { latestSnapshot } from '../opinion/opinion.repository.ts';
import { readPolisExport, readPolisVotes } from './polis-read.ts';

const FIXTURE = fileURLToPath(
  new URL('../../../test/fixtures/polis/london.youth.policing', import.meta.url),
);
const fixture = (file: string): Buffer => readFileSync(join(FIXTURE, file));
const EXPECTED = readPolisExport(FIXTURE);

/** The fixture file with one line (1 is the header) replaced. */
function withLine(file: string, line: number, text: string): Buffer {
  const lines = fixture(file).toString('utf8').split('\n');
  lines[line - 1] = text;
  return Buffer.from(lines.join('\n'));
}

/** What the person reads, with the quotes the page escapes put back. */
const readable = (html: string): string => visibleText(html).replace(/&quot;/g, '"');

describe.each(testDatabases)(
  'importing a Polis conversation from the staff page on $label',
  (database) => {
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

    const importUrl = (id: string) => `/engagements/${id}/statements/import`;

    /** Sends the import form as a browser does: multipart, with the page's CSRF token unless told. */
    const sendImport = (
      browser: Browser,
      engagementId: string,
      files: { comments?: Upload; votes?: Upload },
      fields: Record<string, string> = { perspective: 'community_member' },
      withToken = true,
    ): Promise<LightMyRequestResponse> =>
      browser.upload(importUrl(engagementId), importUrl(engagementId), fields, files, withToken);

    const polisFiles = (votes = 'votes.csv') => ({
      comments: { name: 'comments.csv', bytes: fixture('comments.csv') },
      votes: { name: votes, bytes: fixture(votes) },
    });

    const countIn = async (engagementId: string) => {
      const n = async (table: 'statements' | 'participants') =>
        Number(
          (
            await heard.db
              .selectFrom(table)
              .select((eb) => eb.fn.countAll<string | number>().as('n'))
              .where('engagement_id', '=', engagementId)
              .executeTakeFirstOrThrow()
          ).n,
        );
      const votes = Number(
        (
          await heard.db
            .selectFrom('statement_votes')
            .innerJoin('statements', 'statements.id', 'statement_votes.statement_id')
            .select((eb) => eb.fn.countAll<string | number>().as('n'))
            .where('statements.engagement_id', '=', engagementId)
            .executeTakeFirstOrThrow()
        ).n,
      );
      return { statements: await n('statements'), participants: await n('participants'), votes };
    };
    const nothing = { statements: 0, participants: 0, votes: 0 };

    it.skipIf(skip)(
      'imports comments.csv and votes.csv all at once, audited with who did it, and maps the votes',
      async () => {
        const { id } = await startListening(heard.db);
        const lead = await signedIn(DEMO.lead);
        const list = visibleText((await lead.get(`/engagements/${id}/statements`)).body);
        expect(list).toContain('Import a Polis conversation');
        const page = await lead.get(importUrl(id));
        expect(page.statusCode).toBe(200);
        expect(page.body).toContain('enctype="multipart/form-data"');

        const sent = await sendImport(lead, id, polisFiles(), { perspective: 'professional' });
        expect(sent.statusCode).toBe(303);
        expect(sent.headers.location).toBe(`/engagements/${id}/statements?saved=imported`);
        expect(await countIn(id)).toEqual({
          statements: EXPECTED.comments.length,
          participants: EXPECTED.participants.length,
          votes: EXPECTED.votes.length,
        });
        const perspectives = await heard.db
          .selectFrom('participants')
          .select('perspective')
          .distinct()
          .where('engagement_id', '=', id)
          .execute();
        expect(perspectives).toEqual([{ perspective: 'professional' }]);

        const leadId = (
          await heard.db
            .selectFrom('users')
            .select('id')
            .where('email', '=', DEMO.lead)
            .executeTakeFirstOrThrow()
        ).id;
        const audit = await heard.db
          .selectFrom('audit_events')
          .select(['actor_user_id', 'details'])
          .where('action', '=', 'polis_imported')
          .where('record_id', '=', id)
          .execute();
        expect(audit).toHaveLength(1);
        expect(audit[0]?.actor_user_id).toBe(leadId);
        expect(JSON.parse(audit[0]?.details ?? '{}')).toEqual({
          via: 'web',
          statements: EXPECTED.comments.length,
          participants: EXPECTED.participants.length,
          votes: EXPECTED.votes.length,
        });
        expect((await latestSnapshot(heard.db, id))?.votes).toBe(EXPECTED.votes.length);

        const after = visibleText((await lead.get(sent.headers.location ?? '')).body);
        expect(after).toContain('The Polis conversation is imported');

        // A second import into the same engagement is refused, naming why; nothing changes.
        const again = await sendImport(lead, id, polisFiles());
        expect(again.statusCode).toBe(400);
        expect(visibleText(again.body)).toContain(
          'Nothing was imported: this engagement already holds a Polis conversation',
        );
        expect((await countIn(id)).statements).toBe(EXPECTED.comments.length);
      },
    );

    it.skipIf(skip)('takes participants-votes.csv where votes.csv is not to hand', async () => {
      const { id } = await startListening(heard.db);
      const lead = await signedIn(DEMO.lead);
      const sent = await sendImport(lead, id, polisFiles('participants-votes.csv'));
      expect(sent.statusCode).toBe(303);
      const votes = readPolisVotes(
        { name: 'participants-votes.csv', bytes: fixture('participants-votes.csv') },
        EXPECTED.comments,
      );
      expect(votes.length).toBeGreaterThan(0);
      expect(await countIn(id)).toMatchObject({
        statements: EXPECTED.comments.length,
        votes: votes.length,
      });
    });

    it.skipIf(skip)('refuses a form without its CSRF token, importing nothing', async () => {
      const { id } = await startListening(heard.db);
      const lead = await signedIn(DEMO.lead);
      const forged = await sendImport(lead, id, polisFiles(), undefined, false);
      expect(forged.statusCode).toBe(403);
      expect(await countIn(id)).toEqual(nothing);
    });

    it.skipIf(skip)(
      'names the file and line of a fault in the files, keeps the choice made, imports nothing',
      async () => {
        const { id } = await startListening(heard.db);
        const lead = await signedIn(DEMO.lead);
        const badVote = await sendImport(
          lead,
          id,
          {
            ...polisFiles(),
            votes: { name: 'votes.csv', bytes: withLine('votes.csv', 9, '1658933760180,x,1,1,2') },
          },
          { perspective: 'family_carer' },
        );
        expect(badVote.statusCode).toBe(400);
        const text = readable(badVote.body);
        expect(text).toContain('There is a problem');
        expect(text).toContain(
          'Nothing was imported. votes.csv, line 9: a vote must be 1 (agree), -1 (disagree) or 0 (pass), found "2"',
        );
        expect(badVote.body).toContain('href="#votes"');
        expect(badVote.body).toMatch(/value="family_carer" checked/);
        expect(await countIn(id)).toEqual(nothing);

        const badComment = await sendImport(lead, id, {
          ...polisFiles(),
          comments: {
            name: 'comments.csv',
            bytes: withLine('comments.csv', 3, '1,x,40,1,0,0,1,'),
          },
        });
        expect(badComment.statusCode).toBe(400);
        expect(readable(badComment.body)).toContain(
          'Nothing was imported. comments.csv, line 3: "comment-body" is empty',
        );
        expect(badComment.body).toContain('href="#comments"');

        const utf16 = await sendImport(lead, id, {
          ...polisFiles(),
          comments: {
            name: 'comments.csv',
            bytes: Buffer.concat([
              Buffer.from([0xff, 0xfe]),
              Buffer.from(fixture('comments.csv').toString('utf8'), 'utf16le'),
            ]),
          },
        });
        expect(utf16.statusCode).toBe(400);
        expect(visibleText(utf16.body)).toContain(
          'comments.csv, line 1: the file looks like UTF-16',
        );
        expect(await countIn(id)).toEqual(nothing);
      },
    );

    it.skipIf(skip)(
      'asks for each missing file, and refuses one too large or not CSV',
      async () => {
        const { id } = await startListening(heard.db);
        const lead = await signedIn(DEMO.lead);
        const none = await sendImport(lead, id, {});
        expect(none.statusCode).toBe(400);
        expect(visibleText(none.body)).toContain('Choose the comments.csv file');
        expect(visibleText(none.body)).toContain(
          'Choose the votes.csv or participants-votes.csv file',
        );

        const tooLarge = await sendImport(lead, id, {
          ...polisFiles(),
          votes: { name: 'votes.csv', bytes: Buffer.alloc(MAX_UPLOAD_BYTES + 1, 'a') },
        });
        expect(tooLarge.statusCode).toBe(400);
        expect(visibleText(tooLarge.body)).toContain('The votes file must be smaller than 5 MB');

        // A workbook renamed .csv is still a workbook; a CSV with another name is refused too.
        const workbook = await sendImport(lead, id, {
          ...polisFiles(),
          comments: {
            name: 'comments.csv',
            bytes: Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), fixture('comments.csv')]),
          },
        });
        expect(workbook.statusCode).toBe(400);
        expect(visibleText(workbook.body)).toContain('The comments file must be a CSV file');
        const renamed = await sendImport(lead, id, {
          ...polisFiles(),
          comments: { name: 'comments.txt', bytes: fixture('comments.csv'), type: 'text/plain' },
        });
        expect(renamed.statusCode).toBe(400);
        expect(visibleText(renamed.body)).toContain('The comments file must be a CSV file');
        expect(await countIn(id)).toEqual(nothing);
      },
    );

    it.skipIf(skip)(
      'is for the advocacy lead only, while the engagement takes statements',
      async () => {
        const { id } = await startListening(heard.db);
        for (const email of [DEMO.advocate, DEMO.officer, DEMO.decisionMaker]) {
          const someone = await signedIn(email);
          expect((await someone.get(importUrl(id))).statusCode).toBe(403);
          expect(
            visibleText((await someone.get(`/engagements/${id}/statements`)).body),
          ).not.toContain('Import a Polis conversation');
        }
        const lead = await signedIn(DEMO.lead);
        await setPhase(heard.db, id, 'synthesis', heard.clock().toISOString());
        expect((await lead.get(importUrl(id))).statusCode).toBe(409);
        expect(await countIn(id)).toEqual(nothing);
      },
    );
  },
);

describe.each(testDatabases)('the statements question on the public page on $label', (database) => {
  const skip = database.skipReason !== undefined;
  let heard: TestApp;

  beforeAll(async () => {
    if (skip) return;
    heard = await startTestApp(database);
  });
  afterAll(async () => {
    if (!skip) await heard.close();
  });

  it.skipIf(skip)(
    'is listed beside the open questions, in the words the person reads, and leads to voting',
    async () => {
      const { id } = await startListening(heard.db);
      const person = new Browser(heard.app);
      const before = visibleText((await person.get(`/take-part/${id}`)).body);
      expect(before).toContain('What helped you most when you left hospital?');
      expect(before).not.toContain('Agree or disagree with what other people said');

      await insertPrompt(
        heard.db,
        id,
        {
          kind: 'statements',
          questionPlain: 'Do you agree with what other people said about leaving hospital?',
          questionEasyRead: 'Do you agree with other people?',
          influences: 'Which changes come first',
        },
        heard.clock().toISOString(),
      );
      const page = await person.get(`/take-part/${id}`);
      const text = visibleText(page.body);
      expect(text).toContain('What helped you most when you left hospital?');
      expect(text).toContain('Do you agree with what other people said about leaving hospital?');
      expect(text).toContain('What your answers can change: Which changes come first');
      expect(page.body).toContain(`href="/take-part/${id}/statements"`);
      // It is voted on, not answered in words: the answer form does not ask it.
      const form = visibleText((await person.get(`/take-part/${id}/answer`)).body);
      expect(form).toContain('What helped you most when you left hospital?');
      expect(form).not.toContain('Do you agree with what other people said');

      const start = visibleText((await person.get(`/take-part/${id}/statements`)).body);
      expect(start).toContain('Do you agree with what other people said about leaving hospital?');
      await person.get(`/take-part/${id}?format=easy-read`);
      const easy = visibleText((await person.get(`/take-part/${id}`)).body);
      expect(easy).toContain('Do you agree with other people?');
    },
  );
});
