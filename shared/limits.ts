/**
 * How much text a value may hold. A clerk never comes near these; they keep a pasted novel or a
 * hostile file from making every later check, export and save slow. Documented in the README.
 */
import type { ColumnKind, FieldKind } from './template/schema';

export const MAX_TEXT_BY_KIND: Record<FieldKind | ColumnKind, number> = {
  text: 500,
  phone: 100,
  year: 20,
  date: 40,
  amount: 40,
  choice: 100,
  multiline: 20_000,
  outputIndicators: 50_000,
  benefitIndicators: 50_000,
};

/** Rows of one repeating group when the template gives no maximum. */
export const MAX_GROUP_ROWS = 500;
