/**
 * The tables of a later stage's 汇总, made from the forms' kept facts (facts.ts, stageFacts.ts).
 * Each table states its columns once (key, printed label, kind); the screen, the Excel and the
 * Word writer all read that spec, and a row's cells are keyed by column, never by position.
 *
 * 自评 (after Tianjin's 绩效自评项目汇总表, cycle.md §6): 一、已自评的项目 — one row per declared
 * project with a 自评, its money, 执行率, 总分 and grade; 二、自评得分低于 80 分的项目 with the rows
 * below full marks and their 偏差原因; 三、未自评的项目 — the declared projects of the year without
 * one, with their declared money and a blank for the reason. 一 + 三 are every declared project:
 * a declaration and its 自评 are linked by the forms' year, unit and title, as store/stages.ts
 * links them (stageLink). A 自评 whose declaration is not in the store is listed apart (四).
 *
 * 监控 (after Hefei's 运行监控统计表): per form its month, money, 执行率 against the time elapsed,
 * the spending light, the count of each light over its indicators and its worst light; the forms
 * with a red or yellow light again below.
 */
import type { CheckStatus, StageColumn, StageSummary, StageTable, SummaryStage } from '../../../shared/contract';
import { compare, div, formatRounded, fromInt, parseDecimal } from '../../../shared/compute/decimal';
import { compareListText } from '../../../shared/listOrder';
import { amountUnits, formatUnits } from '../../../shared/money';
import { LIGHT_NAMES, type Light } from '../../../shared/stage/lights';
import type { TemplateRegistry } from '../../../shared/template/registry';
import type { TemplateDef } from '../../../shared/template/schema';
import { stageLink } from '../store/stages';
import { summaryColumns } from './columns';
import type { FormFacts } from './facts';
import type { CodedName } from './parents';
import { emptyLights, percentOf, type MonitoringFacts, type SelfEvaluationFacts } from './stageFacts';
import { stageColumns } from './stageKinds';
import { coded } from './text';
import { byCodeThenName, checkStatus } from './tree';

/** Tianjin's 汇总 explains every project scored under 80 (cycle.md §6). */
export const LOW_SCORE = 80;

export interface StageInput {
  stage: SummaryStage;
  year: string;
  templates: TemplateRegistry;
  /** The stage's forms (of the templates summed). */
  forms: readonly FormFacts[];
  /** For 自评: the year's declarations of the roles the 自评 templates follow. */
  declarations: readonly FormFacts[];
  /** The 主管部门 of a form, resolved as the sections resolve it; null when the `parent` filter leaves it out. */
  parentOf(f: FormFacts): CodedName | null;
  /** The status filter: only stage forms with this check status in the lists (the links and figures count every form). */
  status?: CheckStatus;
}

type Cells = Record<string, string>;
const col = (key: string, label: string, kind: StageColumn['kind'] = 'text'): StageColumn => ({ key, label, kind });

const collator = new Intl.Collator('zh-CN', { numeric: true });

interface Placed {
  f: FormFacts;
  parent: CodedName;
}

/** The declaration 汇总's order: 主管部门 as its tree orders them, then units and forms as the form list does. */
const byPlace = (a: Placed, b: Placed): number =>
  byCodeThenName(a.parent, b.parent) || compareListText(a.f.unit, b.f.unit) || compareListText(a.f.title, b.f.title) || a.f.id - b.f.id;

const identityCells = (p: Placed): Cells => ({ parent: coded(p.parent.code, p.parent.name), unit: p.f.unit, title: p.f.title });
const IDENTITY = [col('parent', '主管部门'), col('unit', '实施单位'), col('title', '项目名称')];

/** Money columns of templates, by field id, labelled as the first template that has the field. */
function moneyColumnsOf(ts: readonly (TemplateDef | undefined)[]): StageColumn[] {
  const out = new Map<string, StageColumn>();
  for (const t of ts)
    if (t) for (const m of summaryColumns(t).money) if (!out.has(m.field)) out.set(m.field, col(`money:${m.field}`, m.label, 'amount'));
  return [...out.values()];
}

