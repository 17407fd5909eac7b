/**
 * The forms of a project's (or a unit's) year that grow from its declaration: 调整, 监控, 自评. A
 * stage and its declaration are linked by what both forms say, not by a stored id — the same year,
 * unit and title (实施单位 + 项目名称; 部门名称), which the stage takes from the declaration and keeps
 * locked — so the link survives export and import, backup and restore, and new year alike, and needs
 * no column. Which form is which comes from the template's `role` and `follows` (roles.ts).
 */
import type { FormRecord, FormSummary } from '../../../shared/contract';
import { UserError } from '../../../shared/errors';
import type { FormData } from '../../../shared/form';
import { seedStage, type StageSource } from '../../../shared/stage/seed';
import type { TemplateRegistry } from '../../../shared/template/registry';
import { roleOf } from '../../../shared/template/roles';
import type { TemplateDef } from '../../../shared/template/schema';

/** What the stages module needs of the store. */
export interface StageStore {
  readonly templates: TemplateRegistry;
  get(id: number): FormRecord;
  /** Live forms of a year with this unit and title, in id order. */
  sameIdentity(year: string, unit: string, title: string): FormSummary[];
  create(data: FormData, opts?: { note?: string }): FormRecord;
}

export interface StageOffer {
  templateId: string;
  title: string;
  role: string;
  /** Asks for the month (1–12) the form is made for (监控 1-N月). */
  needsMonth: boolean;
}

export interface StagesOf {
  /** The declaration this form belongs to (itself when it is one), if it is in the store. */
  declaration: FormSummary | null;
  /** The later-stage forms of that declaration, oldest first. */
  stages: FormSummary[];
  /** The templates that follow the declaration's role: what 调整 / 监控 / 自评 can make from it. */
  offered: StageOffer[];
}

export const isStage = (t: TemplateDef | undefined): boolean => t?.follows !== undefined;

/**
 * What a stage shares with its declaration (the forms' year, unit and title columns, as
 * sameIdentity matches them); null when one is blank: such a form is linked to nothing. The 汇总
 * of the later stages links its forms by this key.
 */
export const stageLink = (f: { year: string; unit: string; title: string }): string | null =>
  f.year && f.unit && f.title ? JSON.stringify([f.year, f.unit, f.title]) : null;

function offers(all: readonly TemplateDef[], role: string): StageOffer[] {
  return all
    .filter((t) => t.follows === role)
    .map((t) => ({ templateId: t.id, title: t.title, role: roleOf(t), needsMonth: t.fields.some((f) => f.seed?.from === 'month') }));
}

/** The declaration and stages of the form `id` (a declaration or one of its stages). */
export function stagesOf(store: StageStore, id: number): StagesOf {
  const rec = store.get(id);
  const t = store.templates.find(rec.templateId, rec.templateVersion);
  const declRole = t?.follows ?? (t ? roleOf(t) : '');
  const near = stageLink(rec) !== null ? store.sameIdentity(rec.year, rec.unit, rec.title) : [rec];
  const tOf = (f: FormSummary) => store.templates.find(f.templateId, f.templateVersion);
  const declaration = t && !isStage(t) ? rec : (near.find((f) => !isStage(tOf(f)) && roleOf(tOf(f)!) === declRole) ?? null);
  const stages = near.filter((f) => tOf(f)?.follows === declRole);
  return {
    declaration: declaration ? summaryOf(declaration) : null,
    stages,
    offered: offers(store.templates.all(), declRole),
  };
}

const summaryOf = (r: FormSummary): FormSummary => ({
  id: r.id,
  templateId: r.templateId,
  templateVersion: r.templateVersion,
  year: r.year,
  title: r.title,
  unit: r.unit,
  status: r.status,
  updatedAt: r.updatedAt,
  deletedAt: r.deletedAt,
});

const MONTH = /^(?:[1-9]|1[0-2])$/;

/**
 * A later-stage form of template `templateId` made from the declaration `id` (or from the
 * declaration of the stage `id`), pre-filled as the stage template's `seed` says, the indicator
 * rows from the latest 调整 when there is one; stored as a new draft.
 */
export function newStage(store: StageStore, id: number, templateId: string, opts: { month?: string } = {}): FormRecord {
  const stage = store.templates.find(templateId);
  if (!stage) throw new UserError(`没有编号为“${templateId}”的表样，请从列表中选择`, 'unknown-template');
  if (!stage.follows) throw new UserError(`「${stage.title}」不是由申报表生成的表，请用「新建」`, 'stage.notFollowing');
  const { declaration, stages } = stagesOf(store, id);
  const from = store.get(id);
  const fromT = store.templates.get(from.templateId, from.templateVersion);
  if (!declaration || roleOf(store.templates.get(declaration.templateId, declaration.templateVersion)) !== stage.follows) {
    throw new UserError(
      declaration
        ? `「${stage.title}」要由${stage.follows === 'department' ? '部门整体支出' : '项目支出'}绩效目标表生成，不能由「${fromT.title}」生成`
        : `找不到这份表所属的申报表（同一年度、同一单位、同名的${fromT.title}），请先打开申报表再生成`,
      'stage.noDeclaration',
    );
  }
  const needsMonth = stage.fields.some((f) => f.seed?.from === 'month');
  const month = opts.month?.trim().replace(/月$/, '');
  if (needsMonth && (month === undefined || !MONTH.test(month)))
    throw new UserError(`生成「${stage.title}」要给出监控月份（1 至 12 的整数，如 6 表示 1-6 月）`, 'stage.month');
  const decl = store.get(declaration.id);
  const source = (r: FormRecord): StageSource => ({ form: r.data, template: store.templates.get(r.templateId, r.templateVersion) });
  // The latest 调整 of the targets (a stage whose template states `current`), if any.
  const revising = stages
    .filter((s) => (store.templates.find(s.templateId, s.templateVersion)?.groups ?? []).some((g) => g.current))
    .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : b.id - a.id))[0];
  const data = seedStage(stage, source(decl), {
    revised: revising && revising.templateId !== stage.id ? source(store.get(revising.id)) : undefined,
    month: needsMonth ? month : undefined,
  });
  return store.create(data, { note: `由${source(decl).template.title}（编号 ${decl.id}）生成` });
}
