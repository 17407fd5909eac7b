import type { WireApi } from '../../shared/contract';

declare global {
  interface Window {
    /** Exposed by the desktop shell's preload (each channel answers with its Reply); absent in browser mode. */
    api?: WireApi;
  }
}

export {};
