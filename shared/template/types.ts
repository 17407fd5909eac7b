/**
 * The declarative description of a paper form. The editor and the Word exporter both
 * draw from it, so the screen and the file cannot drift apart. A new form type is a new
 * template object, never new code paths.
 */
import type { FormData } from '../form';

export type FieldKind =
  | 'text' // one line
  | 'multiline' // free text, may be long, keeps line breaks
  | 'amount' // 万元, exact decimal string
  | 'year' // budget year, four digits
  | 'date' // YYYY-MM-DD, printed YYYY年M月D日
  | 'phone'
  | 'outputIndicators'
  | 'benefitIndicators';

export interface FieldDef {
  id: string;
  /** The printed label; also the key in label-keyed JSON and the cell's accessible name. */
  label: string;
  kind: FieldKind;
  required?: boolean;
  /** Computed fields are read-only: the exact sum of these amount fields. */
  sumOf?: readonly string[];
  /** Other spellings other counties print, for import. */
  aliases?: readonly string[];
}

/** Font by role; sizes in points. */
export interface FontSpec {
  eastAsia: string;
  ascii: string;
  sizePt: number;
  bold?: boolean;
}

export type Align = 'left' | 'center' | 'right';

/** A run of a line: literal text, or a field's printed value. */
export type Segment = { text: string } | { field: string; minChars?: number };

export interface LineDef {
  id: string;
  segments: readonly Segment[];
  align: Align;
  font: FontSpec;
  /** Space after the paragraph, in points. */
  spaceAfterPt?: number;
}

export type CellContent =
  /** Fixed printed text; `lines` are printed as separate lines. */
  | { type: 'label'; lines: readonly string[] }
  /**
   * A value cell. With `label`, label and value share the cell ("政府性基金拨款：0"); `lead`
   * is printed before the label ("其中："), `indentLead` indents the label to line up
   * under a previous cell's lead. `footer` lines follow the value (审核意见's stamp lines).
   */
  | {
      type: 'field';
      field: string;
      label?: string;
      lead?: string;
      indentLead?: string;
      footer?: readonly { text: string; align: Align }[];
    }
  | { type: 'empty' };

export interface CellDef {
  row: number; // 0-based grid row
  col: number; // 0-based grid column
  rowSpan?: number;
  colSpan?: number;
  content: CellContent;
  align?: Align; // default: labels centre, text left, amounts left as printed in shared cells
  valign?: 'top' | 'center';
}

export interface RowDef {
  /** Minimum height in twips; rows always grow with content. */
  minHeight: number;
  /** Long text rows may break across pages; short rows keep together. */
  canSplit: boolean;
}

export interface TemplateDef {
  id: string;
  version: number;
  name: string;
  /** File name pattern for exports, `{year}` and `{department}` replaced. */
  fileName: string;
  page: {
    widthTwips: number;
    heightTwips: number;
    marginsTwips: { top: number; bottom: number; left: number; right: number };
  };
  fonts: { table: FontSpec };
  fields: readonly FieldDef[];
  /** Field ids that identify one live form per year, e.g. year + 部门名称. */
  identity: { year: string; name: string; unit?: string; date?: string };
  above: readonly LineDef[];
  table: {
    columnsTwips: readonly number[];
    rows: readonly RowDef[];
    cells: readonly CellDef[];
    borderPt: number;
  };
  below: readonly LineDef[];
  /** Equalities between amount fields that must hold (errors). */
  equalities: readonly { a: string; b: string; message: string }[];
  /** Template-specific checks beyond the generic ones (warnings mostly). */
  extraChecks?: readonly ((form: FormData, year: string) => import('../validation').Message[])[];
}

export const TWIPS_PER_MM = 1440 / 25.4;
export const mm = (v: number): number => Math.round(v * TWIPS_PER_MM);
