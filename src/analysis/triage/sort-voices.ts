// Sorting a batch of voices (issue 6): a possible safeguarding disclosure, a suggested individual
// concern and the campaign a voice belongs to, each computed on its own so none can hide another
// (a form letter with a disclosure added is in its campaign and flagged). The one place that says
// which rule or model makes each suggestion: safeguarding by the rules or the words-only model
// (recall first), individual concerns by the trained classifier (the shipped starter model unless
// another is given).
import { CAMPAIGN_VERSION, type CampaignGroup, groupCampaigns } from './campaigns.ts';
import { type ConcernModel, defaultConcernModel, predictConcern } from './concern-classifier.ts';
import { checkSafeguarding, safeguardingCheckVersion } from './safeguarding-check.ts';
import type { SafeguardingCategory } from './safeguarding.ts';

/** What made each suggestion, so a stored result can say so. */
export const sortingVersions = (concernModel: ConcernModel = defaultConcernModel()) => ({
  safeguarding: safeguardingCheckVersion(),
  concern: concernModel.version,
  campaign: CAMPAIGN_VERSION,
});

export interface VoiceToSort {
  id: string;
  text: string;
}

export interface SortedVoice {
  id: string;
  /** Put in front of the safeguarding lead now; only a named person can decide otherwise. */
  safeguarding: boolean;
  safeguardingCategories: SafeguardingCategory[];
  /** Suggested for casework; an advocate confirms and asks the person's consent. */
  concern: boolean;
  /** The id of the campaign group the voice is in, or null. */
  campaign: string | null;
}

export interface SortedVoices {
  /** One per voice, in the order given. */
  items: SortedVoice[];
  campaigns: CampaignGroup[];
}

/** Sorts voices whose ids are unique (a campaign is recorded against an id); throws otherwise. */
export function sortVoices(
  voices: readonly VoiceToSort[],
  concernModel: ConcernModel = defaultConcernModel(),
): SortedVoices {
  const ids = new Set(voices.map((voice) => voice.id));
  if (ids.size !== voices.length) throw new Error('Each voice needs its own id to be sorted.');
  const campaigns = groupCampaigns(voices);
  const campaignOf = new Map<string, string>();
  for (const group of campaigns)
    for (const member of group.members) campaignOf.set(member, group.id);
  const items = voices.map(({ id, text }): SortedVoice => {
    const safeguarding = checkSafeguarding(text);
    return {
      id,
      safeguarding: safeguarding.flagged,
      safeguardingCategories: safeguarding.categories,
      concern: predictConcern(concernModel, text).suggested,
      campaign: campaignOf.get(id) ?? null,
    };
  });
  return { items, campaigns };
}
