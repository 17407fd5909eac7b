/**
 * 「原始文件：name（size）」 under the toolbar of a form imported from a file, with 另存为… to
 * save the file as the unit sent it (issue #21 point 2). Nothing for a form made in the app.
 */
import { Button, Group, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Output } from '../../../shared/contract';
import { fileSizeText } from '../../../shared/text/fileSize';
import { api } from '../api';
import { saveFile } from '../api/files';
import { notifyError, notifyOk } from '../ui/notify';

type Info = NonNullable<Output<'forms.original'>>;

export function OriginalFileLine({ formId, revision }: { formId: number; revision: number }) {
  const [info, setInfo] = useState<Info | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    let live = true;
    // A replacing import changes the file with the revision; a form without one shows nothing, and a failure only hides the line.
    api['forms.original']({ id: formId }).then(
      (i) => live && setInfo(i),
      () => live && setInfo(null),
    );
    return () => {
      live = false;
    };
  }, [formId, revision]);
  if (!info) return null;

  const saveAs = async () => {
    setSaving(true);
    try {
      const full = await api['forms.original']({ id: formId, withData: true });
      if (!full?.data) throw new Error('这份表单没有保存原始文件');
      const saved = await saveFile({ fileName: full.fileName, data: full.data }, 'original');
      if (saved) notifyOk(`已保存原始文件：${saved}`);
    } catch (e) {
      notifyError(e, '原始文件没有保存');
    } finally {
      setSaving(false);
    }
  };

  const when = info.keptAt.slice(0, 10);
  const shared = info.forms > 1 ? `；同一文件读出 ${info.forms} 份表单` : '';
  return (
    <Group gap="xs" mt={4} data-testid="original-file">
      <Text size="xs" c="dimmed" title={`${when} 导入${shared}`}>
        原始文件：{info.fileName}（{fileSizeText(info.size)}）
      </Text>
      <Button size="compact-xs" variant="subtle" loading={saving} onClick={() => void saveAs()}>
        另存为…
      </Button>
    </Group>
  );
}
