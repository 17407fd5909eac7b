/** The Chinese application menu. Developer tools appear only when not packaged. */
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  openDataFolder(): void;
  openLogFolder(): void;
  about(): void;
}

export function menuTemplate(actions: MenuActions, opts: { devTools: boolean; isMac?: boolean }): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom', label: '实际大小' },
    { role: 'zoomIn', label: '放大' },
    { role: 'zoomOut', label: '缩小' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: '全屏' },
  ];
  if (opts.devTools)
    view.push({ type: 'separator' }, { role: 'reload', label: '重新加载' }, { role: 'toggleDevTools', label: '开发者工具' });
  return [
    {
      label: '文件',
      submenu: [{ label: '打开数据文件夹', click: () => actions.openDataFolder() }, { type: 'separator' }, { role: 'quit', label: '退出' }],
    },
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    { label: '视图', submenu: view },
    {
      label: '帮助',
      submenu: [
        { label: '打开日志文件夹', click: () => actions.openLogFolder() },
        { type: 'separator' },
        { label: '关于绩效目标申报', click: () => actions.about() },
      ],
    },
  ];
}