function moneyCells(f: FormFacts, t: TemplateDef | undefined): Cells {
  const out: Cells = {};
  if (t && f.readable) summaryColumns(t).money.forEach((m, i) => (out[`money:${m.field}`] = f.money[i] ?? ''));
  return out;
}

/** Σ of the amount columns of `rows`, exact. */
function sumAmountCells(columns: readonly StageColumn[], rows: readonly Cells[]): Cells {
  const out: Cells = {};
  for (const c of columns.filter((x) => x.kind === 'amount')) {
    let total = 0n;
    for (const r of rows) total += amountUnits(r[c.key] ?? '') ?? 0n;
    out[c.key] = formatUnits(total);
  }
  return out;
}

const placed = (forms: readonly FormFacts[], parentOf: StageInput['parentOf']): Placed[] =>
  forms.flatMap((f) => {
    const parent = parentOf(f);
    return parent ? [{ f, parent }] : [];
  });

function selfEvaluation(s: StageInput): StageSummary {
  const find = (f: FormFacts) => s.templates.find(f.templateId);
  const selfTs = [...new Set(s.forms.map((f) => f.templateId))].map((id) => s.templates.find(id));
  const evals = placed(s.forms, s.parentOf);
  const shown = (p: Placed) => !s.status || checkStatus(p.f) === s.status;
  const byLink = new Map<string, Placed[]>();
  for (const e of evals) {
    const k = stageLink({ year: s.year, unit: e.f.unit, title: e.f.title });
    if (k === null) continue;
    let list = byLink.get(k);
    if (!list) byLink.set(k, (list = []));
    list.push(e);
  }
  const declared = placed(s.declarations, s.parentOf).sort(byPlace);
  const linked = new Set<string>();
  const done: { decl: Placed; self: Placed; others: number }[] = [];
  const missing: Placed[] = [];
  for (const d of declared) {
    const k = stageLink({ year: s.year, unit: d.f.unit, title: d.f.title });
    const selfs = k === null ? undefined : byLink.get(k);
    if (!selfs) {
      missing.push(d);
      continue;
    }
    linked.add(k!);
    // Two 自评 of one project: the one saved last stands for it, the other is named in 备注.
    const newest = [...selfs].sort((a, b) => (a.f.updatedAt < b.f.updatedAt ? 1 : a.f.updatedAt > b.f.updatedAt ? -1 : b.f.id - a.f.id))[0];
    done.push({ decl: d, self: newest, others: selfs.length - 1 });
  }
  const orphans = evals
    .filter((e) => {
      const k = stageLink({ year: s.year, unit: e.f.unit, title: e.f.title });
      return k === null || !linked.has(k);
    })
    .sort(byPlace);

  const self = (p: Placed): SelfEvaluationFacts | null => (p.f.stage?.stage === 'selfEvaluation' ? p.f.stage : null);
  const selfCols = (t: TemplateDef | undefined) => {
    const c = t && stageColumns(t);
    return c && c.stage === 'selfEvaluation' ? c : null;
  };

  // 一、已自评
  const money = moneyColumnsOf(selfTs);
  const doneColumns = [
    ...IDENTITY,
    ...money,
    col('rate', '执行率', 'percent'),
    col('score', '自评得分', 'score'),
    col('grade', '自评等级'),
    col('check', '检查结果'),
    col('note', '备注'),
  ];
  const doneRows = done
    .filter((d) => shown(d.self))
    .map(({ self: p, others }) => {
      const f = self(p);
      return {
        formId: p.f.id,
        cells: {
          ...identityCells(p),
          ...moneyCells(p.f, find(p.f)),
          rate: f?.rate ?? '',
          score: f?.score ?? '',
          grade: f?.grade ?? '',
          check: p.f.readable ? (p.f.errors ? `错误 ${p.f.errors} 处` : p.f.warnings ? `提示 ${p.f.warnings} 处` : '完整') : '无法读取',
          note: others > 0 ? `另有 ${others} 份同名自评表` : '',
        },
      };
    });
  const doneTotal: Cells = {
    parent: '合计',
    ...sumAmountCells(
      doneColumns,
      doneRows.map((r) => r.cells),
    ),
  };
  // The 合计's 执行率 is Σ执行数 ÷ Σ预算数 (not a mean of rates), when every 自评 template names the same two fields.
  const rateFields = [
    ...new Set(selfTs.map((t) => (t && selfCols(t)?.rate ? t.fields.find((x) => x.id === selfCols(t)!.rate) : undefined))),
  ];
  const q = rateFields.length === 1 ? (rateFields[0]?.compute?.quotient as { a?: string; b?: string } | undefined) : undefined;
  if (q?.a && q.b) doneTotal.rate = percentOf(doneTotal[`money:${q.a}`] ?? '', doneTotal[`money:${q.b}`] ?? '');
  // The mean 总分, exact: the scores summed in millionths (a computed score has at most 6 places), not as
  // growing fractions (15,000 of those make denominators of 30,000 digits).
  let sum = 0n;
  let n = 0;
  for (const r of doneRows) {
    const x = parseDecimal(r.cells.score);
    if (!x) continue;
    sum += (x.n * 1_000_000n) / x.d;
    n++;
  }
  if (n > 0) {
    const mean = div({ n: sum, d: 1_000_000n }, fromInt(n));
    doneTotal.score = mean ? formatRounded(mean, 2, 'halfUp') : '';
    doneTotal.grade = '平均';
  }

  // 二、低于 80 分
  const lowColumns = [...IDENTITY, col('score', '自评得分', 'score'), col('grade', '自评等级'), col('reasons', '扣分指标及偏差原因')];
  const lowRows = [...done.map((d) => d.self), ...orphans]
    .filter((p) => {
      const sc = parseDecimal(self(p)?.score ?? '');
      return shown(p) && sc !== null && compare(sc, fromInt(LOW_SCORE)) < 0;
    })
    .sort(byPlace)
    .map((p) => {
      const f = self(p)!;
      const reasons = f.below.map((b) => `${b.name || '（未写三级指标）'}（${b.score}/${b.points}）：${b.reason || '未填写偏差原因'}`);
      return { formId: p.f.id, cells: { ...identityCells(p), score: f.score, grade: f.grade, reasons: reasons.join('；') } };
    });

  // 三、未自评
  const declTs = [...new Set(declared.map((d) => d.f.templateId))].map((id) => s.templates.find(id));
  const missingColumns = [...IDENTITY, ...moneyColumnsOf(declTs), col('reason', '未开展自评的原因')];
  const missingRows = missing.map((p) => ({ formId: p.f.id, cells: { ...identityCells(p), ...moneyCells(p.f, find(p.f)), reason: '' } }));

  // 四、找不到申报表的自评
  const orphanColumns = [...IDENTITY, ...money, col('score', '自评得分', 'score'), col('grade', '自评等级')];
  const orphanRows = orphans.filter(shown).map((p) => ({
    formId: p.f.id,
    cells: { ...identityCells(p), ...moneyCells(p.f, find(p.f)), score: self(p)?.score ?? '', grade: self(p)?.grade ?? '' },
  }));

  const tables: StageTable[] = [
    { key: 'evaluated', title: '一、已自评的项目', columns: doneColumns, rows: doneRows, total: doneTotal },
    { key: 'belowLow', title: `二、自评得分低于${LOW_SCORE}分的项目`, columns: lowColumns, rows: lowRows, total: null },
    {
      key: 'missing',
      title: '三、未自评的项目',
      columns: missingColumns,
      rows: missingRows,
      total: {
        parent: '合计',
        ...sumAmountCells(
          missingColumns,
          missingRows.map((r) => r.cells),
        ),
      },
    },
  ];
  if (orphanRows.length > 0)
    tables.push({ key: 'unmatched', title: '四、找不到申报表的自评', columns: orphanColumns, rows: orphanRows, total: null });

  const grades = new Map<string, number>();
  for (const r of doneRows) if (r.cells.grade) grades.set(r.cells.grade, (grades.get(r.cells.grade) ?? 0) + 1);
  const figure = (key: string, label: string, n: number) => ({ key, label, value: String(n) });
  return {
    stage: 'selfEvaluation',
    figures: [
      figure('declared', '申报项目', declared.length),
      figure('evaluated', '已自评', done.length),
      figure('missing', '未自评', missing.length),
      figure('belowLow', `低于${LOW_SCORE}分`, lowRows.length),
      ...[...grades.entries()].sort((a, b) => collator.compare(a[0], b[0])).map(([g, n]) => figure(`grade:${g}`, g, n)),
      ...(orphanRows.length ? [figure('unmatched', '找不到申报表的自评', orphanRows.length)] : []),
    ],
    tables,
  };
}

