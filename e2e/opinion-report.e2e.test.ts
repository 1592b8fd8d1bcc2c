import { describe, expect, it } from 'vitest';
import { DEMO } from '../test/app.ts';
import { startListening } from '../test/listening-engagement.ts';
import { seedCamps } from '../src/features/opinion/opinion.fixtures.ts';
import { computeFromVotes, saveSnapshot } from '../src/features/opinion/opinion.recompute.ts';
import {
  browserLabel,
  expectHeading,
  expectNoAxeViolations,
  scrollWidth,
  signIn,
  skipBrowserTests,
  useHeard,
} from './browser.ts';

describe.skipIf(skipBrowserTests)(
  `Staff read the opinion map report (${browserLabel})`,
  { timeout: 120_000 },
  () => {
    const heard = useHeard();

    /** An engagement with two camps of voters (three providers) and its first snapshot. */
    async function mappedEngagement(): Promise<{ id: string; title: string }> {
      const { db, clock } = heard().heard;
      const engagement = await startListening(db);
      await seedCamps(
        db,
        engagement.id,
        {
          agreeFirstHalf: { lived_experience: 11, family_carer: 5 },
          agreeSecondHalf: { professional: 5, provider: 3 },
        },
        clock().toISOString(),
      );
      await saveSnapshot(db, clock, engagement.id, await computeFromVotes(db, engagement.id));
      return engagement;
    }

    it('an advocacy lead finds it from the engagement and reads groups, members and the map', async () => {
      const engagement = await mappedEngagement();
      const page = await heard().newPage();
      await signIn(page, DEMO.lead);
      await page.goto(`/engagements/${engagement.id}`);
      await page
        .getByRole('link', { name: 'Opinion map: groups, common ground and perspectives' })
        .click();
      await expectHeading(page, 'Opinion map');
      await page.getByRole('heading', { name: 'Group A: 16 people' }).waitFor();
      await page.getByRole('img', { name: 'Opinion map: 24 people in 2 groups' }).waitFor();
      await page.getByRole('table', { name: 'The map as a table' }).waitFor();
      await page.getByText('Who is in group A').click();
      await expectNoAxeViolations(page);
    });

    it('a decision maker reads it without JavaScript, small figures hidden, at 320 pixels', async () => {
      const engagement = await mappedEngagement();
      const page = await heard().newPage({
        javaScriptEnabled: false,
        viewport: { width: 320, height: 640 },
      });
      await signIn(page, DEMO.decisionMaker);
      await page.goto(`/engagements/${engagement.id}/opinion`);
      await expectHeading(page, 'Opinion map');
      await page.getByRole('heading', { name: 'Where perspectives differ' }).waitFor();
      expect(await page.getByText('Who is in group A').count()).toBe(0);
      expect(await page.getByText('fewer than 5 people voted').count()).toBeGreaterThan(0);
      expect(await scrollWidth(page), 'report width').toBeLessThanOrEqual(320);
      await expectNoAxeViolations(page);
    });
  },
);
