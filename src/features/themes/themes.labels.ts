import type { Translate } from '../../platform/i18n/i18n.ts';
import type { EditField } from './themes.repository.ts';
import type { CampaignWeight } from './themes.synthesis.ts';

/**
 * The words built from a value (a draft's stage, how a campaign counts, what a person changed),
 * made here from literal keys so a test can check each is in the catalogue.
 */
export function themeLabels(t: Translate) {
  const stages: Record<string, string> = {
    waiting: t('themes.draft.stages.waiting'),
    reading: t('themes.draft.stages.reading'),
    vectors: t('themes.draft.stages.vectors'),
    themes: t('themes.draft.stages.themes'),
    quotes: t('themes.draft.stages.quotes'),
    saving: t('themes.draft.stages.saving'),
  };
  return {
    stage: (stage: string): string => stages[stage] ?? stage,
    count: (count: number | null): string =>
      count === null ? t('themes.page.fewerThanFive') : String(count),
    campaign: (weighAs: CampaignWeight, count: string): string =>
      weighAs === 'one'
        ? t('themes.campaigns.one', { count })
        : weighAs === 'many'
          ? t('themes.campaigns.many', { count })
          : t('themes.campaigns.undecided', { count }),
    change: (field: EditField, params: { by: string; on: string; value: string }): string => {
      switch (field) {
        case 'label':
          return t('themes.history.label', params);
        case 'description':
          return t('themes.history.description', params);
        case 'locked':
          return params.value === '1'
            ? t('themes.history.locked', params)
            : t('themes.history.unlocked', params);
        case 'added':
          return t('themes.history.added', params);
        case 'merged_into':
          // The value here is the name of the theme that joined this one.
          return t('themes.history.merged', params);
        case 'deleted':
          return t('themes.history.deleted', params);
        case 'split':
          return t('themes.history.split', params);
        case 'split_from':
          // The value here is the name of the theme this one was split from.
          return t('themes.history.splitFrom', params);
      }
    },
  };
}
