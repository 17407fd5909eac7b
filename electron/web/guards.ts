/** The two checks every request passes: the Host header (DNS rebinding) and the access token. */
import { timingSafeEqual } from 'node:crypto';

export const HOST = '127.0.0.1';
export const TOKEN_HEADER = 'x-shenbao-token';

/** A page on another site that rebinds its name to 127.0.0.1 still sends its own Host. */
export function hostAllowed(host: string | undefined, port: number): boolean {
  if (!host) return false;
  const h = host.toLowerCase();
  return h === `${HOST}:${port}` || h === `localhost:${port}`;
}

export function tokenMatches(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
