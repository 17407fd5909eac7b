/** Where the renderer lives: one custom origin, so every check compares against one string. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'shenbao';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** The editor's print view of one form (a hash route, so it is the same document). */
export const printViewUrl = (id: number): string => `${APP_INDEX_URL}#/print/${id}`;

/** True only for URLs on the app's own origin; anything unparsable is foreign. */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '' && u.port === '';
  } catch {
    return false;
  }
}
