import type { TemplateDef } from '../template/types';
import { bumenZhengti2019 } from './bumen-zhengti-2019';

export const TEMPLATES: readonly TemplateDef[] = [bumenZhengti2019];
export const DEFAULT_TEMPLATE_ID = bumenZhengti2019.id;

export function getTemplate(id: string): TemplateDef {
  const t = TEMPLATES.find((x) => x.id === id);
  if (!t) throw new Error(`未知的表格模板：${id}`);
  return t;
}
