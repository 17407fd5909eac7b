/** Texts the 汇总's files share: how a coded name, the line under a title and an amount are shown. */
import type { StageColumn, Summary, SummarySection, SummaryStage } from '../../../shared/contract';

export const CHECK_TEXT = { error: '有错误', warning: '有提示', complete: '完整', unreadable: '无法读取' } as const;

/** "042-六安市金安区体育局", as published exports name units and departments. */
export const coded = (code: string, name: string): string => (code ? `${code}-${name}` : name);

/** The line under the title: the money unit, what the 汇总 was limited to, how many forms. */
export function noteLine(summary: Summary, section: SummarySection): string {
  const parts = ['金额单位：万元'];
  const { parent, status } = summary.filter;
  if (parent !== undefined)
    parts.push(`主管部门：${section.parents[0] ? coded(section.parents[0].code, section.parents[0].name) : parent}`);
  if (status) parts.push(`检查结果：${CHECK_TEXT[status]}`);
  parts.push(`共 ${section.counts.forms} 份表单`);
  return parts.join('　　');
}

/** An amount as printed in the 汇总: thousands separators, at least two decimals and every decimal it has. */
export function shownAmount(exact: string): string {
  const [i, f = ''] = exact.split('.');
  return `${i.replace(/\B(?=(\d{3})+$)/g, ',')}.${f.padEnd(2, '0')}`;
}

/** What a later stage's 汇总 is called (Tianjin's 绩效自评项目汇总表, Hefei's 运行监控统计表). */
export const STAGE_TITLES: Record<SummaryStage, string> = { selfEvaluation: '绩效自评项目汇总表', monitoring: '绩效运行监控统计表' };

/** A stage table's cell as printed (Word, the command line): amounts as shownAmount, percentages with %. */
export function stageCellText(column: StageColumn, value: string | undefined): string {
  const v = value ?? '';
  if (v === '') return '';
  if (column.kind === 'amount') return shownAmount(v);
  if (column.kind === 'percent') return `${v}%`;
  return v;
}

/** The figures of a stage 汇总 on one line: 申报项目 30 已自评 20 未自评 10 … */
export const figuresLine = (figures: readonly { label: string; value: string }[]): string =>
  figures.map((f) => `${f.label} ${f.value}`).join('　');
