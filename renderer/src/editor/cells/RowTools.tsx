/**
 * The row tools of a repeating group: small buttons beside a row, just outside the table's
 * right edge and never printed. Out of the Tab order (Tab walks the cells); the keys in the
 * cells do the same (Enter, Ctrl+Delete, Alt+↑/↓). In a group with headings inside headings
 * (二级 within 一级), 「＋ 二级」 starts a new 二级 under the row's 一级 (Shift+Enter does too).
 */
import { memo } from 'react';
import type { GroupDef } from '../../../../shared/template/schema';
import { groupRowName, outerHeadings } from '../groupRows';
import { useSheet } from '../sheetContext';

export interface RowToolsProps {
  group: string;
  /** The data row, or null for a padding row (blank, past the end of the list). */
  row: number | null;
  /** The group's last row on paper: it also carries 「＋ 添加一行」. */
  last: boolean;
}

/** The outer headings by name (一级指标). */
function outerName(g: GroupDef, outer: Set<string>): string {
  return g.columns
    .filter((c) => outer.has(c.id))
    .map((c) => (c.printed ?? c.label).replace(/^\*/, ''))
    .join('、');
}

export const RowTools = memo(function RowTools({ group, row, last }: RowToolsProps) {
  const { store, rowAction } = useSheet();
  const g = store.group(group);
  const name = row === null ? '' : groupRowName(g, row);
  const outer = outerHeadings(g);
  const inner = g.columns.filter((c) => c.merge && !outer.has(c.id)).map((c) => c.label);
  const newRun = outer.size > 0 && inner.length > 0;
  const insertHint = `在下方插入一行（在最后一列按回车）${newRun ? `；在最后一列按 Shift+回车，在下方开始新的${inner.join('、')}` : ''}`;
  // 「＋ 二级」: the innermost headings by their printed name (二级指标 under both 中期 and 年度), short.
  const innerPrinted = [
    ...new Set(g.columns.filter((c) => c.merge && !outer.has(c.id)).map((c) => (c.printed ?? c.label).replace(/^\*/, ''))),
  ];
  const innerName = innerPrinted.join('、');
  const innerShort = innerPrinted.map((n) => n.replace(/指标$/, '')).join('、');
  return (
    <td className="row-tools no-print">
      {row !== null && (
        <span className="row-tool-buttons">
          <button
            type="button"
            tabIndex={-1}
            title={insertHint}
            aria-label={`在${name}下方插入一行`}
            onClick={() => rowAction(group, 'insertBelow', row)}
          >
            ＋
          </button>
          <button
            type="button"
            tabIndex={-1}
            title="删除此行（Ctrl+Delete）"
            aria-label={`删除${name}`}
            onClick={() => rowAction(group, 'remove', row)}
          >
            ×
          </button>
          <button type="button" tabIndex={-1} title="上移（Alt+↑）" aria-label={`上移${name}`} onClick={() => rowAction(group, 'up', row)}>
            ↑
          </button>
          <button
            type="button"
            tabIndex={-1}
            title="下移（Alt+↓）"
            aria-label={`下移${name}`}
            onClick={() => rowAction(group, 'down', row)}
          >
            ↓
          </button>
        </span>
      )}
      {row !== null && newRun && (
        <button
          type="button"
          tabIndex={-1}
          className="row-tool-run"
          title={`在下方新增一个${innerName}（同一${outerName(g, outer)}下；也可在最后一列按 Shift+回车）`}
          aria-label={`在${name}下方新增${innerName}`}
          onClick={() => rowAction(group, 'insertNewRun', row)}
        >
          ＋ {innerShort}
        </button>
      )}
      {last && (
        <button
          type="button"
          className="row-tool-add"
          tabIndex={-1}
          title={`在${g.label}末尾添加一行`}
          aria-label={`在${g.label}末尾添加一行`}
          onClick={() => rowAction(group, 'append', store.rows(group).length)}
        >
          ＋ 添加一行
        </button>
      )}
    </td>
  );
});
