/** 产出指标: four numbered parts, each a list of one-line items; or free text when it has no parts. */
import { memo, useRef } from 'react';
import { OUTPUT_PARTS, OUTPUT_PART_LABELS, emptyOutput, type OutputIndicators, type OutputPart } from '../../../../shared/form';
import { parseOutput, splitPastedItems } from '../../../../shared/indicators';
import type { FieldDef } from '../../../../shared/template/schema';
import { useFieldMessages, useFieldValue } from '../hooks';
import { useSheet } from '../sheetContext';
import { ariaFor } from './CellMessages';
import { focusLabelLater } from './focusLater';
import { IndicatorText } from './IndicatorText';
import { ItemButtons, ItemText } from './ItemText';
import { insertAt, move, pasteItems, removeAt, replaceAt } from './listOps';

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
export const outputItemLabel = (part: OutputPart, i: number): string => `${OUTPUT_PART_LABELS[part]} 第${i + 1}条`;

function asOutput(v: unknown): OutputIndicators {
  return v && typeof v === 'object' && 'mode' in v ? (v as OutputIndicators) : emptyOutput();
}

export const OutputCell = memo(function OutputCell({ def }: { def: FieldDef }) {
  const { store, readOnly, onLeaveCell } = useSheet();
  const value = asOutput(useFieldValue(store, def.id));
  const messages = useFieldMessages(store, def.id);
  const root = useRef<HTMLDivElement>(null);
  const aria = ariaFor(def.id, messages);

  if (value.mode === 'text') {
    return (
      <IndicatorText
        def={def}
        text={value.text}
        messages={messages}
        root={root}
        structureLabel="按数量、质量、时效、成本指标分条整理"
        structured={(text) => {
          const o = parseOutput(text);
          return o.mode === 'parts' ? o : null;
        }}
        howToNumber="没有找到“数量指标：”“质量指标：”等小标题，原文保持不变。请在各部分前写上这些小标题后再整理。"
      />
    );
  }

  const parts = value.parts;
  const setPart = (part: OutputPart, items: string[], key?: string) =>
    store.set(def.id, { mode: 'parts', parts: { ...parts, [part]: items } }, key ? { coalesceKey: key } : {});

  function pasteInto(part: OutputPart, i: number, text: string): boolean {
    const structured = parseOutput(text);
    if (structured.mode === 'parts' && OUTPUT_PARTS.filter((p) => structured.parts[p].length).length > 1) {
      const merged = { ...parts };
      for (const p of OUTPUT_PARTS) merged[p] = [...parts[p].filter((x) => x.trim() !== ''), ...structured.parts[p]];
      store.set(def.id, { mode: 'parts', parts: merged });
      return true;
    }
    const items = splitPastedItems(text);
    if (!items) return false;
    setPart(
      part,
      pasteItems(parts[part], i, items, (x) => x.trim() === ''),
    );
    focusLabelLater(root.current, outputItemLabel(part, (parts[part][i]?.trim() ? i + 1 : i) + items.length - 1));
    return true;
  }

  return (
    <div className="indicators" role="group" aria-label={def.label} {...aria} ref={root} onBlur={onLeaveCell}>
      {OUTPUT_PARTS.map((part, pi) => (
        <div key={part} className="ind-part">
          <div className="ind-heading">
            {CN[pi]}、{OUTPUT_PART_LABELS[part]}：
          </div>
          {parts[part].map((item, i) => {
            const label = outputItemLabel(part, i);
            return (
              <div key={i} className="ind-item">
                <span className="ind-num">{i + 1}、</span>
                <ItemText
                  label={label}
                  field={def.id}
                  value={item}
                  coalesceKey={`${def.id}.${part}.${i}`}
                  onChange={(t) => setPart(part, replaceAt(parts[part], i, t), `${def.id}.${part}.${i}`)}
                  onEnter={() => {
                    setPart(part, insertAt(parts[part], i + 1, ['']));
                    focusLabelLater(root.current, outputItemLabel(part, i + 1));
                  }}
                  onBackspaceEmpty={() => {
                    setPart(part, removeAt(parts[part], i));
                    if (i > 0) focusLabelLater(root.current, outputItemLabel(part, i - 1));
                  }}
                  onMove={(d) => {
                    setPart(part, move(parts[part], i, d));
                    focusLabelLater(root.current, outputItemLabel(part, Math.min(Math.max(i + d, 0), parts[part].length - 1)));
                  }}
                  onPasteText={(t) => pasteInto(part, i, t)}
                  suggestFor={{ level1: '产出指标', level2: OUTPUT_PART_LABELS[part] }}
                  onPick={(t) => setPart(part, replaceAt(parts[part], i, t))}
                />
                {!readOnly && (
                  <ItemButtons
                    label={`${OUTPUT_PART_LABELS[part]}第${i + 1}条`}
                    onUp={() => setPart(part, move(parts[part], i, -1))}
                    onDown={() => setPart(part, move(parts[part], i, 1))}
                    onRemove={() => setPart(part, removeAt(parts[part], i))}
                  />
                )}
              </div>
            );
          })}
          {!readOnly && (
            <button
              type="button"
              className="cell-tool no-print"
              onClick={() => {
                setPart(part, [...parts[part], '']);
                focusLabelLater(root.current, outputItemLabel(part, parts[part].length));
              }}
            >
              ＋ 添加{OUTPUT_PART_LABELS[part]}
            </button>
          )}
        </div>
      ))}
    </div>
  );
});
