import { afterAll, beforeAll, describe, it } from 'vitest';
import { DEMO } from '../test/app.ts';
import {
  type TestProviderServer,
  startTestProviderServer,
} from '../src/platform/provider/provider-test-server.ts';
import {
  browserLabel,
  expectHeading,
  expectNoAxeViolations,
  signIn,
  skipBrowserTests,
  useHeard,
} from './browser.ts';

const ENGAGEMENT = 'What should people expect when they ask us for help?';

// A staff journey: with JavaScript off only (see e2e/README.md).
const javaScriptEnabled = false;
const js = 'JavaScript off';

describe.skipIf(skipBrowserTests)(
  `Themes drafted with a helper service, ${js}, passing axe (${browserLabel})`,
  { timeout: 240_000 },
  () => {
    const heard = useHeard();
    let server: TestProviderServer;
    beforeAll(async () => {
      server = await startTestProviderServer();
    });
    afterAll(() => server.close());

    it('the page says which service helped, shows its summaries, and says when it failed', async () => {
      const started = heard();
      started.heard.config.themesProvider = {
        baseUrl: server.url,
        chatModel: 'chat-small',
        embeddingModel: 'embed-small',
        timeoutMs: 10_000,
      };
      const lead = await started.newPage({ javaScriptEnabled });
      await signIn(lead, DEMO.lead);
      await lead.getByRole('link', { name: ENGAGEMENT, exact: true }).click();
      await lead
        .getByRole('link', { name: 'Themes: what people said, in their own words' })
        .click();
      await expectHeading(lead, 'Themes');

      const draft = async (): Promise<void> => {
        await lead.getByRole('button', { name: /^Draft themes/ }).click();
        await expectHeading(lead, 'Themes');
        const checkAgain = lead.getByRole('link', { name: 'Check again' });
        for (let looks = 0; looks < 120 && (await checkAgain.count()) > 0; looks++) {
          await lead.waitForTimeout(500);
          await checkAgain.click();
          await expectHeading(lead, 'Themes');
        }
      };

      await draft();
      await lead.getByText(/^Themes drafted with help from 127\.0\.0\.1:\d+/).waitFor();
      await lead.getByText('Summary from the helper service:').first().waitFor();
      await expectNoAxeViolations(lead);

      server.moods = { embeddings: 'failing', chat: 'failing' };
      await draft();
      await lead
        .getByText(/answered with error 500, so themes were drafted without it\.$/)
        .waitFor();
      await expectNoAxeViolations(lead);
      server.moods = { embeddings: 'good', chat: 'good' };
    });
  },
);
