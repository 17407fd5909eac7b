/**
 * What the store left out when it opened (a stored template that does not read, one whose id a
 * built-in now has: issue #27), shown once at start as notifications that stay until closed, so
 * the clerk learns why forms of that template open differently or not at all.
 */
import { notifications } from '@mantine/notifications';
import { useEffect, useRef } from 'react';
import { api } from '../api';

export const NOTICE_TITLE = '打开数据库时发现的问题';

export function useStartupNotices(): void {
  // StrictMode runs effects twice in development; the ref keeps it to one request and one set of notifications.
  const asked = useRef(false);
  useEffect(() => {
    if (asked.current) return;
    asked.current = true;
    api['app.info']({}).then(
      ({ notices }) => {
        for (const message of notices) notifications.show({ color: 'yellow', title: NOTICE_TITLE, message, autoClose: false });
      },
      // Only a notice is lost: every other request says for itself what went wrong.
      () => undefined,
    );
  }, []);
}
