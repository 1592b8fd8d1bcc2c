import { readFileSync, readdirSync } from 'node:fs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addOutsideLead } from '../../../test/advocacy-fixtures.ts';
import {
  Browser,
  type Upload,
  DEMO,
  type TestApp,
  startTestApp,
  visibleText,
} from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';
import { EQUALITY_QUESTION_KEYS } from '../../analysis/reach/census-categories.ts';
import { catalogues, lookup } from '../../platform/i18n/i18n.ts';
import { hashPassword } from '../accounts/index.ts';
import { insertOrganisation, insertUser } from '../organisations/index.ts';
import { populationOf } from './index.ts';

/** Three areas in Nomis's TS021 layout, with invented numbers (test/fixtures/census/README.md). */
const TS021 = readFileSync(
  new URL('../../../test/fixtures/census/census2021-ts021-ltla.csv', import.meta.url),
);
const FILE_NAME = 'census2021-ts021-ltla.csv';

/** What the person reads, with the quotes the page escapes put back. */
const readable = (html: string): string =>
  visibleText(html)
    .replace(/&quot;/g, '"')
    .replace(/&#34;/g, '"');

describe('the words of the population page', () => {
  const here = import.meta.dirname;
  const sources = [
    ...readdirSync(here)
      .filter((file) => file.startsWith('population.') && !file.endsWith('.test.ts'))
      .map((file) => readFileSync(`${here}/${file}`, 'utf8')),
    readFileSync(`${here}/views/population.njk`, 'utf8'),
  ];

  it('are all in the English catalogue', () => {
    const keys = sources.flatMap((text) =>
      [...text.matchAll(/["'`](reachPopulation\.[\w.]+)["'`]/g)].map((match) => match[1] ?? ''),
    );
    expect(keys.length).toBeGreaterThan(10);
    expect(keys.filter((key) => lookup(catalogues.en, key) === undefined)).toEqual([]);
  });

  it.each(EQUALITY_QUESTION_KEYS)('name the question %s', (key) => {
    expect(lookup(catalogues.en, `reachPopulation.questions.${key}`)).toBeDefined();
  });
});

describe.each(testDatabases)('a council’s population on $label', (database) => {
  const skip = database.skipReason !== undefined;
  let heard: TestApp;
  let councilId: string;
  let otherCouncilId: string;
  let otherOfficer: string;
  let outsideLead: string;

  beforeAll(async () => {
    if (skip) return;
    heard = await startTestApp(database);
    const council = await heard.db
      .selectFrom('organisations')
      .select('id')
      .where('type', '=', 'council')
      .executeTakeFirstOrThrow();
    councilId = council.id;
    const at = heard.clock().toISOString();
    const other = await insertOrganisation(
      heard.db,
      { name: 'Southvale Council', type: 'council' },
      at,
    );
    otherCouncilId = other.id;
    otherOfficer = 'officer@southvale.example';
    await insertUser(
      heard.db,
      {
        organisationId: other.id,
        name: 'Sam Okafor',
        email: otherOfficer,
        passwordHash: await hashPassword(DEMO.password),
        roles: ['officer', 'decision_maker'],
        platformAdmin: false,
      },
      at,
    );
    outsideLead = await addOutsideLead(heard.db);
  });
  afterAll(async () => {
    if (!skip) await heard.close();
  });

  const pageOf = (id: string) => `/organisations/${id}/population`;

  const signedIn = async (email: string): Promise<Browser> => {
    const browser = new Browser(heard.app);
    expect((await browser.signIn(email, DEMO.password)).statusCode).toBe(303);
    return browser;
  };

  /** Sends the form as a browser does: multipart, with the CSRF token of a page the person sees. */
  const sendFile = (
    browser: Browser,
    fields: Record<string, string>,
    file: Upload | null = { name: FILE_NAME, bytes: TS021 },
    organisationId = councilId,
  ): Promise<LightMyRequestResponse> =>
    browser.upload('/home', pageOf(organisationId), fields, file === null ? {} : { file });

  const rowsHeld = async (organisationId = councilId) =>
    heard.db
      .selectFrom('population_baselines')
      .select(['question', 'category', 'people', 'area_code'])
      .where('organisation_id', '=', organisationId)
      .orderBy('category')
      .execute();

  const audited = () =>
    heard.db
      .selectFrom('audit_events')
      .select(['actor_user_id', 'record_type', 'record_id', 'organisation_id', 'details'])
      .where('action', '=', 'population_imported')
      .orderBy('occurred_at')
      .orderBy('id')
      .execute();

  it.skipIf(skip)(
    'an officer adds one area from a Nomis file, and a second file replaces it',
    async () => {
      const officer = await signedIn(DEMO.officer);
      const empty = await officer.get(pageOf(councilId));
      expect(empty.statusCode).toBe(200);
      const before = visibleText(empty.body);
      expect(before).toContain('Who lives in the area');
      expect(before).toContain('Northshire Council');
      expect(before.match(/None yet/g)).toHaveLength(EQUALITY_QUESTION_KEYS.length);
      expect(before).toContain('Ethnic group (TS021)');
      expect(before).toContain('The file census2021-ts021-ltla.csv');
      expect(empty.body).toContain('enctype="multipart/form-data"');

      // Codes are matched whatever their case, and with spaces round them.
      const sent = await sendFile(officer, { question: 'ethnicGroup', areaCode: ' e06000023 ' });
      expect(sent.statusCode).toBe(303);
      expect(sent.headers.location).toBe(`${pageOf(councilId)}?saved=ethnicGroup`);
      const saved = visibleText((await officer.get(sent.headers.location ?? '')).body);
      expect(saved).toContain(
        'Figures added for Ethnic group (TS021): Bristol, City of (E06000023), Census 2021.',
      );
      expect(saved.match(/None yet/g)).toHaveLength(EQUALITY_QUESTION_KEYS.length - 1);

      const bristol = (await populationOf(heard.db, councilId)).get('ethnicGroup');
      expect(bristol).toEqual({
        areaCode: 'E06000023',
        areaName: 'Bristol, City of',
        censusDate: '2021',
        counts: [
          { key: 'asian', count: 300 },
          { key: 'black', count: 280 },
          { key: 'mixed', count: 260 },
          { key: 'white', count: 3660 },
          { key: 'other', count: 100 },
        ],
      });

      const director = await signedIn(DEMO.decisionMaker);
      const again = await sendFile(director, { question: 'ethnicGroup', areaCode: 'E08000035' });
      expect(again.statusCode).toBe(303);
      const population = await populationOf(heard.db, councilId);
      expect([...population.keys()]).toEqual(['ethnicGroup']);
      expect(population.get('ethnicGroup')).toMatchObject({
        areaCode: 'E08000035',
        areaName: 'Leeds',
        counts: [
          { key: 'asian', count: 720 },
          { key: 'black', count: 450 },
          { key: 'mixed', count: 320 },
          { key: 'white', count: 6400 },
          { key: 'other', count: 110 },
        ],
      });
      const rows = await rowsHeld();
      expect(rows).toHaveLength(5);
      expect(rows.every((row) => row.area_code === 'E08000035')).toBe(true);
      expect(await populationOf(heard.db, otherCouncilId)).toEqual(new Map());

      const [first, second, ...more] = await audited();
      expect(more).toEqual([]);
      const officerId = await heard.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', DEMO.officer)
        .executeTakeFirstOrThrow();
      expect(first).toMatchObject({
        actor_user_id: officerId.id,
        record_type: 'population_baseline',
        record_id: councilId,
        organisation_id: councilId,
      });
      expect(JSON.parse(first?.details ?? '')).toEqual({
        question: 'ethnicGroup',
        areaCode: 'E06000023',
      });
      expect(JSON.parse(second?.details ?? '')).toEqual({
        question: 'ethnicGroup',
        areaCode: 'E08000035',
      });
    },
  );

  const missingWhite = Buffer.from(
    TS021.toString('utf8').replace('Ethnic group: White,', 'Ethnic group: Whites,'),
  );

  interface BadInput {
    problem: string;
    fields: Record<string, string>;
    file: { name: string; bytes: Buffer } | null;
    /** True when the file was fine, so only has to be chosen again. */
    again?: true;
    says: string;
  }

  it.skipIf(skip).each<BadInput>([
    {
      problem: 'no file',
      fields: { question: 'ethnicGroup', areaCode: 'E06000001' },
      file: null,
      says: 'Choose the Nomis file',
    },
    {
      problem: 'a file that is not CSV',
      fields: { question: 'ethnicGroup', areaCode: 'E06000001' },
      file: { name: 'census2021-ts021-ltla.xlsx', bytes: TS021 },
      says: 'The file must be a CSV file, such as census2021-ts021-ltla.csv',
    },
    {
      problem: 'a file that is not UTF-8',
      fields: { question: 'ethnicGroup', areaCode: 'E06000001' },
      file: { name: FILE_NAME, bytes: Buffer.from([0x64, 0x61, 0x74, 0x65, 0xff, 0x0a]) },
      says: `Nothing was saved. ${FILE_NAME}, line 1: the file is not UTF-8 text.`,
    },
    {
      problem: 'a missing category column',
      fields: { question: 'ethnicGroup', areaCode: 'E06000001' },
      file: { name: FILE_NAME, bytes: missingWhite },
      says: `Nothing was saved. ${FILE_NAME}, line 1: the file has no column for "White" (TS021).`,
    },
    {
      problem: 'the file of another question',
      fields: { question: 'sex', areaCode: 'E06000001' },
      file: { name: FILE_NAME, bytes: TS021 },
      says: `Nothing was saved. ${FILE_NAME}, line 1: the file has no column for "Female" (TS008). Check that you chose the question the file is for`,
    },
    {
      problem: 'an area code not in the file',
      fields: { question: 'ethnicGroup', areaCode: 'E09000001' },
      file: { name: FILE_NAME, bytes: TS021 },
      again: true,
      says: 'Nothing was saved. The file has no area with the code E09000001.',
    },
    {
      problem: 'an area name for its code',
      fields: { question: 'ethnicGroup', areaCode: 'Hartlepool' },
      file: { name: FILE_NAME, bytes: TS021 },
      again: true,
      says: "Enter the area's code as a letter then 8 numbers, for example E06000023",
    },
    {
      problem: 'no area code',
      fields: { question: 'ethnicGroup', areaCode: '' },
      file: { name: FILE_NAME, bytes: TS021 },
      again: true,
      says: "Enter the area's code, for example E06000023",
    },
    {
      problem: 'no question chosen',
      fields: { areaCode: 'E06000001' },
      file: { name: FILE_NAME, bytes: TS021 },
      again: true,
      says: 'Choose which question the file is for',
    },
  ])('refuses $problem with what to fix, keeping what was typed', async (bad) => {
    const officer = await signedIn(DEMO.officer);
    const before = await rowsHeld();
    const auditsBefore = (await audited()).length;
    const sent = await sendFile(officer, bad.fields, bad.file);
    expect(sent.statusCode).toBe(400);
    const text = readable(sent.body);
    expect(text).toContain('There is a problem');
    expect(text).toContain(bad.says);
    if (bad.fields.question !== undefined) {
      expect(sent.body).toMatch(new RegExp(`value="${bad.fields.question}" checked`));
    } else {
      expect(sent.body).not.toMatch(/name="question" type="radio" value="\w+" checked/);
    }
    if (bad.fields.areaCode !== '') expect(sent.body).toContain(`value="${bad.fields.areaCode}"`);
    // A file that was fine has to be chosen again; a file at fault says so itself.
    if (bad.again === true) expect(text).toContain('Choose the Nomis file again');
    expect(await rowsHeld()).toEqual(before);
    expect(await audited()).toHaveLength(auditsBefore);
  });

  it.skipIf(skip)(
    'is for the council’s decision makers and officers, and the lead of its advocacy organisation',
    async () => {
      for (const email of [DEMO.officer, DEMO.decisionMaker, DEMO.lead]) {
        const allowed = await signedIn(email);
        expect((await allowed.get(pageOf(councilId))).statusCode, email).toBe(200);
      }
      const lead = await signedIn(DEMO.lead);
      const byLead = await sendFile(lead, { question: 'ethnicGroup', areaCode: 'E06000001' });
      expect(byLead.statusCode).toBe(303);
      expect((await populationOf(heard.db, councilId)).get('ethnicGroup')?.areaName).toBe(
        'Hartlepool',
      );
      const leadsOrganisation = await heard.db
        .selectFrom('users')
        .select('organisation_id')
        .where('email', '=', DEMO.lead)
        .executeTakeFirstOrThrow();
      expect((await audited()).at(-1)?.organisation_id).toBe(leadsOrganisation.organisation_id);
      const admin = await signedIn(DEMO.advocacyAdmin);
      const trail = visibleText(
        (await admin.get(`/organisations/${leadsOrganisation.organisation_id ?? ''}/audit`)).body,
      );
      expect(trail).toContain("Imported the population of a council's area (Census 2021)");
      expect(trail).toContain("A council's population figures");

      // Others in either organisation are refused; the platform administrator too.
      for (const email of [
        DEMO.advocate,
        DEMO.advocacyAdmin,
        DEMO.councilAdmin,
        DEMO.platformAdmin,
      ]) {
        const refused = await signedIn(email);
        expect((await refused.get(pageOf(councilId))).statusCode, email).toBe(403);
      }
      const advocate = await signedIn(DEMO.advocate);
      const byAdvocate = await sendFile(advocate, { question: 'sex', areaCode: 'E06000001' });
      expect(byAdvocate.statusCode).toBe(403);

      // To another council's staff, and an advocacy organisation with no engagement for the
      // council, the page does not exist; nor does another council's page to this council.
      for (const email of [otherOfficer, outsideLead]) {
        const stranger = await signedIn(email);
        expect((await stranger.get(pageOf(councilId))).statusCode, email).toBe(404);
      }
      const stranger = await signedIn(otherOfficer);
      const byStranger = await sendFile(stranger, {
        question: 'ethnicGroup',
        areaCode: 'E06000023',
      });
      expect(byStranger.statusCode).toBe(404);
      expect((await stranger.get(pageOf(otherCouncilId))).statusCode).toBe(200);
      const officer = await signedIn(DEMO.officer);
      expect((await officer.get(pageOf(otherCouncilId))).statusCode).toBe(404);
      expect((await officer.get(pageOf('no-such-organisation'))).statusCode).toBe(404);
      const advocacyId = leadsOrganisation.organisation_id ?? '';
      expect((await lead.get(pageOf(advocacyId))).statusCode).toBe(404);

      expect((await populationOf(heard.db, councilId)).get('ethnicGroup')?.areaName).toBe(
        'Hartlepool',
      );
      expect((await populationOf(heard.db, councilId)).has('sex')).toBe(false);
    },
  );

  it.skipIf(skip)('asks anyone not signed in to sign in', async () => {
    const response = await heard.app.inject({ method: 'GET', url: pageOf(councilId) });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(
      `/sign-in?next=${encodeURIComponent(pageOf(councilId))}`,
    );
  });
});
