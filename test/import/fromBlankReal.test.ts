/**
 * Real layouts kept apart from the built-ins (issue 22): the published forms of test/fixtures/real
 * (copied from ../shared/real; see its README), each made a blank by emptying every cell that holds
 * a published value, turned into a template with no manual correction, and the published file
 * read back under it among all the built-ins. At least 95 % of the published values come back
 * right, and none is silently wrong: a value that does not come back is flagged for review (or
 * was never printed where a template could find it).
 */
import { readFileSync } from 'node:fs';
import { DOMParser, XMLSerializer, type Element } from '@xmldom/xmldom';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { GroupRow } from '../../shared/form';
import { kindOf } from '../../shared/kinds';
import type { TemplateDef } from '../../shared/template/schema';
import { BUILTIN_TEMPLATES } from '../../shared/templates';
import { readBlankFile } from '../../electron/core/import/fromBlank';
import { readDocxFormsNow } from '../../electron/core/import/readNow';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const squash = (s: string) => s.replace(/\s+/g, '');
const fixture = (name: string) => new URL(`../fixtures/real/${name}`, import.meta.url);

type Expected = Record<string, string | Record<string, string>[]>;

/** The published file with every cell holding a published value emptied: the blank it was filled from. */
async function blankOf(bytes: Uint8Array, forms: readonly Expected[]): Promise<Uint8Array> {
  const values = new Set<string>();
  for (const f of forms)
    for (const [k, v] of Object.entries(f)) {
      if (k === '表' || k.startsWith('_')) continue;
      for (const x of Array.isArray(v) ? v.flatMap((r) => Object.values(r)) : [v]) values.add(squash(x));
    }
  const zip = await JSZip.loadAsync(bytes);
  const doc = new DOMParser().parseFromString(await zip.file('word/document.xml')!.async('string'), 'text/xml');
  for (const tc of Array.from(doc.getElementsByTagNameNS(W, 'tc')) as Element[]) {
    const text = squash((Array.from(tc.getElementsByTagNameNS(W, 't')) as Element[]).map((t) => t.textContent ?? '').join(''));
    if (text !== '' && values.has(text))
      for (const r of Array.from(tc.getElementsByTagNameNS(W, 'r')) as Element[]) r.parentNode!.removeChild(r);
  }
  zip.file('word/document.xml', new XMLSerializer().serializeToString(doc));
  return zip.generateAsync({ type: 'uint8array' });
}

/** The field a published label names: its label, or what it prints (其中 :上级资金 → 上级资金). */
function fieldFor(t: TemplateDef, label: string) {
  const key = squash(label).replace(/^其中[:：]/, '');
  if (key === '年度') return t.fields.find((f) => f.id === t.identity.year);
  return t.fields.find((f) =>
    [f.label, f.printed ?? ''].some(
      (l) =>
        squash(l)
          .replace(/^其中[:：]/, '')
          .replace(/[:：]$/, '') === key,
    ),
  );
}

interface Tally {
  right: number;
  flagged: number;
  silent: string[];
  total: number;
}

describe.each(['r01-hunan-yueyangxian-2022-gaobiaonongtian', 'r04-hubei-qingshan-2020-bozhuoxuexiao', 'r05-anhui-jinan-2025-tiyu-2forms'])(
  'real layout %s',
  (name) => {
    it('made a blank, becomes a template that reads the published file back: ≥ 95 % right, none silently wrong', async () => {
      const bytes = new Uint8Array(readFileSync(fixture(`${name}.docx`)));
      const parsed = JSON.parse(readFileSync(fixture(`${name}.expected.json`), 'utf8')) as Expected | Expected[];
      const forms = Array.isArray(parsed) ? parsed : [parsed];
      const { template: t } = readBlankFile(await blankOf(bytes, forms), `${name}.docx`);
      const results = readDocxFormsNow(bytes, { templates: [...BUILTIN_TEMPLATES, t] });
      expect(results).toHaveLength(forms.length);
      const tally: Tally = { right: 0, flagged: 0, silent: [], total: 0 };
      results.forEach((r, i) => {
        expect(r.data.templateId).toBe(t.id);
        const uncertain = new Set(r.uncertain);
        const flaggedByNote = (label: string) => r.notes.some((n) => n.includes(`「${label}」`));
        for (const [key, published] of Object.entries(forms[i])) {
          if (key === '表' || key.startsWith('_')) continue;
          if (Array.isArray(published)) {
            const g = t.groups![0];
            const rows = (r.data.values[g.id] as GroupRow[]) ?? [];
            published.forEach((row, k) =>
              Object.values(row).forEach((x, c) => {
                tally.total++;
                const col = g.columns[c];
                if (rows[k]?.[col.id] === kindOf(col.kind).read(x, col).value) tally.right++;
                else tally.silent.push(`${key}第${k + 1}行${col.label}`);
              }),
            );
            continue;
          }
          tally.total++;
          const f = fieldFor(t, key);
          if (f && r.data.values[f.id] === kindOf(f.kind).read(published, f).value) tally.right++;
          else if (f && (uncertain.has(f.id) || flaggedByNote(f.label))) tally.flagged++;
          else tally.silent.push(key);
        }
      });
      expect(tally.silent).toEqual([]);
      expect(tally.right / tally.total).toBeGreaterThanOrEqual(0.95);
    });
  },
);
