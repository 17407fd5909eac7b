/**
 * One template's 汇总 as a finance table: per 主管部门 a 小计 row, under it its units (each with
 * its totals), under a unit its forms when the unit is opened; the 合计 at the foot. Amounts in
 * 万元, right-aligned; counts of forms and indicators; what the checks found as badges, the
 * problems of a form on hover (or focus) of its badge and under its name when its unit is open.
 * A form's name opens it in the editor.
 */
import { Badge, Tooltip } from '@mantine/core';
import { memo, useMemo, type ReactNode } from 'react';
import type { SummaryCounts, SummaryForm, SummarySection, SummaryUnit } from '../../../shared/contract';
import { codedName, columnDecimals, formatWan, STATUS_LABEL } from './format';

const COLOR = { error: 'red', warning: 'orange', complete: 'green', unreadable: 'gray' } as const;

/** Badges of a group: how many of its forms have errors, only warnings, are complete, unreadable. */
export function CountBadges({ counts }: { counts: SummaryCounts }) {
  const parts = (['error', 'warning', 'complete', 'unreadable'] as const).filter((k) => counts[k] > 0);
  return (
    <span className="sum-badges">
      {parts.map((k) => (
        <Badge
          key={k}
          size="sm"
          radius="sm"
          variant={k === 'complete' ? 'light' : 'filled'}
          color={COLOR[k]}
          title={`${counts[k]} 份${k === 'complete' ? '完整' : k === 'error' ? '有错误' : k === 'warning' ? '只有提醒' : '无法读取'}`}
        >
          {STATUS_LABEL[k]} {counts[k]}
        </Badge>
      ))}
    </span>
  );
}

