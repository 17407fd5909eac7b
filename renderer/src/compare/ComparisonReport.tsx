/**
 * 年度对比 as a report, drawn from the comparison the core worked out (compare.get): the money
 * side by side with the change and percentage, each changed text with what was taken out struck
 * through in red and what was put in underlined in green, and each repeating group's rows by
 * status — 新增, 删除, 修改 (old → new), and 未变, collapsed to their count until asked for.
 * Used on screen and, the same, for printing on A4.
 */
import { Fragment, useState } from 'react';
import { keyColumns } from '../../../shared/compare/formDiff';
import type { Output } from '../../../shared/contract';
import type { GroupDef, TemplateDef } from '../../../shared/template/schema';

export type Comparison = Output<'compare.get'>;
type Group = Comparison['diff']['groups'][number];
type Row = Group['rows'][number];
type TextDiff = Comparison['diff']['texts'][number];

const STATUS_LABEL = { added: '新增', removed: '删除', changed: '修改', unchanged: '未变' } as const;

const blank = (s: string) => (s.trim() === '' ? '—' : s);

/** A run of changed text; a line break in it is shown, so a deleted or added break can be seen. */
function Run({ op, text }: { op: 'insert' | 'delete'; text: string }) {
  const shown = text.replace(/\n/g, '↵\n');
  return op === 'delete' ? (
    <del className="diff-del" title="删去的文字">
      {shown}
    </del>
  ) : (
    <ins className="diff-ins" title="新增的文字">
      {shown}
    </ins>
  );
}

export function TextOps({ ops }: { ops: TextDiff['ops'] }) {
  return <>{ops.map((o, i) => (o.op === 'equal' ? <Fragment key={i}>{o.text}</Fragment> : <Run key={i} op={o.op} text={o.text} />))}</>;
}

/** old → new, the old struck and the new underlined. */
function Change({ before, after }: { before: string; after: string }) {
  return (
    <span className="diff-change">
      {before.trim() ? <del className="diff-del">{before}</del> : <span className="diff-empty">（空）</span>}
      <span className="diff-arrow" aria-label="改为">
        {' → '}
      </span>
      {after.trim() ? <ins className="diff-ins">{after}</ins> : <span className="diff-empty">（空）</span>}
    </span>
  );
}

const signed = (change: string) => (change === '' ? '—' : change.startsWith('-') ? change : change === '0' ? '0' : `+${change}`);
const pct = (p: string) => (p === '' ? '—' : `${p.startsWith('-') || /^0(\.0)?$/.test(p) ? '' : '+'}${p}%`);

