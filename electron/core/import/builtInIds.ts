/**
 * The ids of the templates this program ships. The readers run in the import worker's own thread,
 * away from the store, and need one fact about the program itself: a file can never bring a newer
 * version of a built-in (that comes with a newer program), and label JSON naming no template means
 * the first built-in. Only the ids leave this module; like the store's registration of the
 * built-ins it is startup knowledge, exempted by name from the lint rule that keeps
 * shared/templates/ out of generic code.
 */
import { BUILTIN_TEMPLATES } from '../../../shared/templates';

export const BUILT_IN_IDS: ReadonlySet<string> = new Set(BUILTIN_TEMPLATES.map((t) => t.id));
