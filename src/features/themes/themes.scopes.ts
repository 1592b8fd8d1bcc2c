// The scopes of an engagement's themes: the whole engagement, and each of its questions. Each
// scope has its own drafts, review and publication; the themes page picks one and lists them all
// with where each stands.
import type { Deps } from '../../platform/deps.ts';
import { type Engagement, listPrompts } from '../engagements/index.ts';
import { publicationNow, reviewOf } from './themes.publication.ts';
import { type PromptScope, newestByScope } from './themes.repository.ts';

export interface ThemeScope {
  promptId: PromptScope;
  /** "The whole engagement", or the question as participants read it. */
  name: string;
  /** Where its themes stand, as this person may know it. */
  status: string;
}

/**
 * Every scope with where it stands: for the advocacy organisation its newest draft (reviewed or
 * not) and what the council sees; for council roles only whether themes are published.
 */
export async function themeScopes(
  deps: Deps,
  engagement: Engagement,
  advocacy: boolean,
): Promise<ThemeScope[]> {
  const [prompts, newest] = await Promise.all([
    listPrompts(deps.db, engagement.id),
    newestByScope(deps.db, engagement.id),
  ]);
  const scopes = [
    { promptId: null, name: deps.t('themes.scope.whole') },
    ...prompts.map((prompt) => ({ promptId: prompt.id, name: prompt.questionPlain })),
  ];
  return Promise.all(
    scopes.map(async (scope): Promise<ThemeScope> => {
      const { current } = await publicationNow(deps.db, engagement.id, scope.promptId);
      const published = current
        ? deps.t('themes.scope.published', { version: current.version })
        : deps.t('themes.scope.notPublished');
      if (!advocacy) return { ...scope, status: published };
      const draft = newest.get(scope.promptId);
      if (draft === undefined) return { ...scope, status: deps.t('themes.scope.noDraft') };
      const reviewed = await reviewOf(deps.db, engagement.id, draft.id);
      const key = reviewed ? 'themes.scope.reviewed' : 'themes.scope.draft';
      return { ...scope, status: `${deps.t(key, { version: draft.version })}; ${published}` };
    }),
  );
}
