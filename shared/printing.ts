/**
 * The text a value shows on paper. One rule for the Word export, the print view and the
 * importer (which compares a file's table with its embedded copy), so they cannot disagree:
 * each kind's module prints its values (shared/kinds).
 */
import type { FieldValue, FormOptions } from './form';
import { kindOf } from './kinds';
import type { ColumnDef, FieldDef } from './template/schema';

export function printedFieldText(def: FieldDef, v: FieldValue | undefined, options: FormOptions): string {
  return kindOf(def.kind).print(v, def, options);
}

export function printedColumnText(def: ColumnDef, v: string | undefined, options: FormOptions): string {
  return kindOf(def.kind).print(v ?? '', def, options);
}
