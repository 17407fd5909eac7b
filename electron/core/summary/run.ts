/**
 * The 汇总 of one year: every live form of the chosen templates read a slice at a time, checked,
 * and reduced to its facts (facts.ts); then the 主管部门 of forms that name none (parents.ts), the
 * cross-form rules (cross.ts), and the tree with its exact totals (tree.ts). Forms of other
 * templates of the year are read too, without checks, when they can tell a unit's 主管部门 or
 * are what a cross-form rule compares with (a 部门整体 form's 项目支出 against its unit's projects).
 *
 * Between slices the event loop gets a turn, so in the app a long 汇总 neither freezes the main
 * process nor holds a statement open across other requests (saves go on meanwhile; each form is
 * read whole, in one statement).
 */
import type { Summary, SummaryQuery, SummarySection } from '../../../shared/contract';
import type { TemplateDef } from '../../../shared/template/schema';
import type { Store } from '../store';
import { summaryColumns } from './columns';
import { applyCrossRules, crossFieldsOf } from './cross';
import type { FormFacts } from './facts';
import { FactsReader } from './reader';
import { inferParent, newUnitParents, noteParent } from './parents';
import { stageOf } from './stageKinds';
import { stageSummary } from './stageTables';
import { addCounts, buildSection, emptyCounts, parentMatches, resolveParent } from './tree';
import { isStage } from '../store/stages';
import { roleOf } from '../../../shared/template/roles';

export interface SummaryProgress {
  /** Forms read so far, of `total`. */
  done: number;
  total: number;
}

export interface SummaryOptions {
  onProgress?: (p: SummaryProgress) => void;
  /** Forms per slice; default 500. */
  slice?: number;
  /** The app's version: stored facts are valid only for the checks of the version that made them. */
  appVersion?: string;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Whether a template's forms can tell the 汇总 anything when they are not summed themselves. */
function informs(t: TemplateDef | undefined, crossFields: ReadonlySet<string>): boolean {
  return t !== undefined && (crossFields.size > 0 || summaryColumns(t).parent.fields.length > 0);
}

export async function runSummary(store: Store, q: SummaryQuery, opts: SummaryOptions = {}): Promise<Summary> {
  const slice = opts.slice ?? 500;
  const templates = store.templates;
  const present = store.templatesOfYear(q.year);
  const stageTemplates = q.stage ? templates.all().filter((t) => stageOf(t) === q.stage && (!q.templateId || t.id === q.templateId)) : [];
  const wanted = q.stage
    ? present.filter((p) => stageTemplates.some((t) => t.id === p.templateId)).map((p) => p.templateId)
    : q.templateId
      ? [q.templateId]
      : present.map((p) => p.templateId);
  // A 自评 汇总 lists the declarations of the roles its templates follow, with or without a 自评.
  const declRoles = new Set(q.stage === 'selfEvaluation' ? stageTemplates.map((t) => t.follows!) : []);
  const declared = present
    .filter((p) => {
      const t = templates.find(p.templateId);
      return t !== undefined && !isStage(t) && declRoles.has(roleOf(t));
    })
    .map((p) => p.templateId);
  const order = (id: string) => {
    const i = templates.all().findIndex((t) => t.id === id);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  wanted.sort((a, b) => order(a) - order(b) || a.localeCompare(b));
  const compared = present.filter(
    (p) =>
      !wanted.includes(p.templateId) &&
      !declared.includes(p.templateId) &&
      informs(templates.find(p.templateId), crossFieldsOf(p.templateId, templates)),
  );
  const total = [...wanted, ...declared, ...compared.map((p) => p.templateId)].reduce(
    (n, id) => n + (present.find((p) => p.templateId === id)?.forms ?? 0),
    0,
  );
  let done = 0;
  opts.onProgress?.({ done, total });

  const reader = new FactsReader(store, opts.appVersion ?? '');

  /** One template's forms, slice by slice. `checked`: with their own checks (see FactsReader.read). */
  const read = async (templateId: string, checked: boolean): Promise<FormFacts[]> => {
    const out: FormFacts[] = [];
    for (let after = 0; ;) {
      const rows = store.scanYear({ year: q.year, templateId, afterId: after, limit: slice });
      if (rows.length === 0) break;
      out.push(...reader.read(rows, checked));
      after = rows[rows.length - 1].id;
      done += rows.length;
      opts.onProgress?.({ done, total });
      await nextTurn();
    }
    return out;
  };

  const summed = new Map<string, FormFacts[]>();
  for (const id of wanted) summed.set(id, await read(id, true));
  // Read with their checks, so their facts are the kept ones (the keeper keeps every form's).
  const declarations: FormFacts[] = [];
  for (const id of declared) declarations.push(...(await read(id, true)));
  const others: FormFacts[] = [];
  for (const p of compared) others.push(...(await read(p.templateId, false)));

  const all = [...[...summed.values()].flat(), ...declarations, ...others];
  applyCrossRules([...summed.values()].flat(), [...declarations, ...others], templates);

  const unitParents = newUnitParents();
  const nameOf = new Map<string, string>();
  const codeOf = new Map<string, string>();
  for (const f of all) {
    if (!f.parent) continue;
    noteParent(unitParents, f.unit, f.parent);
    if (f.parent.code && f.parent.name) {
      if (!nameOf.has(f.parent.code)) nameOf.set(f.parent.code, f.parent.name);
      if (!codeOf.has(f.parent.name)) codeOf.set(f.parent.name, f.parent.code);
    }
  }
  const knownCodes = [...nameOf.keys()];

  const parentOf = (f: FormFacts) => f.parent ?? inferParent(unitParents, f.unit, knownCodes);
  const sections: SummarySection[] = [];
  const counts = emptyCounts();
  for (const id of wanted) {
    const t = templates.find(id);
    const unitLabel = t ? (t.fields.find((f) => f.id === t.identity.unit)?.label ?? '单位') : '单位';
    const section = buildSection({
      templateId: id,
      templateTitle: t?.title ?? `未知表样「${id}」`,
      moneyColumns: t ? summaryColumns(t).money : [],
      forms: summed.get(id) ?? [],
      parentOf,
      coded: { nameOf, codeOf },
      blankUnit: `（未填${unitLabel}）`,
      filter: { parent: q.parent, status: q.status },
    });
    if (section.counts.forms === 0 && !t) continue;
    sections.push(section);
    addCounts(counts, section.counts);
  }
  const filter = {
    ...(q.templateId ? { templateId: q.templateId } : {}),
    ...(q.parent !== undefined ? { parent: q.parent } : {}),
    ...(q.status ? { status: q.status } : {}),
    ...(q.stage ? { stage: q.stage } : {}),
  };
  if (!q.stage) return { year: q.year, filter, sections, counts };
  const stage = stageSummary({
    stage: q.stage,
    year: q.year,
    templates,
    forms: [...summed.values()].flat(),
    declarations,
    parentOf: (f) => {
      const p = resolveParent(f, { parentOf, coded: { nameOf, codeOf } });
      return parentMatches(q.parent, p) ? p.dept : null;
    },
    status: q.status,
  });
  return { year: q.year, filter, sections, counts, stage };
}
