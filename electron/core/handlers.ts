/**
 * The core's answer to every channel of the contract (shared/contract.ts) except the desktop-only
 * ones, for the Electron main process and the browser-mode server alike. Plain Node: no 'electron'.
 */
import type { CoreContext } from './handlers/context';
import type { Handlers } from './handlers/dispatch';
import { compareHandlers } from './handlers/compare';
import { fileHandlers } from './handlers/files';
import { formHandlers } from './handlers/forms';
import { libraryHandlers } from './handlers/library';
import { summaryHandlers } from './handlers/summary';
import { templateHandlers } from './handlers/templates';
import { uploadHandlers } from './handlers/upload';

export type { CoreContext } from './handlers/context';
export { dispatch, failure, INTERNAL_ERROR, WEB_UNSUPPORTED } from './handlers/dispatch';
export type { DispatchOptions, Handlers, Logger, TemplateLookup } from './handlers/dispatch';

export function createCoreHandlers(ctx: CoreContext): Handlers {
  return {
    ...formHandlers(ctx),
    ...fileHandlers(ctx),
    ...templateHandlers(ctx),
    ...libraryHandlers(ctx),
    ...compareHandlers(ctx),
    ...summaryHandlers(ctx),
    ...uploadHandlers(ctx),
  };
}
