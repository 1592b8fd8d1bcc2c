import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, type TestApp, startTestApp } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';
import { startListening } from '../../../test/listening-engagement.ts';
import type { Config, NotifyConfig } from '../../config.ts';
import type { Deps } from '../../platform/deps.ts';
import { translator } from '../../platform/i18n/i18n.ts';
import { sendDueMessages } from '../../platform/mail/mail-sender.ts';
import {
  type TestNotifyServer,
  startTestNotifyServer,
} from '../../platform/mail/notify-test-server.ts';
import { createNotifyTransport } from '../../platform/mail/notify-transport.ts';
import { loadActor } from '../accounts/accounts.repository.ts';
import { findEngagement, setPhase } from '../engagements/index.ts';
import { submitPublicVoices } from '../voices/index.ts';
import { insertRecommendation, saveResponse, sendDrafts } from './responses.repository.ts';
import { noticesFor, publishPage } from './telling-people.service.ts';

const t = translator('en');
const PHONE = '07700 900123';
const EMAIL = 'carer@example.org';
const SAID = 'The forms are far too long and nobody rings back.';

// With GOV.UK Notify's SMS template set, a person who asked to be told by text is texted
// through the outbox instead of waiting for staff.
describe.each(testDatabases)('texts through GOV.UK Notify on $label', (database) => {
  const skip = database.skipReason !== undefined;
  let heard: TestApp;
  let notify: TestNotifyServer;
  let config: Config;
  let settings: NotifyConfig;
  let engagementId: string;
  const deps = (): Deps => ({ config, db: heard.db, clock: heard.clock, t });

  beforeAll(async () => {
    if (skip) return;
    heard = await startTestApp(database);
    notify = await startTestNotifyServer();
    notify.now = heard.clock;
    settings = {
      apiKey: notify.apiKey,
      emailTemplateId: '5f2e3c4a-1b2c-4d5e-8f90-123456789abc',
      smsTemplateId: '6a7b8c9d-1b2c-4d5e-8f90-123456789abc',
      baseUrl: notify.url,
    };
    config = { ...heard.config, notify: settings };
    const at = heard.clock().toISOString();
    const listening = await startListening(heard.db, at);
    engagementId = listening.id;
    const engagement = await findEngagement(heard.db, engagementId);
    if (engagement === undefined) throw new Error('engagement not found');
    for (const contact of [
      { route: 'text' as const, detail: PHONE },
      { route: 'email' as const, detail: EMAIL },
      { route: 'post' as const, detail: '1 High Street, Northtown' },
    ])
      await submitPublicVoices(deps(), engagement, {
        perspective: 'lived_experience',
        answers: [{ promptId: listening.promptIds[0] ?? '', text: SAID }],
        consentQuote: false,
        contact,
      });
    const lead = await heard.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', DEMO.lead)
      .executeTakeFirstOrThrow();
    const recommendation = await insertRecommendation(
      heard.db,
      {
        engagementId,
        askedPlain: 'Shorter forms.',
        askedEasyRead: 'Short forms.',
        writtenById: lead.id,
      },
      at,
    );
    // Through the phases as the lead would move them: sent at synthesis, answered at response.
    await setPhase(heard.db, engagementId, 'synthesis', at);
    await sendDrafts(heard.db, engagementId, lead.id, at);
    await setPhase(heard.db, engagementId, 'response', at);
    await saveResponse(
      heard.db,
      recommendation,
      {
        decision: 'adopt',
        reasonsPlain: 'We will cut the form to one page.',
        reasonsEasyRead: 'The form will be 1 page.',
        publish: true,
        byId: lead.id,
      },
      at,
    );
  });
  afterAll(async () => {
    if (skip) return;
    await notify.close();
    await heard.close();
  });

  it.skipIf(skip)('queues the text, sends it through Notify and records it sent', async () => {
    const engagement = await findEngagement(heard.db, engagementId);
    const lead = await loadActor(
      heard.db,
      (
        await heard.db
          .selectFrom('users')
          .select('id')
          .where('email', '=', DEMO.lead)
          .executeTakeFirstOrThrow()
      ).id,
    );
    if (engagement === undefined || lead === undefined) throw new Error('set-up missing');
    expect(await publishPage(deps(), lead, engagement)).toBe(3);

    const before = await noticesFor(deps(), lead, engagement, 'telling');
    expect(before.map((n) => [n.route, n.state]).sort()).toEqual([
      ['email', 'queued'],
      ['post', 'waiting'],
      ['text', 'queued'],
    ]);

    const report = await sendDueMessages({
      db: heard.db,
      transport: createNotifyTransport(settings, { now: heard.clock }),
      from: 'Heard <no-reply@heard.example>',
      clock: heard.clock,
    });
    expect(report).toMatchObject({ sent: 2, retrying: 0, givenUp: 0 });
    const text = notify.received.find((r) => r.path === '/v2/notifications/sms');
    expect(text?.body.phone_number).toBe(PHONE);
    expect(JSON.stringify(text?.body.personalisation)).toMatch(/\/stop-messages\//);
    expect(JSON.stringify(notify.received)).not.toContain(SAID);
    expect(
      notify.received.find((r) => r.path === '/v2/notifications/email')?.body.email_address,
    ).toBe(EMAIL);

    const after = await noticesFor(deps(), lead, engagement, 'telling');
    expect(after.map((n) => [n.route, n.state]).sort()).toEqual([
      ['email', 'sent'],
      ['post', 'waiting'],
      ['text', 'sent'],
    ]);
  });
});
