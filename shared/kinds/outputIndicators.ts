/**
 * `outputIndicators`: the 2019 form's 产出指标, four numbered lists (数量/质量/时效/成本指标), or
 * whole text when what was written has no such structure (shared/indicators.ts prints and reads it).
 */
import { z } from 'zod';
import { emptyOutput, OUTPUT_PART_LABELS, OUTPUT_PARTS, type FieldValue, type OutputIndicators } from '../form';
import { countOutputItems, parseOutput, renderOutput } from '../indicators';
import { defineKind, str, type ListedIndicator } from './types';

const partsSchema = z.object({
  quantity: z.array(z.string()),
  quality: z.array(z.string()),
  timeliness: z.array(z.string()),
  cost: z.array(z.string()),
});

export const outputValueSchema = z.union([
  z.object({ mode: z.literal('parts'), parts: partsSchema }),
  z.object({ mode: z.literal('text'), text: z.string() }),
]);

function asOutput(v: FieldValue | undefined): OutputIndicators | null {
  return v && typeof v === 'object' && !Array.isArray(v) && 'mode' in v && (v.mode === 'parts' || v.mode === 'text')
    ? (v as OutputIndicators)
    : null;
}

const oneLine = (s: string): string => s.replace(/\s*\n\s*/g, ' ').trim();

export const outputIndicatorsKind = defineKind({
  name: 'outputIndicators',
  title: '产出指标',
  description: '产出指标：数量、质量、时效、成本指标四个编号列表',
  column: false,
  value: outputValueSchema,
  maxLength: 50_000,
  lines: 'many',
  block: true,
  libraryHeading: '产出指标',
  empty: emptyOutput,
  isBlank: (v) => {
    const o = asOutput(v);
    return !o || countOutputItems(o) === 0;
  },
  read(text) {
    if (text.trim() === '') return { value: emptyOutput() };
    const v = parseOutput(text);
    return v.mode === 'text' ? { value: v, note: '没有按“一、数量指标”等分项编号书写，已整段保留为文字' } : { value: v };
  },
  print: (v) => {
    const o = asOutput(v);
    return o ? renderOutput(o) : str(v);
  },
  requiredMessage: (label) => `请至少填写一条${label}`,
  moveYear(v, move, label) {
    const o = asOutput(v);
    if (!o) return JSON.parse(JSON.stringify(v)) as FieldValue;
    if (o.mode === 'text') return { mode: 'text', text: move(o.text, label) };
    const parts = { ...o.parts };
    for (const p of OUTPUT_PARTS) parts[p] = o.parts[p].map((item) => move(item, `${label}·${OUTPUT_PART_LABELS[p]}`));
    return { mode: 'parts', parts };
  },
  indicators(v): ListedIndicator[] {
    const o = asOutput(v);
    if (!o) return [];
    if (o.mode === 'text') return o.text.trim() ? [{ level2: '', name: o.text.trim(), value: '', numbered: false }] : [];
    return OUTPUT_PARTS.flatMap((p) =>
      (o.parts[p] ?? []).map((item) => ({ level2: OUTPUT_PART_LABELS[p], name: oneLine(item), value: '', numbered: true })),
    );
  },
});
