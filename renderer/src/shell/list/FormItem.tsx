/** One form in the side list: its name, its form's short name and its status; a checkbox before it while choosing. */
import { Badge } from '@mantine/core';
import { memo, type MouseEvent } from 'react';
import type { FormSummary } from '../../../../shared/contract';

export const FormItem = memo(function FormItem({
  f,
  index,
  active,
  tabbable,
  kind,
  stage,
  blank,
  picked,
  onSelect,
  onPick,
}: {
  f: FormSummary;
  index: number;
  active: boolean;
  tabbable: boolean;
  kind: string;
  /** A later-stage form (调整, 监控, 自评): drawn indented under its declaration, which the list puts just above it. */
  stage?: boolean;
  /** What a form is called while its name is blank: （未填项目名称）. */
  blank: string;
  /** Chosen for 导出所选; undefined when the list offers no choosing. */
  picked: boolean | undefined;
  onSelect(id: number): void;
  onPick(index: number, how: 'toggle' | 'range'): void;
}) {
  const title = f.title || blank;
  function onClick(e: MouseEvent<HTMLButtonElement>) {
    if (picked !== undefined && (e.ctrlKey || e.metaKey || e.shiftKey)) {
      e.preventDefault();
      onPick(index, e.shiftKey ? 'range' : 'toggle');
    } else onSelect(f.id);
  }
  const button = (
    <button
      type="button"
      className={`form-item${active ? ' active' : ''}${picked ? ' picked' : ''}${stage ? ' form-item-stage' : ''}`}
      aria-label={title}
      aria-current={active ? 'true' : undefined}
      data-index={index}
      data-id={f.id}
      tabIndex={tabbable ? 0 : -1}
      onClick={onClick}
    >
      <span className="form-item-text">
        <span className="form-item-title" title={title}>
          {title}
        </span>
        <span className="form-item-kind" title={kind}>
          {kind}
        </span>
      </span>
      {f.status === 'final' ? (
        <Badge size="xs" color="gray" className="form-item-badge">
          已定稿
        </Badge>
      ) : (
        <Badge size="xs" variant="light" className="form-item-badge">
          草稿
        </Badge>
      )}
    </button>
  );
  if (picked === undefined) return <div className="form-row">{button}</div>;
  return (
    <div className={`form-row pickable${picked ? ' picked' : ''}`}>
      <input
        type="checkbox"
        className="form-pick"
        checked={picked}
        tabIndex={tabbable ? 0 : -1}
        aria-label={`选择「${f.year}年 ${title}」`}
        title="选择这份表，用于「导出所选」（也可按住 Ctrl 或 Shift 点击）"
        onChange={(e) => onPick(index, (e.nativeEvent as unknown as { shiftKey?: boolean }).shiftKey ? 'range' : 'toggle')}
      />
      {button}
    </div>
  );
});
