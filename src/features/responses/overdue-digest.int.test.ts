import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO, type TestApp, startTestApp } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';
import { LISTENING, startListening } from '../../../test/listening-engagement.ts';
import type { Deps } from '../../platform/deps.ts';
import { translator } from '../../platform/i18n/i18n.ts';
import { sendDueMessages } from '../../platform/mail/mail-sender.ts';
import { startTestNotifyServer } from '../../platform/mail/notify-test-server.ts';
import { createNotifyTransport } from '../../platform/mail/notify-transport.ts';
import { insertCommitment } from '../engagements/index.ts';
import { DIGEST_KIND, queueOverdueDigests } from './overdue-digest.ts';
import { startOverdueDigestWorker } from './overdue-digest.worker.ts';
import {
  insertAction,
  insertActionUpdate,
  insertRecommendation,
  saveResponse,
  sendDrafts,
} from './responses.repository.ts';

const t = translator('en');

const WORDS = {
  asked: 'Ring people back within two working days when they ask for help.',
  unanswered: 'Open the day centre on Saturdays.',
  reasons: 'We will set up a call-back promise and check it every month.',
  action: 'Publish the call-back promise on the council website',
} as const;

const HOURS = 60;

describe.each(testDatabases)(
  'the daily digest of overdue answers and actions on $label',
  (database) => {
    const skip = database.skipReason !== undefined;
    let heard: TestApp;
    let engagementId: string;
    let actionId: string;
    const users: Record<string, string> = {};
    const deps = (): Deps => ({ config: heard.config, db: heard.db, clock: heard.clock, t });
    const digests = () =>
      heard.db
        .selectFrom('messages')
        .selectAll()
        .where('kind', '=', DIGEST_KIND)
        .orderBy('dedupe_key')
        .execute();
    const digestsOn = async (day: string) =>
      (await digests()).filter((m) => m.dedupe_key.endsWith(`:${day}`));
    const userId = async (email: string) =>
      (
        await heard.db
          .selectFrom('users')
          .select('id')
          .where('email', '=', email)
          .executeTakeFirstOrThrow()
      ).id;

    beforeAll(async () => {
      if (skip) return;
      // 2026-11-26T09:00Z: Thursday morning, UK time is UTC in winter.
      heard = await startTestApp(database);
      for (const who of ['lead', 'decisionMaker', 'officer'] as const)
        users[who] = await userId(DEMO[who]);
      const at = heard.clock().toISOString();
      ({ id: engagementId } = await startListening(heard.db, at));
      const lead = users.lead ?? '';
      const answered = await insertRecommendation(
        heard.db,
        { engagementId, askedPlain: WORDS.asked, askedEasyRead: WORDS.asked, writtenById: lead },
        at,
      );
      await insertRecommendation(
        heard.db,
        {
          engagementId,
          askedPlain: WORDS.unanswered,
          askedEasyRead: WORDS.unanswered,
          writtenById: lead,
        },
        at,
      );
      await sendDrafts(heard.db, engagementId, lead, at);
      const { id: responseId } = await saveResponse(
        heard.db,
        answered,
        {
          decision: 'adopt',
          reasonsPlain: WORDS.reasons,
          reasonsEasyRead: WORDS.reasons,
          publish: true,
          byId: users.decisionMaker ?? '',
        },
        at,
      );
      actionId = await insertAction(
        heard.db,
        {
          responseId,
          what: WORDS.action,
          ownerId: users.officer ?? '',
          dueOn: '2026-11-27',
          byId: users.decisionMaker ?? '',
        },
        at,
      );
    });
    afterAll(async () => {
      if (!skip) await heard.close();
    });

    it.skipIf(skip)('queues nothing while nothing is overdue', async () => {
      expect(await queueOverdueDigests(deps())).toBe(0);
      expect(await digests()).toEqual([]);
    });

    it.skipIf(skip)(
      'tells the owner and the advocacy lead once a day of an overdue action',
      async () => {
        // Saturday 2026-11-28, 08:00: the action was due on Friday.
        heard.advanceMinutes(47 * HOURS);
        expect(await queueOverdueDigests(deps())).toBe(2);
        heard.advanceMinutes(5 * HOURS);
        expect(await queueOverdueDigests(deps())).toBe(0);

        const sent = await digestsOn('2026-11-28');
        expect(sent.map((m) => m.recipient_address).sort()).toEqual(
          [DEMO.lead, DEMO.officer].sort(),
        );
        for (const message of sent) {
          expect(message.body).toContain(`Answers overdue: 0. Actions overdue: 1.`);
          expect(message.body).toContain(`/engagements/${engagementId}/responses`);
          for (const words of Object.values(WORDS)) expect(message.body).not.toContain(words);
        }
        expect(sent.every((m) => m.dedupe_key.startsWith(`${DIGEST_KIND}:`))).toBe(true);
      },
    );

    it.skipIf(skip)(
      'tells them again the next day, and the decision maker once the respond-by day has passed',
      async () => {
        await insertCommitment(
          heard.db,
          engagementId,
          2,
          {
            statement: LISTENING.statement,
            respondBy: '2026-11-28',
            signerName: LISTENING.signerName,
            signerRole: LISTENING.signerRole,
          },
          users.decisionMaker ?? '',
          heard.clock().toISOString(),
        );
        // Sunday 2026-11-29, 08:00.
        heard.advanceMinutes(19 * HOURS);
        expect(await queueOverdueDigests(deps())).toBe(3);
        const byAddress = new Map(
          (await digestsOn('2026-11-29')).map((m) => [m.recipient_address, m.body]),
        );
        expect(byAddress.get(DEMO.decisionMaker)).toContain(
          'Answers overdue: 1. Actions overdue: 0.',
        );
        expect(byAddress.get(DEMO.officer)).toContain('Answers overdue: 0. Actions overdue: 1.');
        expect(byAddress.get(DEMO.lead)).toContain('Answers overdue: 1. Actions overdue: 1.');
        expect(await digestsOn('2026-11-28')).toHaveLength(2);
      },
    );

    it.skipIf(skip)(
      'leaves out an action once it is done, and skips a disabled account',
      async () => {
        await insertActionUpdate(
          heard.db,
          actionId,
          { status: 'done', note: 'Published.', evidenceLink: null, byId: users.officer ?? '' },
          heard.clock().toISOString(),
        );
        await heard.db
          .updateTable('users')
          .set({ disabled_at: heard.clock().toISOString() })
          .where('id', '=', users.decisionMaker ?? '')
          .execute();
        try {
          heard.advanceMinutes(24 * HOURS);
          expect(await queueOverdueDigests(deps())).toBe(1);
          const [lead, ...others] = await digestsOn('2026-11-30');
          expect(others).toEqual([]);
          expect(lead?.recipient_address).toBe(DEMO.lead);
          expect(lead?.body).toContain('Answers overdue: 1. Actions overdue: 0.');
        } finally {
          await heard.db
            .updateTable('users')
            .set({ disabled_at: null })
            .where('id', '=', users.decisionMaker ?? '')
            .execute();
        }
      },
    );

    it.skipIf(skip)('goes out through GOV.UK Notify when it is the transport', async () => {
      const notify = await startTestNotifyServer();
      notify.now = heard.clock;
      try {
        const transport = createNotifyTransport(
          {
            apiKey: notify.apiKey,
            emailTemplateId: '5f2e3c4a-1b2c-4d5e-8f90-123456789abc',
            baseUrl: notify.url,
          },
          { now: heard.clock },
        );
        const report = await sendDueMessages({
          db: heard.db,
          transport,
          from: 'Heard <no-reply@heard.example>',
          clock: heard.clock,
        });
        expect(report.sent).toBe((await digests()).length);
        expect(notify.refusedTokens).toEqual([]);
        const to = notify.received.map((r) => r.body.email_address);
        expect(to.filter((address) => address === DEMO.lead)).toHaveLength(3);
        expect(JSON.stringify(notify.received)).not.toContain(WORDS.action);
      } finally {
        await notify.close();
      }
    });

    it.skipIf(skip)('is queued by the worker, but not in the night', async () => {
      const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
      // Tuesday 2026-12-01, 05:00 UK: too early.
      heard.advanceMinutes(21 * HOURS);
      const early = startOverdueDigestWorker(deps(), logger, { everyMs: 20 });
      await new Promise((resolve) => setTimeout(resolve, 150));
      await early.stop();
      expect(await digestsOn('2026-12-01')).toEqual([]);

      heard.advanceMinutes(3 * HOURS);
      const worker = startOverdueDigestWorker(deps(), logger, { everyMs: 20 });
      try {
        await vi.waitFor(async () => expect(await digestsOn('2026-12-01')).toHaveLength(2));
      } finally {
        await worker.stop();
      }
      expect(logger.error).not.toHaveBeenCalled();
    });
  },
);
