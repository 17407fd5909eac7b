/** The one way the renderer reaches the core: the desktop preload, or HTTP in browser mode. */
import type { Api } from '../../../shared/contract';
import { createWebClient, takeTokenFromUrl } from './webClient';
import { fromWire } from './wire';

function webApi(): Api {
  const token = takeTokenFromUrl();
  return createWebClient(
    (u, i) => fetch(u, i),
    () => token,
  );
}

export const api: Api = window.api ? fromWire(window.api) : webApi();
export const isDesktop = (): boolean => window.api !== undefined;
