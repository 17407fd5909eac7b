/** A form instance: which template, and the values of its fields and row groups. Pure data, JSON-safe. */

export const OUTPUT_PARTS = ['quantity', 'quality', 'timeliness', 'cost'] as const;
export type OutputPart = (typeof OUTPUT_PARTS)[number];

export const OUTPUT_PART_LABELS: Record<OutputPart, string> = {
  quantity: '数量指标',
  quality: '质量指标',
  timeliness: '时效指标',
  cost: '成本指标',
};

/** 产出指标: the four parts, each a list of one-line items; or whole text when it has no such structure. */
export type OutputIndicators = { mode: 'parts'; parts: Record<OutputPart, string[]> } | { mode: 'text'; text: string };

export interface BenefitItem {
  name: string;
  description: string;
}

/** 效益指标: named items (指标N：name, then a description); or whole text. */
export type BenefitIndicators = { mode: 'items'; items: BenefitItem[] } | { mode: 'text'; text: string };

/** One row of a repeating group: column id → text ('' = blank). Amounts are canonical decimal strings. */
export type GroupRow = Record<string, string>;

export type FieldValue = string | OutputIndicators | BenefitIndicators | GroupRow[];

export interface FormOptions {
  /** 统一保留两位小数 */
  twoDecimals: boolean;
  /** 零值留空 */
  blankZero: boolean;
}

export interface FormData {
  templateId: string;
  /**
   * Field values by field id, and each repeating group's rows by group id. Amounts are
   * canonical decimal strings in 万元 ('' = blank).
   */
  values: Record<string, FieldValue>;
  options: FormOptions;
}

export const DEFAULT_OPTIONS: FormOptions = { twoDecimals: false, blankZero: false };

export function emptyOutput(): OutputIndicators {
  return { mode: 'parts', parts: { quantity: [], quality: [], timeliness: [], cost: [] } };
}

export function emptyBenefit(): BenefitIndicators {
  return { mode: 'items', items: [] };
}
