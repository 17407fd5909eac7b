/**
 * The editor's cell for each field kind, registered like the kinds themselves (shared/kinds): how
 * a value is typed (a one-line input, a text area that wraps like the paper cell, a list of the
 * options), the keyboard a touch screen shows, a placeholder, and for the kinds edited as a block
 * of their own (free text, the 2019 form's indicator lists) that editor. ValueInput, GroupCell and
 * PaperForm ask here; none of them tests a kind's name.
 */
import type { ComponentType } from 'react';
import { kindOf } from '../../../../shared/kinds';
import { printDate } from '../../../../shared/kinds/date';
import type { FieldDef } from '../../../../shared/template/schema';
import { BenefitCell } from './BenefitCell';
import { MultilineInput } from './MultilineInput';
import { OutputCell } from './OutputCell';

export interface KindCell {
  /** How a value is typed: one-line input, a text area that wraps and grows (a one-line kind gets its line breaks as spaces), or the options. */
  control: 'input' | 'textarea' | 'select';
  /** The field's own editor, for kinds edited as a block (then `control` is for its group columns, if any). */
  Field?: ComponentType<{ def: FieldDef }>;
  inputMode?: 'decimal' | 'tel' | 'numeric';
  placeholder?: string;
  /** A 三级指标 cell of this kind suggests indicators from the 指标库 as it is typed. */
  suggests?: boolean;
  /** How a stored value shows while it is not being typed (a date kept as 2019-11-26 shows as printed, 2019年11月26日). */
  shown?(stored: string): string;
}

const TEXT: KindCell = { control: 'textarea', suggests: true };

const cells = new Map<string, KindCell>([
  ['text', TEXT],
  ['multiline', { control: 'textarea', Field: MultilineInput, suggests: true }],
  ['amount', { control: 'input', inputMode: 'decimal' }],
  ['year', { control: 'input', placeholder: '年度' }],
  ['date', { control: 'input', placeholder: '年-月-日', shown: printDate }],
  ['phone', { control: 'input', inputMode: 'tel', placeholder: '' }],
  ['choice', { control: 'select' }],
  ['outputIndicators', { control: 'textarea', Field: OutputCell }],
  ['benefitIndicators', { control: 'textarea', Field: BenefitCell }],
  ['comparator', { control: 'select' }],
  ['unit', { control: 'input' }],
  ['score', { control: 'input', inputMode: 'decimal' }],
  ['percent', { control: 'input', inputMode: 'decimal', placeholder: '%' }],
  // Typed as a list of names (经费保障、其他) where a template places it whole; laid out per option it is a row of boxes (OptionBox).
  ['ticks', { control: 'textarea' }],
]);

/** Adds the editor cell of a kind registered in shared/kinds. */
export function registerKindCell(kind: string, cell: KindCell): void {
  cells.set(kind, cell);
}

/** The options a list offers: the declaration's, else the kind's own (指标性质's signs). */
export const optionsOf = (d: { kind: string; options?: readonly string[] }): readonly string[] =>
  d.options ?? kindOf(d.kind).fixedOptions ?? [];

/** The cell of a kind; a kind with no cell registered is typed as text. */
export const kindCell = (kind: string): KindCell => cells.get(kind) ?? TEXT;
