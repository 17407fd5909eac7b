import { notifications } from '@mantine/notifications';

export const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export function notifyError(e: unknown, title = '操作没有完成'): void {
  notifications.show({ color: 'red', title, message: errorText(e), autoClose: 8000 });
}

export function notifyOk(message: string, title?: string): void {
  notifications.show({ color: 'green', title, message, autoClose: 4000 });
}