/** A form's check: 错误 N / 提醒 N / 完整 / 无法读取, its problems in a tooltip. */
export function FormBadges({ form }: { form: SummaryForm }) {
  const badges: ReactNode[] = [];
  if (form.check === 'unreadable')
    badges.push(
      <Badge key="u" size="sm" radius="sm" color="gray">
        无法读取
      </Badge>,
    );
  else if (form.check === 'complete')
    badges.push(
      <Badge key="c" size="sm" radius="sm" variant="light" color="green">
        完整
      </Badge>,
    );
  else {
    if (form.errors > 0)
      badges.push(
        <Badge key="e" size="sm" radius="sm" color="red">
          错误 {form.errors}
        </Badge>,
      );
    if (form.warnings > 0)
      badges.push(
        <Badge key="w" size="sm" radius="sm" color="orange">
          提醒 {form.warnings}
        </Badge>,
      );
  }
  if (form.problems.length === 0) return <span className="sum-badges">{badges}</span>;
  return (
    <Tooltip
      multiline
      w={420}
      withArrow
      openDelay={150}
      label={
        <ul className="sum-problems-tip">
          {form.problems.map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ul>
      }
    >
      <span className="sum-badges" tabIndex={0} aria-label={`${form.title || '（未填名称）'}：${form.problems.join('；')}`}>
        {badges}
      </span>
    </Tooltip>
  );
}

const unitKey = (parentKey: string, u: SummaryUnit) => `${parentKey}\u0000${u.code}\u0000${u.name}`;

export interface SummaryTableProps {
  section: SummarySection;
  /** Units whose forms are shown, by `${templateId}\0${parentKey}\0${code}\0${name}`. */
  openUnits: ReadonlySet<string>;
  /** 主管部门 whose units are hidden, by `${templateId}\0${parentKey}`. */
  closedParents: ReadonlySet<string>;
  onToggleUnit(key: string): void;
  onToggleParent(key: string): void;
  onOpenForm(id: number): void;
}

export const SummaryTable = memo(function SummaryTable({
  section,
  openUnits,
  closedParents,
  onToggleUnit,
  onToggleParent,
  onOpenForm,
}: SummaryTableProps) {
  const money = section.moneyColumns;
  const span = 3 + money.length + 1;
  // Every amount of a column with as many decimals as its longest, so that the points line up.
  const decimals = useMemo(() => columnDecimals(section), [section]);
  const amounts = (values: readonly string[]) =>
    money.map((c, i) => (
      <td key={c.field} className="sum-num">
        {formatWan(values[i] ?? '', decimals[i])}
      </td>
    ));
  const rows: ReactNode[] = [];
  for (const p of section.parents) {
    const pKey = `${section.templateId}\u0000${p.key}`;
    const pOpen = !closedParents.has(pKey);
    const pName = codedName(p) || '（未填主管部门）';
    rows.push(
      <tr key={pKey} className="sum-parent">
        <th scope="row" className="sum-name">
          <button
            type="button"
            className="sum-toggle"
            aria-expanded={pOpen}
            aria-label={`${pOpen ? '收起' : '展开'}「${pName}」的单位`}
            onClick={() => onToggleParent(pKey)}
          >
            {pOpen ? '▾' : '▸'}
          </button>
          <span className="sum-parent-name">{pName}</span>
          <span className="sum-subtotal">小计</span>
        </th>
        <td className="sum-num">{p.counts.forms}</td>
        <td className="sum-num">{p.counts.indicators}</td>
        {amounts(p.totals)}
        <td>
          <CountBadges counts={p.counts} />
        </td>
      </tr>,
    );
    if (!pOpen) continue;
    for (const u of p.units) {
      const uKey = `${section.templateId}\u0000${unitKey(p.key, u)}`;
      const uOpen = openUnits.has(uKey);
      const uName = u.name || '（未填单位）';
      rows.push(
        <tr key={uKey} className="sum-unit">
          <th scope="row" className="sum-name">
            <button
              type="button"
              className="sum-toggle"
              aria-expanded={uOpen}
              aria-label={`${uOpen ? '收起' : '展开'}「${uName}」的 ${u.counts.forms} 份申报表`}
              onClick={() => onToggleUnit(uKey)}
            >
              {uOpen ? '▾' : '▸'}
            </button>
            <span className="sum-unit-name">{uName}</span>
            {u.code && <span className="sum-code">{u.code}</span>}
          </th>
          <td className="sum-num">{u.counts.forms}</td>
          <td className="sum-num">{u.counts.indicators}</td>
          {amounts(u.totals)}
          <td>
            <CountBadges counts={u.counts} />
          </td>
        </tr>,
      );
      if (!uOpen) continue;
      for (const f of u.forms)
        rows.push(
          <tr key={`${uKey}\u0000${f.id}`} className={`sum-form sum-form-${f.check}`}>
            <td className="sum-name">
              <button type="button" className="sum-form-link" onClick={() => onOpenForm(f.id)} title="在编辑器中打开">
                {f.title || '（未填名称）'}
              </button>
              {f.status === 'final' && <span className="sum-final">已定稿</span>}
              {f.problems.length > 0 && (
                <ul className="sum-problems">
                  {f.problems.map((m, i) => (
                    // Errors come first: the first `errors` of them.
                    <li
                      key={i}
                      className={
                        f.check === 'unreadable' ? 'sum-problem-unreadable' : i < f.errors ? 'sum-problem-error' : 'sum-problem-warning'
                      }
                    >
                      {m}
                    </li>
                  ))}
                </ul>
              )}
            </td>
            <td className="sum-num" />
            <td className="sum-num">{f.indicators}</td>
            {amounts(f.money)}
            <td>
              <FormBadges form={f} />
            </td>
          </tr>,
        );
    }
  }
  return (
    <div className="sum-table-wrap">
      <table className="sum-table" aria-label={`${section.templateTitle}汇总表`}>
        <colgroup>
          <col className="sum-col-name" />
          <col className="sum-col-count" />
          <col className="sum-col-count" />
          {money.map((c) => (
            <col key={c.field} className="sum-col-money" />
          ))}
          <col className="sum-col-check" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">主管部门 / 单位 / 申报表</th>
            <th scope="col" className="sum-num">
              表单数
            </th>
            <th scope="col" className="sum-num">
              指标数
            </th>
            {money.map((c) => (
              <th key={c.field} scope="col" className="sum-num">
                {c.label}
              </th>
            ))}
            <th scope="col">检查结果</th>
          </tr>
        </thead>
        <tbody>
          {rows.length ? (
            rows
          ) : (
            <tr>
              <td colSpan={span} className="sum-empty">
                没有符合条件的单位。
              </td>
            </tr>
          )}
        </tbody>
        <tfoot>
          <tr className="sum-total">
            <th scope="row" className="sum-name">
              合计
            </th>
            <td className="sum-num">{section.counts.forms}</td>
            <td className="sum-num">{section.counts.indicators}</td>
            {amounts(section.totals)}
            <td>
              <CountBadges counts={section.counts} />
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
});

/** The key SummaryTable gives a unit, for opening every unit at once. */
export const unitRowKey = (section: SummarySection, parentKey: string, u: SummaryUnit): string =>
  `${section.templateId}\u0000${unitKey(parentKey, u)}`;
