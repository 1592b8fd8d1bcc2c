// What the themes routes share: where the pages are, which scope, who may act, and the themes page.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import { ForbiddenError, NotFoundError } from '../../platform/http/errors.ts';
import type { FieldErrors } from '../../platform/result.ts';
import { type Actor, requireActor } from '../accounts/index.ts';
import { type Engagement, engagementFor, listPrompts } from '../engagements/index.ts';
import type { PromptScope } from './themes.repository.ts';
import { mayEdit, themesPage } from './themes.service.ts';

export const VIEWS = 'themes/views';
export const staff = { access: 'signed-in' } as const;

/** `?scope=PROMPT_ID` on every themes page and form of one question's themes; none for the engagement's. */
export const scopeQuery = (promptId: PromptScope): string =>
  promptId === null ? '' : `?scope=${encodeURIComponent(promptId)}`;

export const themesBase = (engagementId: string, promptId: PromptScope = null): string =>
  `/engagements/${engagementId}/themes${scopeQuery(promptId)}`;

/**
 * The scope a request is about, from `?scope=`: one of the engagement's open questions, or (absent
 * or empty) the whole engagement. Any other value is a 404: there are no such themes.
 */
export async function scopeOf(
  deps: Deps,
  request: FastifyRequest,
  engagement: Engagement,
): Promise<PromptScope> {
  const { scope } = request.query as { scope?: unknown };
  if (scope === undefined || scope === '') return null;
  const prompts = await listPrompts(deps.db, engagement.id);
  if (typeof scope !== 'string' || !prompts.some((prompt) => prompt.id === scope)) {
    throw new NotFoundError();
  }
  return scope;
}

/** What the page's banner says after a change, by `?done=`. */
const DONE = {
  saved: 'themes.page.saved',
  split: 'themes.split.done',
  reviewed: 'themes.review.done',
  published: 'themes.publish.done',
  'taken-back': 'themes.takeBack.done',
} as const;
type Done = keyof typeof DONE;

/** The scope's themes page after a change, with its banner, at the theme it was about. */
export const afterChange = (
  engagementId: string,
  promptId: PromptScope,
  done: Done,
  themeKey?: string,
): string =>
  `${themesBase(engagementId, promptId)}${promptId === null ? '?' : '&'}done=${done}${
    themeKey === undefined ? '' : `#theme-${themeKey}`
  }`;

/**
 * Advocacy leads and advocates, and the scope asked for; anyone else in the engagement 403,
 * anyone outside it 404.
 */
export async function advocacyFor(
  deps: Deps,
  request: FastifyRequest<{ Params: { engagementId: string } }>,
): Promise<{ actor: Actor; engagement: Engagement; promptId: PromptScope }> {
  const actor = requireActor(request);
  const engagement = await engagementFor(
    deps,
    actor,
    request.params.engagementId,
    'capture_voices',
  );
  if (!mayEdit(actor, engagement)) throw new ForbiddenError();
  return { actor, engagement, promptId: await scopeOf(deps, request, engagement) };
}

/** The scope's themes page; with errors, again with what to fix in the form that was sent (400). */
export async function renderThemesPage(
  deps: Deps,
  request: FastifyRequest,
  reply: FastifyReply,
  actor: Actor,
  engagement: Engagement,
  form?: { errors: FieldErrors; values: Record<string, unknown> },
): Promise<FastifyReply> {
  const { done } = request.query as { done?: string };
  const promptId = await scopeOf(deps, request, engagement);
  return reply.code(form === undefined ? 200 : 400).render(`${VIEWS}/themes.njk`, {
    engagement,
    page: await themesPage(deps, actor, engagement, promptId),
    scope: promptId,
    scopeQuery: scopeQuery(promptId),
    banner:
      form === undefined && done !== undefined && done in DONE ? DONE[done as Done] : undefined,
    ...form,
  });
}
