/**
 * 产出指标 / 效益指标: structured lists that print as consistently numbered text, and the
 * reverse: free text (pasted, imported, from label-keyed JSON) split into items where its
 * numbering allows, kept whole otherwise.
 *
 * Printed shape (always the same, so that printing and reading back are inverse):
 *   一、数量指标：        指标1：岗位职责效益
 *   1、item              description line(s)
 *   2、item              指标2：…
 *   二、质量指标：…
 */
import { OUTPUT_PARTS, OUTPUT_PART_LABELS, type BenefitIndicators, type BenefitItem, type OutputIndicators, type OutputPart } from './form';
import { wrapsToSpaces } from './text/trim';

const CN_NUMS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** A leading list number: 1、 1. 1．（1） (1) 一、 ①. */
const ITEM_NUMBER =
  /^\s*(?:[（(]\s*[0-9０-９一二三四五六七八九十]+\s*[)）]|[0-9０-９]+\s*(?:[、)）]|[.．](?![0-9]))|[一二三四五六七八九十]+\s*[、.．]|[①-⑳])\s*/;

export function stripItemNumber(line: string): string {
  return line.replace(ITEM_NUMBER, '').trim();
}

function splitLines(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

/** One item is one printed line: line breaks inside an item become spaces. */
function oneLine(s: string): string {
  return wrapsToSpaces(s).trim();
}

const PART_HEADING = new RegExp(
  `^(?:${ITEM_NUMBER.source.slice(1)})?\\s*(${OUTPUT_PARTS.map((p) => OUTPUT_PART_LABELS[p]).join('|')})\\s*[：:]?\\s*(.*)$`,
);

function partOf(label: string): OutputPart {
  return OUTPUT_PARTS.find((p) => OUTPUT_PART_LABELS[p] === label)!;
}

export function renderOutput(v: OutputIndicators): string {
  if (v.mode === 'text') return v.text;
  const lines: string[] = [];
  OUTPUT_PARTS.forEach((part, i) => {
    lines.push(`${CN_NUMS[i]}、${OUTPUT_PART_LABELS[part]}：`);
    v.parts[part].forEach((item, j) => lines.push(`${j + 1}、${oneLine(item)}`));
  });
  return lines.join('\n');
}

export function parseOutput(text: string): OutputIndicators {
  const lines = splitLines(text);
  const parts: Record<OutputPart, string[]> = { quantity: [], quality: [], timeliness: [], cost: [] };
  let current: OutputPart | null = null;
  let seen = 0;
  for (const line of lines) {
    const h = PART_HEADING.exec(line);
    if (h) {
      current = partOf(h[1]);
      seen++;
      const rest = stripItemNumber(h[2]);
      if (rest) parts[current].push(rest);
      continue;
    }
    if (!current) return { mode: 'text', text: text.trim() };
    const item = stripItemNumber(line);
    if (item) parts[current].push(item);
  }
  if (seen === 0) return lines.length ? { mode: 'text', text: text.trim() } : { mode: 'parts', parts };
  return { mode: 'parts', parts };
}

const BENEFIT_HEADING = /^指标\s*([0-9０-９]+|[一二三四五六七八九十]+)\s*[：:]\s*(.*)$/;

export function renderBenefit(v: BenefitIndicators): string {
  if (v.mode === 'text') return v.text;
  return v.items
    .map((item, i) => {
      const head = `指标${i + 1}：${oneLine(item.name)}`;
      const desc = item.description.replace(/\r\n?/g, '\n').trim();
      return desc ? `${head}\n${desc}` : head;
    })
    .join('\n');
}

export function parseBenefit(text: string): BenefitIndicators {
  const lines = splitLines(text);
  const items: BenefitItem[] = [];
  for (const line of lines) {
    const h = BENEFIT_HEADING.exec(line);
    if (h) {
      items.push({ name: h[2].trim(), description: '' });
      continue;
    }
    const last = items[items.length - 1];
    if (!last) return { mode: 'text', text: text.trim() };
    last.description = last.description ? `${last.description}\n${line}` : line;
  }
  return { mode: 'items', items };
}

/** Split a pasted block into list items where it is numbered; null when it is one item. */
export function splitPastedItems(text: string): string[] | null {
  const lines = splitLines(text);
  if (lines.length < 2) return null;
  const numbered = lines.filter((l) => ITEM_NUMBER.test(l)).length;
  if (numbered < 2) return null;
  return lines.map(stripItemNumber).filter((l) => l !== '');
}

export function countOutputItems(v: OutputIndicators): number {
  return v.mode === 'text' ? (v.text.trim() ? 1 : 0) : OUTPUT_PARTS.reduce((n, p) => n + v.parts[p].length, 0);
}

export function countBenefitItems(v: BenefitIndicators): number {
  return v.mode === 'text' ? (v.text.trim() ? 1 : 0) : v.items.length;
}