function MoneyTable({ c }: { c: Comparison }) {
  const { money } = c.diff;
  if (money.length === 0) return null;
  return (
    <section className="cmp-section" aria-labelledby="cmp-money">
      <h3 id="cmp-money">金额（万元）</h3>
      <table className="cmp-table cmp-money" data-testid="cmp-money">
        <thead>
          <tr>
            <th scope="col">项目</th>
            <th scope="col">{c.before.year}年</th>
            <th scope="col">{c.after.year}年</th>
            <th scope="col">增减</th>
            <th scope="col">增减幅度</th>
          </tr>
        </thead>
        <tbody>
          {money.map((m) => {
            const changed = m.before.trim() !== m.after.trim();
            const dir = m.change.startsWith('-') ? 'down' : m.change && m.change !== '0' ? 'up' : '';
            return (
              <tr key={m.field} className={changed ? 'cmp-changed' : undefined} data-changed={changed || undefined}>
                <th scope="row">{m.label}</th>
                <td className="num">{blank(m.before)}</td>
                <td className="num">{blank(m.after)}</td>
                <td className={`num ${dir}`}>{changed ? signed(m.change) : '—'}</td>
                <td className={`num ${dir}`}>{changed ? pct(m.percent) : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

function Texts({ c }: { c: Comparison }) {
  const changed = c.diff.texts.filter((t) => !t.same);
  const same = c.diff.texts.filter((t) => t.same);
  return (
    <section className="cmp-section" aria-labelledby="cmp-texts">
      <h3 id="cmp-texts">文字内容</h3>
      {changed.length === 0 && <p className="cmp-none">文字内容没有变化。</p>}
      {changed.map((t) => (
        <div key={t.field} className="cmp-text" data-testid={`cmp-text-${t.field}`}>
          <div className="cmp-text-label">
            {t.label}
            {t.granularity === 'line' && <span className="cmp-note">（改动较多，按行对比）</span>}
            {t.granularity === 'whole' && <span className="cmp-note">（全文改写）</span>}
          </div>
          <div className="cmp-text-body">
            <TextOps ops={t.ops} />
          </div>
        </div>
      ))}
      {same.length > 0 && (
        <p className="cmp-same-texts" data-testid="cmp-same-texts">
          未变：{same.map((t) => t.label).join('、')}
        </p>
      )}
    </section>
  );
}

/** The columns of a group besides those that identify a row (指标值, and the Hunan form's others). */
function otherColumns(t: TemplateDef, group: string): { id: string; label: string }[] {
  const g: GroupDef | undefined = t.groups?.find((x) => x.id === group);
  if (!g) return [];
  const keys = new Set(keyColumns(g));
  const placed = new Set(g.cells.map((c) => c.column));
  return g.columns.filter((c) => !keys.has(c.id) && placed.has(c.id)).map((c) => ({ id: c.id, label: c.label }));
}

function KeyCells({ r, struck }: { r: Row; struck?: boolean }) {
  return (
    <>
      {r.key.map((k, i) => (
        <td key={i} className={i === r.key.length - 1 ? 'cmp-key-last' : 'cmp-key'}>
          {struck ? <del className="diff-del">{k}</del> : k}
        </td>
      ))}
    </>
  );
}

function StatusTable({
  g,
  status,
  rows,
  others,
}: {
  g: Group;
  status: Row['status'];
  rows: Row[];
  others: { id: string; label: string }[];
}) {
  const cols = status === 'changed' ? [] : others;
  return (
    <table className={`cmp-table cmp-rows cmp-${status}`} data-testid={`cmp-${g.group}-${status}`}>
      <thead>
        <tr>
          {g.keyLabels.map((l, i) => (
            <th key={l} scope="col" className={i === g.keyLabels.length - 1 ? 'cmp-kh-last' : 'cmp-kh'}>
              {l}
            </th>
          ))}
          {status === 'changed' ? (
            <th scope="col">改动</th>
          ) : (
            cols.map((c) => (
              <th key={c.id} scope="col">
                {c.label}
              </th>
            ))
          )}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i} data-status={r.status}>
            <KeyCells r={r} struck={status === 'removed'} />
            {status === 'changed' ? (
              <td>
                {r.changes.map((ch) => (
                  <div key={ch.column}>
                    <span className="cmp-col">{ch.label}：</span>
                    <Change before={ch.before} after={ch.after} />
                  </div>
                ))}
              </td>
            ) : (
              cols.map((c) => {
                const v = (r.after ?? r.before ?? {})[c.id] ?? '';
                return (
                  <td key={c.id}>
                    {status === 'removed' && v ? (
                      <del className="diff-del">{v}</del>
                    ) : status === 'added' && v ? (
                      <ins className="diff-ins">{v}</ins>
                    ) : (
                      v
                    )}
                  </td>
                );
              })
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function GroupSection({ g, t, unchangedOpen, onToggle }: { g: Group; t: TemplateDef; unchangedOpen: boolean; onToggle(): void }) {
  const others = otherColumns(t, g.group);
  const by = (s: Row['status']) => g.rows.filter((r) => r.status === s);
  const { counts } = g;
  const total = counts.added + counts.removed + counts.changed + counts.unchanged;
  return (
    <section className="cmp-section" aria-labelledby={`cmp-g-${g.group}`} data-testid={`cmp-group-${g.group}`}>
      <h3 id={`cmp-g-${g.group}`}>
        {g.label}
        <span className="cmp-counts" data-testid={`cmp-counts-${g.group}`}>
          {(['added', 'removed', 'changed', 'unchanged'] as const).map((s) => (
            <span key={s} className={`cmp-count cmp-count-${s}${counts[s] ? '' : ' zero'}`}>
              {STATUS_LABEL[s]} {counts[s]}
            </span>
          ))}
        </span>
      </h3>
      {total === 0 && <p className="cmp-none">两份表都没有填写{g.label}。</p>}
      {(['added', 'removed', 'changed'] as const).map((s) => {
        const rows = by(s);
        if (rows.length === 0) return null;
        return (
          <div key={s} className="cmp-status">
            <h4 className={`cmp-status-title cmp-title-${s}`}>
              {STATUS_LABEL[s]}（{rows.length}）
            </h4>
            <StatusTable g={g} status={s} rows={rows} others={others} />
          </div>
        );
      })}
      {counts.unchanged > 0 && (
        <div className="cmp-status">
          <h4 className="cmp-status-title cmp-title-unchanged">
            <button
              type="button"
              className="cmp-toggle"
              aria-expanded={unchangedOpen}
              aria-controls={`cmp-unchanged-${g.group}`}
              onClick={onToggle}
            >
              <span className="cmp-toggle-arrow" aria-hidden="true">
                {unchangedOpen ? '▾ ' : '▸ '}
              </span>
              未变（{counts.unchanged}）<span className="cmp-toggle-hint no-print">{unchangedOpen ? '收起' : '展开'}</span>
            </button>
          </h4>
          <div id={`cmp-unchanged-${g.group}`} hidden={!unchangedOpen}>
            {unchangedOpen && <StatusTable g={g} status="unchanged" rows={by('unchanged')} others={others} />}
          </div>
        </div>
      )}
    </section>
  );
}

export interface ComparisonReportProps {
  c: Comparison;
  /** The forms' template, for the columns of a group's rows besides the ones that identify them. */
  template: TemplateDef;
  /** Groups whose unchanged rows are shown (the screen's choice, so the printed copy follows it). */
  expanded?: Record<string, boolean>;
  onToggle?(group: string): void;
}

export function ComparisonReport({ c, template, expanded, onToggle }: ComparisonReportProps) {
  const [own, setOwn] = useState<Record<string, boolean>>({});
  const open = expanded ?? own;
  const toggle = onToggle ?? ((group: string) => setOwn((o) => ({ ...o, [group]: !o[group] })));
  const sameYear = c.before.year === c.after.year;
  return (
    <div className="cmp-report" data-testid="comparison">
      <div className="cmp-heading">
        <h2>{c.after.title || '（未命名）'} 年度对比</h2>
        <p className="cmp-sub">
          {c.before.year}年{sameYear || c.before.title !== c.after.title ? `「${c.before.title || '未命名'}」` : ''}（编号 {c.before.id}）→{' '}
          {c.after.year}年{sameYear || c.before.title !== c.after.title ? `「${c.after.title || '未命名'}」` : ''}（编号 {c.after.id}）
        </p>
        <p className="cmp-legend">
          <del className="diff-del">删去的文字</del>
          <ins className="diff-ins">新增的文字</ins>
        </p>
      </div>
      <MoneyTable c={c} />
      <Texts c={c} />
      {c.diff.groups.map((g) => (
        <GroupSection key={g.group} g={g} t={template} unchangedOpen={open[g.group] === true} onToggle={() => toggle(g.group)} />
      ))}
    </div>
  );
}
