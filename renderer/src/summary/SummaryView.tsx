/**
 * 汇总: a receiving office's view of a year. The year (the newest in the store at first), the
 * template, the 主管部门 and the check status are sent to summary.run; while it runs (the first
 * 汇总 of 15,000 forms takes seconds) summary.progress is asked every 300 ms and shown as
 * 「已读 N / M 份」. Then one finance table per template (SummaryTable). A unit filter narrows the
 * tables on screen only, with 小计 and 合计 worked out again, exactly, from the units shown.
 * 「导出 Excel」 and 「导出 Word」 make the same 汇总 as files (summary.xlsx, summary.docx).
 */
import { Alert, Button, Group, NativeSelect, Progress, Text, TextInput } from '@mantine/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CheckStatus, Output, Summary, SummaryQuery, SummaryStage } from '../../../shared/contract';
import { api } from '../api';
import { saveFile } from '../api/files';
import { flushOpenForms } from '../editor/useOpenForm';
import { errorText, notifyError, notifyOk } from '../ui/notify';
import { useTemplates } from '../templates/TemplatesContext';
import { codedName, filterSection, formatWan, STATUS_FILTER } from './format';
import { StageTables } from './StageTables';
import { SummaryTable, unitRowKey } from './SummaryTable';
import { storeYears } from './years';
import './summary.css';

type Progress = Output<'summary.progress'>;

/** How often a running 汇总 is asked how far it is. */
export const PROGRESS_POLL_MS = 300;
/** Opening every unit draws every form: offered up to this many. */
const OPEN_ALL_MAX = 3000;

interface ParentChoice {
  key: string;
  label: string;
}

