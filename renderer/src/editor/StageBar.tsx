/**
 * The year's chain of a declaration in the editor (issue 24): on a declaration, a button per
 * template that follows its role (调整 / 监控 / 自评) making that form pre-filled and opening it —
 * a 监控 asks for its month first — and the forms already made from it; on a later-stage form, the
 * way back to its declaration. What is offered comes from the store (forms.stages), never from
 * template ids here.
 */
import { Button, Group, Modal, NativeSelect, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Output } from '../../../shared/contract';
import type { TemplateDef } from '../../../shared/template/schema';
import { api } from '../api';
import { notifyError, notifyOk } from '../ui/notify';
import { useTemplates } from '../templates/TemplatesContext';

type Stages = Output<'forms.stages'>;
type Offer = Stages['offered'][number];

/** The button's short name: the stage the title names (项目支出绩效目标执行监控表 → 监控), else the title. */
const shortName = (title: string): string => /(调整|监控|自评)/.exec(title)?.[1] ?? title;
const MONTHS = Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: `1-${i + 1} 月` }));

export function StageBar({
  formId,
  template,
  revision,
  beforeCreate,
  onOpen,
  onListChanged,
}: {
  formId: number;
  template: TemplateDef;
  /** Asked again after each save, so a stage made elsewhere shows. */
  revision: number;
  beforeCreate(): Promise<void>;
  onOpen(id: number): void;
  onListChanged(): void;
}) {
  const { registry } = useTemplates();
  const [stages, setStages] = useState<Stages | null>(null);
  const [asking, setAsking] = useState<Offer | null>(null);
  const [month, setMonth] = useState<string>(String(Math.max(1, new Date().getMonth())));
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    api['forms.stages']({ id: formId }).then(
      (s) => live && setStages(s),
      () => live && setStages(null), // the bar is an aid: without it the form is still edited
    );
    return () => {
      live = false;
    };
  }, [formId, revision]);

  if (!stages) return null;
  const isStage = template.follows !== undefined;
  const decl = stages.declaration;
  if (!isStage && stages.offered.length === 0 && stages.stages.length === 0) return null;

  async function make(offer: Offer, m?: string) {
    setBusy(true);
    try {
      await beforeCreate();
      const rec = await api['forms.newStage']({ id: formId, templateId: offer.templateId, month: m });
      notifyOk(`已由申报表生成「${rec.title}」${offer.title}，申报表的栏目已锁定。`);
      setAsking(null);
      onListChanged();
      onOpen(rec.id);
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  }

  const stageLabel = (s: Stages['stages'][number]) => {
    const t = registry.find(s.templateId, s.templateVersion);
    return t ? shortName(t.title) : s.templateId;
  };

  return (
    <div className="editor-stage-row" data-testid="stage-bar">
      {isStage ? (
        decl ? (
          <Button
            size="compact-sm"
            variant="light"
            onClick={() => onOpen(decl.id)}
            title="打开这份表所属的申报表"
            data-testid="to-declaration"
          >
            ← 申报表：{decl.title}
          </Button>
        ) : (
          <Text size="sm" c="dimmed">
            找不到所属的申报表（同一年度、同一单位、同名的申报表）
          </Text>
        )
      ) : (
        <Group gap={6}>
          <Text size="sm">由本表生成：</Text>
          {stages.offered.map((o) => (
            <Button
              key={o.templateId}
              size="compact-sm"
              variant="default"
              loading={busy && asking?.templateId === o.templateId}
              disabled={busy}
              title={`生成${o.title}，申报表的栏目预先填好并锁定`}
              onClick={() => (o.needsMonth ? setAsking(o) : void make(o))}
            >
              {shortName(o.title)}
            </Button>
          ))}
        </Group>
      )}
      {stages.stages.filter((s) => s.id !== formId).length > 0 && (
        <Group gap={6} ml="md">
          <Text size="sm" c="dimmed">
            已有：
          </Text>
          {stages.stages
            .filter((s) => s.id !== formId)
            .map((s) => (
              <Button key={s.id} size="compact-sm" variant="subtle" onClick={() => onOpen(s.id)} title={`打开编号 ${s.id}`}>
                {stageLabel(s)}（编号 {s.id}）
              </Button>
            ))}
        </Group>
      )}
      <Modal opened={asking !== null} onClose={() => setAsking(null)} title={asking ? `生成${asking.title}` : ''} size="sm">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (asking) void make(asking, month);
          }}
        >
          <NativeSelect label="监控截至" data={MONTHS} value={month} onChange={(e) => setMonth(e.currentTarget.value)} data-autofocus />
          <Group justify="flex-end" mt="md">
            <Button variant="default" onClick={() => setAsking(null)}>
              取消
            </Button>
            <Button type="submit" loading={busy}>
              生成
            </Button>
          </Group>
        </form>
      </Modal>
    </div>
  );
}
