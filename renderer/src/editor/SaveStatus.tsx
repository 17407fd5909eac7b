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
    >
      {statusText(status)}
      {status.state === 'error' && (
        <button type="button" className="save-retry" onClick={() => void saver.flush()}>
          重试
        </button>
      )}
    </span>
  );
}
