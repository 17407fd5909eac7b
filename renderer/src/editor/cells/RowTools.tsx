/**
 * The row tools of a repeating group: small buttons beside a row, just outside the table's
 * right edge and never printed. Out of the Tab order (Tab walks the cells); the keys in the
 * cells do the same (Enter, Ctrl+Delete, Alt+↑/↓).
 */
import { memo } from 'react';
import { groupRowName, outerHeadings } from '../groupRows';
import { useSheet } from '../sheetContext';

export interface RowToolsProps {
  group: string;
  /** The data row, or null for a padding row (blank, past the end of the list). */
  row: number | null;
  /** The group's last row on paper: it also carries 「＋ 添加一行」. */
  last: boolean;
}

export const RowTools = memo(function RowTools({ group, row, last }: RowToolsProps) {
  const { store, rowAction } = useSheet();
  const g = store.group(group);
  const name = row === null ? '' : groupRowName(g, row);
  const outer = outerHeadings(g);
  const inner = g.columns.filter((c) => c.merge && !outer.has(c.id)).map((c) => c.label);
  const insertHint = `在下方插入一行（在最后一列按回车）${outer.size && inner.length ? `；在最后一列按 Shift+回车，在下方开始新的${inner.join('、')}` : ''}`;
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
