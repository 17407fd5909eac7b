import { Button } from '@mantine/core';
import { useCallback, useSyncExternalStore } from 'react';
import type { Autosaver, SaveStatus as Status } from './autosave';

const time = (d: Date) => d.toLocaleTimeString('zh-CN', { hour12: false });

export function statusText(s: Status): string {
  switch (s.state) {
    case 'saved':
      return `已保存 ${time(s.at)}`;
    case 'dirty':
    case 'saving':
      return '正在保存…';
    case 'error':
      return `保存失败：${s.message}`;
    case 'conflict':
      return '没有保存：表单已在别处修改';
  }
}

/** What fits the status's fixed space in the toolbar; the whole text is its tooltip (and, for a failure, the line below). */
function shortText(s: Status): string {
  switch (s.state) {
    case 'error':
      return '保存失败';
    case 'conflict':
      return '没有保存';
    default:
      return statusText(s);
  }
}

/**
 * The save state in a space of its own fixed width (app.css .save-status), so that the toolbar's
 * buttons stay where they are while 正在保存… and 已保存 12:00:00 take turns.
 */
export function SaveStatus({ saver }: { saver: Autosaver }) {
  const sub = useCallback((fn: () => void) => saver.subscribe(fn), [saver]);
  const status = useSyncExternalStore(sub, () => saver.status);
  return (
    <span
      className={`save-status save-${status.state}`}
      data-testid="save-status"
      data-state={status.state}
      role="status"
      aria-live="polite"
      title={statusText(status)}
    >
      {shortText(status)}
    </span>
  );
}

/** A failed save, said in full under the toolbar's buttons, with 重试 where it is never cut. */
export function SaveErrorLine({ message, onRetry }: { message: string; onRetry(): void }) {
  return (
    <div className="save-error-line" role="alert" data-testid="save-error">
      <span>保存失败：{message.replace(/。$/, '')}。您输入的内容已暂存在本机，不会丢失。</span>
      <Button size="compact-xs" variant="default" onClick={onRetry}>
        重试
      </Button>
    </div>
  );
}
