/** Texts the 汇总's files share: how a coded name, the line under a title and an amount are shown. */
import type { Summary, SummarySection } from '../../../shared/contract';

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
