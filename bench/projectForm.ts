/**
 * The project form the benches use: the shared 2025 fixture grown to 40 indicator rows, the size
 * of a large real project form.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FormData } from '../shared/form';
import { withComputed } from '../shared/formOps';
import { fromLabelJson } from '../shared/labelJson';
import { xiangmuZhichu } from '../shared/templates/xiangmu-zhichu';

export const PROJECT_TEMPLATE = xiangmuZhichu;

export function projectForm40(): FormData {
  const json = JSON.parse(readFileSync(fileURLToPath(new URL('../test/fixtures/xiangmu-2025-tiyu.json', import.meta.url)), 'utf8'));
  const rows = json['绩效指标'] as Record<string, string>[];
  for (let i = rows.length; i < 40; i++)
    rows.splice(2, 0, { 一级指标: '产出指标', 二级指标: '数量指标', 三级指标: `举办社区健身活动第${i}场`, 指标值: `≥${i}场` });
  return withComputed(fromLabelJson(json, xiangmuZhichu).form, xiangmuZhichu);
}
