/** 效益指标: items "指标N：name" each with a description; or free text when it has no such items. */
import { memo, useRef } from 'react';
import { emptyBenefit, type BenefitIndicators, type BenefitItem } from '../../../../shared/form';
import { parseBenefit, splitPastedItems } from '../../../../shared/indicators';
import type { FieldDef } from '../../../../shared/template/schema';
import { useFieldMessages, useFieldValue } from '../hooks';
import { useSheet } from '../sheetContext';
import { ariaFor } from './CellMessages';
import { focusLabelLater } from './focusLater';
import { IndicatorText } from './IndicatorText';
import { ItemButtons, ItemText } from './ItemText';
import { insertAt, move, pasteItems, removeAt, replaceAt } from './listOps';

export const benefitNameLabel = (label: string, i: number): string => `${label}${i + 1} 名称`;
export const benefitDescLabel = (label: string, i: number): string => `${label}${i + 1} 说明`;

function asBenefit(v: unknown): BenefitIndicators {
  return v && typeof v === 'object' && 'mode' in v ? (v as BenefitIndicators) : emptyBenefit();
}

const isBlank = (b: BenefitItem) => b.name.trim() === '' && b.description.trim() === '';

/** A pasted block with 指标N： headings, or a numbered list of names, becomes items. */
export function pastedBenefitItems(text: string, headingsOnly = false): BenefitItem[] | null {
  if (/指标\s*([0-9０-９]+|[一二三四五六七八九十]+)\s*[：:]/.test(text)) {
    const b = parseBenefit(text);
    if (b.mode === 'items' && b.items.length > 0) return b.items;
  }
  if (headingsOnly) return null;
  const names = splitPastedItems(text);
  return names ? names.map((name) => ({ name, description: '' })) : null;
}

export const BenefitCell = memo(function BenefitCell({ def }: { def: FieldDef }) {
  const { store, readOnly, onLeaveCell } = useSheet();
  const value = asBenefit(useFieldValue(store, def.id));
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
        structureLabel="按“指标N：”分条整理"
        structured={(text) => {
          const b = parseBenefit(text);
          return b.mode === 'items' ? b : null;
        }}
        howToNumber="没有找到“指标1：名称”这样的标题，原文保持不变。请在每条效益指标前写上“指标1：”“指标2：”后再整理。"
      />
    );
  }

  const items = value.items;
  const setItems = (next: BenefitItem[], key?: string) =>
    store.set(def.id, { mode: 'items', items: next }, key ? { coalesceKey: key } : {});

  /** A description may itself be a numbered list, so only 指标N： headings split there. */
  function paste(i: number, text: string, headingsOnly = false): boolean {
    const pasted = pastedBenefitItems(text, headingsOnly);
    if (!pasted) return false;
    setItems(pasteItems(items, i, pasted, isBlank));
    return true;
  }

  return (
    <div className="indicators" role="group" aria-label={def.label} {...aria} ref={root} onBlur={onLeaveCell}>
      {items.map((item, i) => {
        const key = `${def.id}.${i}`;
        return (
          <div key={i} className="ben-item">
            <div className="ind-item">
              <span className="ind-num">指标{i + 1}：</span>
              <ItemText
                label={benefitNameLabel(def.label, i)}
                field={def.id}
                value={item.name}
                coalesceKey={`${key}.name`}
                onChange={(name) => setItems(replaceAt(items, i, { ...item, name }), `${key}.name`)}
                onEnter={() => focusLabelLater(root.current, benefitDescLabel(def.label, i))}
                onMove={(d) => {
                  setItems(move(items, i, d));
                  focusLabelLater(root.current, benefitNameLabel(def.label, Math.min(Math.max(i + d, 0), items.length - 1)));
                }}
                onPasteText={(t) => paste(i, t)}
              />
              {!readOnly && (
                <ItemButtons
                  label={`${def.label}${i + 1}`}
                  onUp={() => setItems(move(items, i, -1))}
                  onDown={() => setItems(move(items, i, 1))}
                  onRemove={() => setItems(removeAt(items, i))}
                />
              )}
            </div>
            <ItemText
              label={benefitDescLabel(def.label, i)}
              field={def.id}
              value={item.description}
              coalesceKey={`${key}.description`}
              multiline
              className="v-item v-desc"
              onChange={(description) => setItems(replaceAt(items, i, { ...item, description }), `${key}.description`)}
              onPasteText={(t) => paste(i, t, true)}
            />
          </div>
        );
      })}
      {!readOnly && (
        <button
          type="button"
          className="cell-tool no-print"
          onClick={() => {
            setItems(insertAt(items, items.length, [{ name: '', description: '' }]));
            focusLabelLater(root.current, benefitNameLabel(def.label, items.length));
          }}
        >
          ＋ 添加{def.label}
        </button>
      )}
    </div>
  );
});