/** Asks summary.progress every PROGRESS_POLL_MS while `active`. */
function useProgress(active: boolean): Progress | null {
  const [progress, setProgress] = useState<Progress | null>(null);
  useEffect(() => {
    if (!active) {
      setProgress(null);
      return;
    }
    let live = true;
    const ask = () =>
      api['summary.progress']({}).then(
        (p) => live && setProgress(p),
        () => {},
      );
    void ask();
    const timer = setInterval(() => void ask(), PROGRESS_POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [active]);
  return progress;
}

function progressText(p: Progress | null, exporting: 'xlsx' | 'docx' | null): string {
  if (!p || !p.running || p.total === 0) return exporting ? '正在准备文件……' : '正在汇总……';
  if (p.phase === 'write') return `正在写入 Excel：${p.done} / ${p.total} 行`;
  return `已读 ${p.done} / ${p.total} 份`;
}

export function SummaryView({
  onOpenForm,
  shown = true,
}: {
  onOpenForm(id: number): void;
  /** False while the panel is hidden (a form opened from it); shown again, the 汇总 is made again with the same filters. */
  shown?: boolean;
}) {
  const { entries } = useTemplates();
  const [years, setYears] = useState<string[] | null>(null);
  const [year, setYear] = useState('');
  const [templateId, setTemplateId] = useState('');
  const [parent, setParent] = useState('');
  const [status, setStatus] = useState<CheckStatus | ''>('');
  const [stage, setStage] = useState<SummaryStage | ''>('');
  const [unitFilter, setUnitFilter] = useState('');
  const [runKey, setRunKey] = useState(0);
  const [result, setResult] = useState<{ query: SummaryQuery; summary: Summary } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const [exporting, setExporting] = useState<'xlsx' | 'docx' | null>(null);
  const progress = useProgress(running || exporting !== null);
  /** 主管部门 seen in this year's 汇总 so far, for the filter (a filtered 汇总 names only its own). */
  const [parents, setParents] = useState<Map<string, ParentChoice>>(() => new Map());
  const [openUnits, setOpenUnits] = useState<Set<string>>(() => new Set());
  const [closedParents, setClosedParents] = useState<Set<string>>(() => new Set());

  useEffect(() => {
    let live = true;
    storeYears((input) => api['forms.page'](input)).then(
      (ys) => {
        if (!live) return;
        setYears(ys);
        setYear((y) => y || ys[0] || '');
      },
      (e: unknown) => live && setError(`读取年度失败：${errorText(e)}`),
    );
    return () => {
      live = false;
    };
  }, []);

  const query = useMemo<SummaryQuery | null>(
    () =>
      year
        ? {
            year,
            ...(templateId ? { templateId } : {}),
            ...(parent ? { parent } : {}),
            ...(status ? { status } : {}),
            ...(stage ? { stage } : {}),
          }
        : null,
    [year, templateId, parent, status, stage],
  );

  const wasShown = useRef(shown);
  useEffect(() => {
    if (shown && !wasShown.current) setRunKey((k) => k + 1);
    wasShown.current = shown;
  }, [shown]);

  const runs = useRef(0);
  useEffect(() => {
    if (!query) return;
    const run = ++runs.current;
    setRunning(true);
    setError(null);
    // What is being typed in an open form is saved first, so that the 汇总 counts it.
    flushOpenForms()
      .catch(() => {})
      .then(() => api['summary.run'](query))
      .then(
        (summary) => {
          if (run !== runs.current) return;
          setResult({ query, summary });
          setRunning(false);
          setParents((old) => {
            const next = new Map(old);
            for (const s of summary.sections)
              for (const p of s.parents) if (!next.has(p.key)) next.set(p.key, { key: p.key, label: codedName(p) || '（未填主管部门）' });
            return next;
          });
        },
        (e: unknown) => {
          if (run !== runs.current) return;
          setError(errorText(e));
          setRunning(false);
        },
      );
  }, [query, runKey]);

  async function exportFile(kind: 'xlsx' | 'docx') {
    if (!query) return;
    setExporting(kind);
    try {
      await flushOpenForms().catch(() => {});
      const file = await (kind === 'xlsx' ? api['summary.xlsx'](query) : api['summary.docx'](query));
      const saved = await saveFile(file, kind);
      if (saved) notifyOk(`已导出：${saved}`);
    } catch (e) {
      notifyError(e, kind === 'xlsx' ? '导出 Excel 没有完成' : '导出 Word 没有完成');
    } finally {
      setExporting(null);
    }
  }

  const toggleUnit = useCallback(
    (key: string) =>
      setOpenUnits((old) => {
        const next = new Set(old);
        if (!next.delete(key)) next.add(key);
        return next;
      }),
    [],
  );
  const toggleParent = useCallback(
    (key: string) =>
      setClosedParents((old) => {
        const next = new Set(old);
        if (!next.delete(key)) next.add(key);
        return next;
      }),
    [],
  );

  const summary = result?.summary ?? null;
  // A template with no form of the filter (the core lists every template of the year) is left out.
  const sections = useMemo(
    () => (summary ? summary.sections.filter((s) => s.counts.forms > 0).map((s) => filterSection(s, unitFilter)) : []),
    [summary, unitFilter],
  );
  const shownForms = sections.reduce((n, s) => n + s.counts.forms, 0);
  const allUnitKeys = useMemo(
    () => sections.flatMap((s) => s.parents.flatMap((p) => p.units.map((u) => unitRowKey(s, p.key, u)))),
    [sections],
  );
  const allOpen = allUnitKeys.length > 0 && allUnitKeys.every((k) => openUnits.has(k));

  const templateChoices = entries.filter((e) => e.formCount > 0 || e.template.id === templateId);
  const parentChoices = [...parents.values()].sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
  const busy = running || exporting !== null;
  const c = summary?.counts;

  return (
    <div className="summary-view" data-testid="summary-view">
      <div className="summary-toolbar">
        <Group gap="xs" wrap="wrap" mb={4}>
          <Text fw={700} size="lg">
            汇总
          </Text>
          <Text size="xs" c="dimmed">
            按年度汇总各主管部门、各单位的申报表：金额合计与检查结果
          </Text>
          <div style={{ flex: 1 }} />
          <Button size="xs" variant="default" disabled={!query || busy} onClick={() => setRunKey((k) => k + 1)}>
            重新汇总
          </Button>
          <Button
            size="xs"
            variant="default"
            disabled={!query || (busy && exporting !== 'xlsx')}
            loading={exporting === 'xlsx'}
            title="按所选年度、表样、主管部门和检查结果导出（单位筛选只用于屏幕显示）"
            onClick={() => void exportFile('xlsx')}
          >
            导出 Excel
          </Button>
          <Button
            size="xs"
            variant="default"
            disabled={!query || (busy && exporting !== 'docx')}
            loading={exporting === 'docx'}
            title="按所选年度、表样、主管部门和检查结果导出（单位筛选只用于屏幕显示）"
            onClick={() => void exportFile('docx')}
          >
            导出 Word
          </Button>
        </Group>
        <Group gap="xs" wrap="wrap" align="flex-end">
          <NativeSelect
            size="xs"
            label="年度"
            w={100}
            value={year}
            disabled={!years?.length}
            onChange={(e) => {
              setYear(e.currentTarget.value);
              setParent('');
              setParents(new Map());
            }}
            data={
              years?.length ? years.map((y) => ({ value: y, label: `${y}年` })) : [{ value: '', label: years ? '没有表单' : '读取中……' }]
            }
          />
          <NativeSelect
            size="xs"
            label="汇总阶段"
            w={130}
            value={stage}
            onChange={(e) => setStage(e.currentTarget.value as SummaryStage | '')}
            data={[
              { value: '', label: '申报' },
              { value: 'selfEvaluation', label: '自评' },
              { value: 'monitoring', label: '监控' },
            ]}
          />
          <NativeSelect
            size="xs"
            label="表样"
            w={250}
            value={templateId}
            onChange={(e) => setTemplateId(e.currentTarget.value)}
            data={[{ value: '', label: '全部表样' }, ...templateChoices.map((e) => ({ value: e.template.id, label: e.template.title }))]}
          />
          <NativeSelect
            size="xs"
            label="主管部门"
            w={240}
            value={parent}
            onChange={(e) => setParent(e.currentTarget.value)}
            data={[{ value: '', label: '全部主管部门' }, ...parentChoices.map((p) => ({ value: p.key, label: p.label }))]}
          />
          <NativeSelect
            size="xs"
            label="检查结果"
            w={120}
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value as CheckStatus | '')}
            data={[
              { value: '', label: '全部' },
              ...(Object.keys(STATUS_FILTER) as CheckStatus[]).map((k) => ({ value: k, label: STATUS_FILTER[k] })),
            ]}
          />
          <TextInput
            size="xs"
            label="单位"
            w={200}
            placeholder="按单位名称或代码筛选"
            value={unitFilter}
            onChange={(e) => setUnitFilter(e.currentTarget.value)}
          />
        </Group>
        {busy && (
          <div className="summary-progress" role="status" aria-live="polite" data-testid="summary-progress">
            <Progress
              size="sm"
              value={progress && progress.total > 0 ? (progress.done / progress.total) * 100 : 0}
              animated={!progress || progress.total === 0}
              striped={!progress || progress.total === 0}
              aria-label="汇总进度"
            />
            <Text size="xs" c="dimmed">
              {progressText(progress, exporting)}
            </Text>
          </div>
        )}
      </div>
      <div className="summary-body">
        {error && (
          <Alert color="red" title="汇总没有完成" mb="sm">
            {error}
          </Alert>
        )}
        {years !== null && years.length === 0 && (
          <Text c="dimmed" p="md">
            还没有申报表，没有可汇总的内容。
          </Text>
        )}
        {summary && c && (
          <div className={running ? 'summary-result stale' : 'summary-result'} aria-busy={running}>
            <Group gap="sm" mb="xs" wrap="wrap" className="summary-counts" data-testid="summary-counts">
              <Text size="sm">
                {summary.year} 年度：共 <b>{c.forms}</b> 份申报表，<b>{c.indicators}</b> 个绩效指标
              </Text>
              <Text size="sm" c="red">
                有错误 {c.error} 份
              </Text>
              <Text size="sm" c="orange">
                只有提醒 {c.warning} 份
              </Text>
              <Text size="sm" c="green">
                完整 {c.complete} 份
              </Text>
              {c.unreadable > 0 && (
                <Text size="sm" c="dimmed">
                  无法读取 {c.unreadable} 份
                </Text>
              )}
              <div style={{ flex: 1 }} />
              <Text size="xs" c="dimmed">
                金额单位：万元
              </Text>
              {allUnitKeys.length > 0 && (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  disabled={!allOpen && shownForms > OPEN_ALL_MAX}
                  title={!allOpen && shownForms > OPEN_ALL_MAX ? `表单超过 ${OPEN_ALL_MAX} 份，请先筛选，或逐个展开单位` : undefined}
                  onClick={() => setOpenUnits(allOpen ? new Set() : new Set(allUnitKeys))}
                >
                  {allOpen ? '全部收起' : '全部展开'}
                </Button>
              )}
            </Group>
            {unitFilter.trim() && (
              <Text size="xs" c="dimmed" mb="xs">
                只显示名称或代码含「{unitFilter.trim()}」的单位，小计与合计按显示的单位计算。
              </Text>
            )}
            {summary.sections.every((s) => s.counts.forms === 0) && (
              <Text c="dimmed" p="md">
                没有符合条件的申报表。
              </Text>
            )}
            {summary.stage && <StageTables stage={summary.stage} onOpenForm={onOpenForm} />}
            {sections.map((s) => (
              <section key={s.templateId} className="summary-section" aria-label={s.templateTitle}>
                <h3 className="summary-section-title">
                  {s.templateTitle}
                  <span className="summary-section-note">
                    {s.counts.forms} 份{s.moneyColumns.length > 0 && ` · ${s.moneyColumns[0].label} ${formatWan(s.totals[0] ?? '0')} 万元`}
                  </span>
                </h3>
                <SummaryTable
                  section={s}
                  openUnits={openUnits}
                  closedParents={closedParents}
                  onToggleUnit={toggleUnit}
                  onToggleParent={toggleParent}
                  onOpenForm={onOpenForm}
                />
              </section>
            ))}
          </div>
        )}
      </div>
    </div>
  );
}
