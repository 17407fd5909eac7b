/**
 * 原表: the table a form was read from, drawn as the file has it (spans kept), beside what was
 * read — cells whose text the form took are green, cells listed as 未归位 orange (issue #21
 * point 5). The marks are made in the core (electron/core/import/sourceGrid.ts).
 */
import { Group, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import type { ImportPreview } from '../../../../shared/contract';

type SourceTable = ImportPreview['sourceTables'][number];
type SourceCell = SourceTable['cells'][number];

const MARK_STYLE: Record<SourceCell['mark'], React.CSSProperties> = {
  read: { background: '#d3f9d8' },
  unplaced: { background: '#ffe8cc', outline: '2px solid #fd7e14', outlineOffset: -2 },
  none: {},
};
const MARK_TITLE: Record<SourceCell['mark'], string> = { read: '已读入', unplaced: '未归位：表样中没有它的位置', none: '' };
const LIT: React.CSSProperties = { outline: '3px solid #1c7ed6', outlineOffset: -3 };

const norm = (s: string) => s.replace(/\s+/g, '').replace(/[：:]/g, ':');
/** The cell holds `value`, alone or after its label's colon (as the core marks it read). */
const holds = (cell: string, value: string) => value !== '' && (cell === value || cell.endsWith(`:${value}`));

function Grid({ table, lit }: { table: SourceTable; lit: string }) {
  // Which cell starts at each position, and which positions a span covers.
  const starts = new Map<string, SourceCell>();
  const covered = new Set<string>();
  for (const c of table.cells) {
    starts.set(`${c.row},${c.col}`, c);
    for (let r = c.row; r < c.row + c.rowSpan; r++) for (let k = c.col; k < c.col + c.colSpan; k++) covered.add(`${r},${k}`);
  }
  const rows = Array.from({ length: table.rows }, (_, r) => {
    const tds: React.ReactNode[] = [];
    for (let k = 0; k < table.cols; k++) {
      const c = starts.get(`${r},${k}`);
      if (c)
        tds.push(
          <td
            key={k}
            rowSpan={c.rowSpan}
            colSpan={c.colSpan}
            data-mark={c.mark}
            data-lit={holds(norm(c.text), lit) || undefined}
            title={MARK_TITLE[c.mark]}
            style={holds(norm(c.text), lit) ? { ...MARK_STYLE[c.mark], ...LIT } : MARK_STYLE[c.mark]}
          >
            {c.text}
          </td>,
        );
      else if (!covered.has(`${r},${k}`)) tds.push(<td key={k} />);
    }
    return <tr key={r}>{tds}</tr>;
  });
  return (
    <table className="import-source-grid">
      <tbody>{rows}</tbody>
    </table>
  );
}

/** `lit`: the value the pointer is on in the read results; the cells holding it are outlined. */
export function ImportSource({ tables, lit = '' }: { tables: ImportPreview['sourceTables']; lit?: string }) {
  const value = useMemo(() => norm(lit), [lit]);
  const counts = { read: 0, unplaced: 0 };
  for (const t of tables) for (const c of t.cells) if (c.mark !== 'none') counts[c.mark]++;
  return (
    <Stack gap={4} data-testid="import-source">
      <Group gap="xs">
        <Text size="xs" fw={700}>
          原表
        </Text>
        <Text size="xs" span style={MARK_STYLE.read} px={4}>
          已读入 {counts.read} 格
        </Text>
        <Text size="xs" span style={MARK_STYLE.unplaced} px={4}>
          未归位 {counts.unplaced} 格
        </Text>
      </Group>
      {tables.map((t, i) => (
        <Stack key={i} gap={2}>
          <Grid table={t} lit={value} />
          {t.cut && (
            <Text size="xs" c="dimmed">
              表格较大，这里只画出前 {t.rows} 行、{t.cols} 列（读取时全部读了）
            </Text>
          )}
        </Stack>
      ))}
    </Stack>
  );
}
