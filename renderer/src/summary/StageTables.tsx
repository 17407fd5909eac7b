/**
 * A later stage's 汇总 on screen (自评, 监控): its figures and each table as the column spec that
 * comes with it says (the same spec the Excel and Word files read), a row per form; a click on a
 * row opens the form.
 */
import type { StageColumn, StageSummary } from '../../../shared/contract';
import { formatWan } from './format';

function cellText(c: StageColumn, v: string | undefined): string {
  if (!v) return '';
  if (c.kind === 'amount') return formatWan(v);
  if (c.kind === 'percent') return `${v}%`;
  return v;
}

export function StageTables({ stage, onOpenForm }: { stage: StageSummary; onOpenForm(id: number): void }) {
  return (
    <section className="summary-section" aria-label="阶段汇总">
      <p className="summary-section-note" data-testid="stage-figures">
        {stage.figures.map((f) => `${f.label} ${f.value}`).join('　')}
      </p>
      {stage.tables.map((t) => (
        <div key={t.key} data-testid={`stage-${t.key}`}>
          <h3 className="summary-section-title">
            {t.title}
            <span className="summary-section-note">{t.rows.length} 份</span>
          </h3>
          <table className="summary-table">
            <thead>
              <tr>
                {t.columns.map((c) => (
                  <th key={c.key}>{c.label}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {t.rows.map((r, i) => (
                <tr key={r.formId ?? `row${i}`} onDoubleClick={() => r.formId !== null && onOpenForm(r.formId)}>
                  {t.columns.map((c) => (
                    <td key={c.key} className={c.kind === 'text' ? undefined : 'num'}>
                      {cellText(c, r.cells[c.key])}
                    </td>
                  ))}
                </tr>
              ))}
              {t.total && (
                <tr className="total">
                  {t.columns.map((c) => (
                    <td key={c.key} className={c.kind === 'text' ? undefined : 'num'}>
                      {cellText(c, t.total![c.key])}
                    </td>
                  ))}
                </tr>
              )}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}
