export { stopRunsHere } from './themes.drafting.ts';
export { themesRoutes } from './themes.routes.ts';
export {
  type PublishedTheme,
  type PublishedThemes,
  participantsInThemes,
  publishedThemes,
} from './themes.published.ts';
