/**
 * A form's 汇总 facts as the 汇总 uses them: the stored ones when the checker that made them is
 * the one that would read the form now (factsCache.ts), else read from the form and stored for
 * next time. Shared by the 汇总 itself (run.ts) and by the keeper that reads them ahead, while
 * the app is idle (keeper.ts), so both store exactly the same facts.
 */
import type { TemplateDef } from '../../../shared/template/schema';
import type { Store } from '../store';
import type { FactsRow, ScannedForm } from '../store/scan';
import { summaryColumns, type MoneyColumn } from './columns';
import { crossFieldsOf } from './cross';
import { comparedFacts, formFacts, type FormFacts } from './facts';
import { checkerOf, contentHash, decodeFacts, encodeFacts } from './factsCache';

interface Reading {
  /** The form's template in the version it was made with. */
  t: TemplateDef | undefined;
  money: readonly MoneyColumn[];
  cross: ReadonlySet<string>;
  /** What stored facts must carry to be used; undefined when the template is missing. */
  checker: string | undefined;
}

export class FactsReader {
  private readonly sections = new Map<string, { money: readonly MoneyColumn[]; cross: ReadonlySet<string> }>();
  private readonly readings = new Map<string, Reading>();

  constructor(
    private readonly store: Store,
    private readonly appVersion: string,
  ) {}

  /**
   * How forms of a template and version are read. The money columns are the newest version's
   * (field ids are stable across versions), the cross-form fields are what every template's
   * rules compare now.
   */
  private reading(row: Pick<ScannedForm, 'templateId' | 'templateVersion'>): Reading {
    const key = `${row.templateId}@${row.templateVersion}`;
    let r = this.readings.get(key);
    if (r) return r;
    const templates = this.store.templates;
    let s = this.sections.get(row.templateId);
    if (!s) {
      const newest = templates.find(row.templateId);
      s = { money: newest ? summaryColumns(newest).money : [], cross: crossFieldsOf(row.templateId, templates) };
      this.sections.set(row.templateId, s);
    }
    const t = templates.find(row.templateId, row.templateVersion);
    r = { t, ...s, checker: t ? checkerOf(t, s.money, s.cross, this.appVersion) : undefined };
    this.readings.set(key, r);
    return r;
  }

  /** Whether the row's stored facts are the ones this app would work out now. */
  isCurrent(row: ScannedForm): boolean {
    const { checker } = this.reading(row);
    return checker !== undefined && row.cached?.checker === checker;
  }

  private blobOf(row: ScannedForm): ScannedForm {
    // Facts made by another checker (another app version, an edited template) came instead of the content.
    if (row.blob === undefined) row.blob = this.store.revisionBlob(row.id, row.revision);
    return row;
  }

  private save(fresh: readonly FactsRow[]): void {
    if (fresh.length === 0) return;
    try {
      this.store.saveSummaryFacts(fresh);
    } catch {
      // Busy or read-only: the facts are only kept to save time next time.
    }
  }

  /**
   * The facts of a slice of forms. `checked`: with their own checks, and what was worked out is
   * stored; otherwise only what they tell other forms (no checks, nothing stored) unless stored
   * facts are at hand.
   */
  read(rows: readonly ScannedForm[], checked: boolean): FormFacts[] {
    const out: FormFacts[] = [];
    const fresh: FactsRow[] = [];
    for (const row of rows) {
      const r = this.reading(row);
      const stored = this.isCurrent(row) ? decodeFacts(row, row.cached!.facts) : null;
      if (stored) {
        out.push(stored);
        continue;
      }
      if (!checked) {
        out.push(comparedFacts(this.blobOf(row), r.t, r.cross));
        continue;
      }
      const f = formFacts(this.blobOf(row), r.t, r.money, r.cross);
      out.push(f);
      if (r.checker !== undefined)
        fresh.push({ formId: row.id, revision: row.revision, checker: r.checker, facts: encodeFacts(f, contentHash(row.blob)) });
    }
    this.save(fresh);
    return out;
  }

  /** Works out and stores the facts of the rows whose stored ones are missing or stale; returns how many. */
  refresh(rows: readonly ScannedForm[]): number {
    const stale = rows.filter((row) => !this.isCurrent(row) && this.reading(row).checker !== undefined);
    this.read(stale, true);
    return stale.length;
  }
}

/**
 * The checkers of every template version the store knows, as FactsReader works them out now:
 * stored facts made by any other are stale. They change when a template is imported, replaced
 * or removed (cross-form fields may change with another template) or the app's checks change.
 */
export function currentCheckers(store: Store, appVersion: string): string[] {
  const templates = store.templates;
  const out = new Set<string>();
  for (const t of [...templates.all(), ...templates.importedVersions()]) {
    const newest = templates.find(t.id) ?? t;
    out.add(checkerOf(t, summaryColumns(newest).money, crossFieldsOf(t.id, templates), appVersion));
  }
  return [...out].sort();
}
