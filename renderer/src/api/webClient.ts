/**
 * Browser mode: the contract over HTTP. The server prints an address with `?token=…`; the
 * token is kept for the tab's lifetime and taken out of the address bar so it is not
 * bookmarked or shown over someone's shoulder.
 */
import { CHANNELS, type Api, type Channel, type Input, type Output } from '../../../shared/contract';
import { replyValue, UserError } from '../../../shared/errors';

const TOKEN_KEY = 'shenbao.token';
export const BAD_TOKEN_MESSAGE = '访问令牌无效，请使用启动时显示的完整地址打开';

/** Reads `?token=` once, stores it in sessionStorage and removes it from the address bar. */
export function takeTokenFromUrl(loc: Location = window.location, storage: Storage = window.sessionStorage): string | null {
  const url = new URL(loc.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    storage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
  }
  return storage.getItem(TOKEN_KEY);
}

export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

export async function callChannel<C extends Channel>(
  fetchFn: Fetch,
  token: string | null,
  channel: C,
  input: Input<C>,
  base = '',
): Promise<Output<C>> {
  let res: Response;
  try {
    res = await fetchFn(`${base}/api/${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Shenbao-Token': token ?? '' },
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    throw new UserError('无法连接到本机服务，请确认启动窗口没有关闭后重试', 'unreachable');
  }
  if (res.status === 401) throw new UserError(BAD_TOKEN_MESSAGE, 'bad-token');
  const broken = `本机服务返回了无法识别的答复（HTTP ${res.status}），请重试`;
  let reply: unknown;
  try {
    reply = await res.json();
  } catch {
    throw new UserError(broken, 'broken-reply');
  }
  // A failure comes back as a UserError with the server's code, as on the desktop.
  return replyValue<Output<C>>(reply, broken);
}

export function createWebClient(fetchFn: Fetch = (u, i) => fetch(u, i), token: () => string | null = () => null, base = ''): Api {
  const api = {} as Record<Channel, (input: unknown) => Promise<unknown>>;
  for (const c of CHANNELS) api[c] = (input) => callChannel(fetchFn, token(), c, input as never, base);
  return api as Api;
}
