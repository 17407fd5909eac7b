import type { Api } from '../../shared/contract';

declare global {
  interface Window {
    /** Exposed by the desktop shell's preload; absent in browser mode. */
    api?: Api;
  }
}

export {};