const LIGHTS: readonly Light[] = ['red', 'yellow', 'green', 'blue'];
const lightName = (l: Light | null | undefined): string => (l ? LIGHT_NAMES[l] : '');

function monitoring(s: StageInput): StageSummary {
  const forms = placed(
    s.forms.filter((f) => !s.status || checkStatus(f) === s.status),
    s.parentOf,
  ).sort(byPlace);
  const mon = (p: Placed): MonitoringFacts | null => (p.f.stage?.stage === 'monitoring' ? p.f.stage : null);
  const money = moneyColumnsOf([...new Set(forms.map((p) => p.f.templateId))].map((id) => s.templates.find(id)));
  const columns = [
    col('parent', '主管部门'),
    col('unit', '单位'),
    col('title', '名称'),
    col('month', '监控月份'),
    ...money,
    col('rate', '执行率', 'percent'),
    col('elapsed', '时间进度', 'percent'),
    col('spending', '资金预警'),
    ...LIGHTS.map((l) => col(`lights:${l}`, `${LIGHT_NAMES[l]}指标`, 'count')),
    col('worst', '目标预警'),
  ];
  const rows = forms.map((p) => {
    const m = mon(p);
    const counts = m?.lights ?? emptyLights();
    return {
      formId: p.f.id,
      cells: {
        ...identityCells(p),
        month: m && m.month >= 1 ? `1-${m.month}月` : '',
        ...moneyCells(p.f, s.templates.find(p.f.templateId)),
        rate: m?.rate ?? '',
        elapsed: m?.elapsed ?? '',
        spending: lightName(m?.spending),
        ...Object.fromEntries(LIGHTS.map((l) => [`lights:${l}`, String(counts[l])])),
        worst: lightName(m?.worst),
      },
    };
  });
  const lightTotals = emptyLights();
  const worstCounts = emptyLights();
  let spendingLate = 0;
  for (const p of forms) {
    const m = mon(p);
    if (!m) continue;
    for (const l of LIGHTS) lightTotals[l] += m.lights[l];
    if (m.worst) worstCounts[m.worst]++;
    if (m.spending === 'red' || m.spending === 'yellow') spendingLate++;
  }
  const total: Cells = {
    parent: '合计',
    ...sumAmountCells(
      columns,
      rows.map((r) => r.cells),
    ),
    ...Object.fromEntries(LIGHTS.map((l) => [`lights:${l}`, String(lightTotals[l])])),
  };
  const flagged = rows.filter((r) => r.cells.worst === LIGHT_NAMES.red || r.cells.worst === LIGHT_NAMES.yellow);
  return {
    stage: 'monitoring',
    figures: [
      { key: 'forms', label: '监控表', value: String(forms.length) },
      ...LIGHTS.map((l) => ({ key: `worst:${l}`, label: `目标预警${LIGHT_NAMES[l]}`, value: String(worstCounts[l]) })),
      ...LIGHTS.map((l) => ({ key: `lights:${l}`, label: `${LIGHT_NAMES[l]}指标`, value: String(lightTotals[l]) })),
      { key: 'spendingLate', label: '资金执行低于时间进度', value: String(spendingLate) },
    ],
    tables: [
      { key: 'monitored', title: '一、监控情况', columns, rows, total },
      { key: 'flagged', title: '二、有红灯或黄灯的表', columns, rows: flagged, total: null },
    ],
  };
}

export function stageSummary(s: StageInput): StageSummary {
  return s.stage === 'selfEvaluation' ? selfEvaluation(s) : monitoring(s);
}
