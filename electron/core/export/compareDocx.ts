/**
 * 年度对比 as a Word document to print or send with the form: money side by side with the change,
 * every text that changed with deletions struck through and insertions underlined, and the
 * indicator rows that were added, removed or changed. A4 portrait, the same fonts as the forms.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IRunOptions,
} from 'docx';
import type { FormDiff } from '../../../shared/compare/formDiff';
import { mm } from '../../../shared/template/schema';
import { xmlSafe } from '../../../shared/text/xmlChars';

const FONT = { eastAsia: '仿宋_GB2312', ascii: 'Times New Roman', hAnsi: 'Times New Roman' };
const LANGUAGE = { value: 'en-US', eastAsia: 'zh-CN' } as const;
const TEXT_WIDTH = mm(156);
const STATUS = { added: '新增', removed: '删除', changed: '修改', unchanged: '未变' } as const;

const run = (text: string, extra: Partial<IRunOptions> = {}) =>
  new TextRun({ text: xmlSafe(text), font: FONT, size: 24, language: LANGUAGE, ...extra });

function heading(text: string): Paragraph {
  return new Paragraph({ spacing: { before: 240, after: 120 }, children: [run(text, { bold: true, size: 28 })] });
}

function cell(text: string, widthTwips: number, align: 'left' | 'center' | 'right' = 'left'): TableCell {
  const alignment = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT }[align];
  return new TableCell({
    width: { size: widthTwips, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    children: text.split('\n').map((line) => new Paragraph({ alignment, children: line ? [run(line, { size: 21 })] : [] })),
  });
}

function table(widths: number[], rows: string[][], aligns: ('left' | 'center' | 'right')[]): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  return new Table({
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: rows.map(
      (r, i) =>
        new TableRow({
          tableHeader: i === 0 ? true : undefined,
          cantSplit: true,
          children: r.map((text, c) => cell(text, widths[c], i === 0 ? 'center' : aligns[c])),
        }),
    ),
  });
}

export interface CompareMeta {
  title: string;
  before: { id: number; year: string };
  after: { id: number; year: string };
}

export function buildCompareDocument(d: FormDiff, meta: CompareMeta): Document {
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 120 },
      children: [run(`${meta.title}年度对比`, { size: 36, bold: true })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [
        run(`${meta.before.year} 年（编号 ${meta.before.id}）→ ${meta.after.year} 年（编号 ${meta.after.id}）\u3000金额单位：万元`),
      ],
    }),
  ];
  const money = d.money.filter((m) => m.before !== '' || m.after !== '');
  if (money.length) {
    children.push(heading('一、资金'));
    const w = TEXT_WIDTH / 5;
    children.push(
      table(
        [w * 1.4, w * 0.9, w * 0.9, w * 0.9, w * 0.9].map(Math.round),
        [
          ['项目', `${meta.before.year} 年`, `${meta.after.year} 年`, '增减', '增减幅度'],
          ...money.map((m) => [m.label, m.before, m.after, m.change, m.percent ? `${m.percent}%` : '']),
        ],
        ['left', 'right', 'right', 'right', 'right'],
      ),
    );
  }
  const texts = d.texts.filter((t) => !t.same);
  children.push(heading('二、文字'));
  if (texts.length === 0) children.push(new Paragraph({ children: [run('各项文字与上年相同。')] }));
  for (const t of texts) {
    children.push(new Paragraph({ spacing: { before: 120 }, children: [run(`${t.label}：`, { bold: true })] }));
    // Deletions struck through, insertions underlined: the marks reviewers are used to.
    const runs = t.ops.flatMap((o) =>
      o.text
        .split('\n')
        .map((part, i) =>
          run(part, { break: i > 0 ? 1 : undefined, strike: o.op === 'delete', underline: o.op === 'insert' ? {} : undefined }),
        ),
    );
    children.push(new Paragraph({ children: runs }));
  }
  for (const g of d.groups) {
    children.push(
      heading(`三、${g.label}（新增 ${g.counts.added}，删除 ${g.counts.removed}，修改 ${g.counts.changed}，未变 ${g.counts.unchanged}）`),
    );
    const changed = g.rows.filter((r) => r.status !== 'unchanged');
    if (changed.length === 0) {
      children.push(new Paragraph({ children: [run('与上年相同。')] }));
      continue;
    }
    const keyWidth = Math.round((TEXT_WIDTH * 0.5) / g.keyLabels.length);
    const rest = Math.round((TEXT_WIDTH * 0.5 - 800) / 2);
    children.push(
      table(
        [800, ...g.keyLabels.map(() => keyWidth), rest, rest],
        [
          ['变化', ...g.keyLabels, `${meta.before.year} 年`, `${meta.after.year} 年`],
          ...changed.map((r) => [
            STATUS[r.status],
            ...r.key,
            r.status === 'added' ? '' : r.changes.length ? r.changes.map((c) => `${c.label}：${c.before}`).join('\n') : '（整行删除）',
            r.status === 'removed' ? '' : r.changes.length ? r.changes.map((c) => `${c.label}：${c.after}`).join('\n') : '（整行新增）',
          ]),
        ],
        ['center', ...g.keyLabels.map(() => 'left' as const), 'left', 'left'],
      ),
    );
  }
  return new Document({
    title: `${meta.title}年度对比`,
    creator: '绩效目标申报',
    styles: { default: { document: { run: { font: FONT, size: 24, language: LANGUAGE } } } },
    sections: [
      {
        properties: {
          page: { size: { width: 11906, height: 16838 }, margin: { top: mm(30), bottom: mm(30), left: mm(25), right: mm(25) } },
        },
        children,
      },
    ],
  });
}

export async function compareDocx(d: FormDiff, meta: CompareMeta): Promise<Uint8Array> {
  const buf = await Packer.toBuffer(buildCompareDocument(d, meta));
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}
