/**
 * What renderer tests in jsdom need around a component: the browser pieces jsdom lacks (Mantine
 * asks for matchMedia; scroll areas and the virtual list for ResizeObserver), and a window.api
 * that records every call and answers from a table the test fills — the renderer reaches the core
 * only through window.api.
 */
import type { Api, WireApi } from '../../shared/contract';
import { isUserError } from '../../shared/errors';

export function stubBrowserLayout(): void {
  window.matchMedia ??= ((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener() {},
    removeListener() {},
    addEventListener() {},
    removeEventListener() {},
    dispatchEvent: () => false,
  })) as unknown as typeof window.matchMedia;
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
}

export type Answers = Partial<Record<keyof Api, (input: unknown) => unknown>>;

/**
 * window.api as `answer` gives it, any channel, on the desktop wire: what `answer` returns is an ok
 * Reply, what it throws a failed one with the error's code (a UserError's own, else `internal`),
 * which the renderer's api module turns back into a rejection as it does for the real preload.
 */
export function installApi(answer: (channel: string, input: unknown) => unknown): void {
  (window as unknown as { api: WireApi }).api = new Proxy({} as WireApi, {
    get: (_t, channel: string) => async (input: unknown) => {
      try {
        return { ok: true, value: await answer(channel, input) };
      } catch (e) {
        return { ok: false, error: e instanceof Error ? e.message : String(e), code: isUserError(e) ? e.code : 'internal' };
      }
    },
  });
}

/** window.api recording each call in `calls` and answering from `answers`; a channel without an answer rejects. */
export function installRecordingApi(calls: { channel: string; input: unknown }[], answers: Answers): void {
  installApi((channel, input) => {
    calls.push({ channel, input });
    const answer = answers[channel as keyof Api];
    if (!answer) throw new Error(`no answer for ${channel}`);
    return answer(input);
  });
}
