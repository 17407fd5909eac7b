/** 固化 rows kept (shared/fixedRows.ts): each fixed row of the group is in the form, its locked columns as the template says. */
import { z } from 'zod';
import { fixedRowIndexes } from '../fixedRows';
import { rowsOf } from '../formOps';
import type { Message } from '../messages';
import { paramText } from './params';
import { defineCheck } from './types';

export const fixedRowsKept = defineCheck({
  name: 'fixedRowsKept',
  description: '表样固化的指标行不能删除，其锁定的栏目（一级、二级、三级指标、指标性质）不能改动',
  params: z.object({ group: paramText(), name: paramText() }).strict(),
  refs: (p) => ({ columns: [{ group: p.group, column: p.name }] }),
  run({ form, template }, p) {
    const g = template.groups?.find((x) => x.id === p.group);
    if (!g?.fixedRows?.length) return [];
    const at = fixedRowIndexes(g, rowsOf(form.values, g.id));
    return g.fixedRows.flatMap((f, i): Message[] => {
      if (at[i] >= 0) return [];
      const name = f.values[p.name] ?? '';
      const locked = f.locked.map((c) => `${g.columns.find((x) => x.id === c)?.label ?? c}「${f.values[c]}」`).join('、');
      return [
        {
          field: p.group,
          severity: 'error',
          code: 'fixedRowMissing',
          message: `表样固化的指标「${name}」不见了或被改动：这一行必须保留，且${locked}不能改。建议：按这些内容补回这一行（从上年生成新年度或新建表单时会自动加上）`,
        },
      ];
    });
  },
});
