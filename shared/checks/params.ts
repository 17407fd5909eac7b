/**
 * The shapes of built-in checks' parameters, bounded: a check runs on every key press in the
 * editor, so a template file listing 80,000 levels stalled it (9 s to open, 118 ms a key; issue
 * #27). A name (field, column, level) is at most 100 characters like a label; a list names at most
 * 50 (a real one lists 3 to 10 levels or budget items).
 */
import { z } from 'zod';

export const MAX_PARAM_CHARS = 100;
export const MAX_PARAM_LIST = 50;

export const paramText = () => z.string().max(MAX_PARAM_CHARS);
export const paramList = () => z.array(paramText()).min(1).max(MAX_PARAM_LIST);
