/**
 * A field kind is a module, registered like the built-in checks (shared/checks): it says what a
 * value of the kind is (its zod schema), what a template declaring it must give (a zod schema of
 * the declaration's kind-specific part), how text becomes a value (its one reader, used by the
 * editor, the importers, label-keyed JSON, paste and new year alike), how it prints, how it is
 * checked, and what the 汇总, the 年度对比 and the 指标库 read off it. Generic code asks the kind,
 * never tests its name. The renderer's editor cell for a kind is registered on its side
 * (renderer/src/editor/cells/kindCells.ts).
 */
import type { z } from 'zod';
import type { FieldValue, FormOptions } from '../form';

/** A field or group column as its kind sees it (both declare `kind`, `label`, `options`, `params`). */
export interface KindDecl {
  id: string;
  label: string;
  kind: string;
  options?: readonly string[];
  params?: Record<string, unknown>;
}

/** Text that could not be read exactly: kept as typed (the value), and why. */
export interface ReadProblem {
  /** The short reason, e.g. the amount reader's message. */
  reason: string;
  /** The sentence an import note says: the label, the text as shown, what was done. */
  sentence(label: string, shown: string): string;
}

export interface KindRead {
  value: FieldValue;
  /** The text did not read as a value of the kind; `value` is the text kept as typed (trimmed). */
  problem?: ReadProblem;
  /** Read, but loosely (an indicator list with no numbering kept whole as text): worth telling an importing user. */
  note?: string;
}

/** One indicator a structured kind lists (产出指标's items under their part, 效益指标's named items). */
export interface ListedIndicator {
  /** The part it sits under (数量指标), '' when none. */
  level2: string;
  name: string;
  value: string;
  /** Written as a numbered list (not whole free text): the 指标库 learns only these. */
  numbered: boolean;
}

export interface FieldKindModule {
  name: string;
  /** What people who write template files call it (金额, 日期): used in the template checks' messages. */
  title: string;
  description: string;
  /** May be a group column's kind (a cell of a row holds one string). */
  column: boolean;
  /** The declaration's kind-specific part (`options`, `params`), checked when a template is loaded. */
  declaration?: z.ZodType<unknown>;
  /** The values the kind itself allows, whatever the template (指标性质's ≥ ≤ = ＞ ＜ 定性); edited as a list. */
  fixedOptions?: readonly string[];
  /** The stored value. */
  value: z.ZodType<FieldValue>;
  /** Longest text a value may hold unless the template says `maxLength` (shared/limits.ts has the hard limit). */
  maxLength: number;
  /** One line: a line break in printed text only wrapped it. Several: line breaks are content. */
  lines: 'one' | 'many';
  /** Laid out as a block of free text (top-aligned, grows), edited by a cell of its own. */
  block?: boolean;
  /** An exact amount: summed by the 汇总, compared by value, a number in Excel, the only kind a total may be. */
  money?: boolean;
  /** A plain one-line name can be written in it (the 汇总 looks in such fields for a 主管部门 named by code). */
  holdsName?: boolean;
  /** Read on every keystroke in the editor (amounts are stored canonical while typed); otherwise kept as typed until the cell is left. */
  readWhileTyping?: boolean;
  /** What a blank value prints in a line of text (a date's 年 月 日 to fill in by hand). */
  blankInLine?: string;
  empty(): FieldValue;
  isBlank(v: FieldValue | undefined): boolean;
  /** The one reader of text: a value from typed, pasted, imported or label-JSON text. */
  read(text: string, decl: KindDecl): KindRead;
  /** The text a value shows on paper, in Word and Excel cells and the print view. */
  print(v: FieldValue | undefined, decl: KindDecl, options: FormOptions): string;
  /** The value as label-keyed JSON writes it, when that differs from print (a date as 2019-11-26); read gives the value back. */
  asText?(v: FieldValue | undefined, decl: KindDecl, options: FormOptions): string;
  /** A value Excel holds as an exact number (a score, a percentage): the decimal to write and the number format that prints it as the paper does. */
  excelNumber?(v: FieldValue | undefined, decl: KindDecl): { exact: string; format: string } | null;
  /** A filled value's problem, for validation (the text trimmed, never blank). */
  check?(text: string, decl: KindDecl, label: string): { code: string; message: string } | null;
  /** The message for a required value left blank; default 请填写…. */
  requiredMessage?(label: string): string;
  /** A new year's moved value for a structured value (strings are moved generically). */
  moveYear?(v: FieldValue, move: (text: string, where: string) => string, label: string): FieldValue;
  /** The indicators a structured value lists (汇总's 明细, counts, 指标库). */
  indicators?(v: FieldValue | undefined): ListedIndicator[];
  /**
   * A value that may be laid out as boxes, one grid cell per option (偏差原因分析's ticks, 完成目标可能性's
   * 确定能/有可能/完全不可能): what the box of `option` prints (✓ or nothing).
   */
  printOption?(v: FieldValue | undefined, option: string): string;
  /** The value with the box of `option` ticked (`on`) or cleared: space in the editor, a ✓ read from a file. */
  setOption?(v: string, option: string, on: boolean, decl: KindDecl): string;
  /** The 一级指标 the 指标库 files the listed indicators under (产出指标). */
  libraryHeading?: string;
  /**
   * Printed labels that suggest this kind when a blank form becomes a template (年度资金总额 → 金额):
   * the kind whose matching hint weighs most is proposed; none matching proposes one-line text.
   */
  labelHint?: { pattern: RegExp; weight: number; columnsOnly?: boolean };
}

export const defineKind = (k: FieldKindModule): FieldKindModule => k;

/** A value as text: '' for anything that is not a string. */
export const str = (v: FieldValue | undefined): string => (typeof v === 'string' ? v : '');

const FULL_DIGITS = /[\uFF10-\uFF19]/g;
/** Full-width digits (０-９) as ASCII digits. */
export const halfDigits = (s: string): string => s.replace(FULL_DIGITS, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

const FULL_ASCII = /[\uFF01-\uFF5E]/g;
/** Full-width letters, digits and signs (ｋｍ２, ％) as ASCII. */
export const halfWidth = (s: string): string => s.replace(FULL_ASCII, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/** The usual problem sentence: 「label」「text」reason，已原样保留，请核对. */
export function keptAsTyped(reason: string): ReadProblem {
  return { reason, sentence: (label, shown) => `「${label}」「${shown}」${reason}，已原样保留，请核对` };
}
