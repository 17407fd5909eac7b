/** The 汇总's files as bytes with their default names, for the handlers and the command line. */
import { PassThrough } from 'node:stream';
import type { Summary } from '../../../shared/contract';
import { sanitizeFileName } from '../export/fileName';
import type { Store } from '../store';
import { summaryDocx } from './docx';
import { CHECK_TEXT, STAGE_TITLES } from './text';
import { writeSummaryXlsx, type SummaryXlsxOptions } from './xlsx';

/** 2025年度项目支出绩效目标表汇总表（有错误）.xlsx */
export function summaryFileName(summary: Summary, ext: '.xlsx' | '.docx'): string {
  const what = summary.stage
    ? STAGE_TITLES[summary.stage.stage].replace(/汇总表$|统计表$/, '')
    : summary.sections.length === 1
      ? summary.sections[0].templateTitle
      : '';
  const kind = summary.stage?.stage === 'monitoring' ? '统计表' : '汇总表';
  const limits = [
    summary.filter.parent !== undefined ? (summary.sections[0]?.parents[0]?.name ?? '') : '',
    summary.filter.status ? CHECK_TEXT[summary.filter.status] : '',
  ].filter(Boolean);
  return sanitizeFileName(`${summary.year}年度${what}${kind}${limits.length ? `（${limits.join('，')}）` : ''}`, ext);
}

export async function summaryXlsxBytes(store: Store, summary: Summary, opts: SummaryXlsxOptions = {}): Promise<Uint8Array> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  await writeSummaryXlsx(store, summary, out, opts);
  out.end();
  await ended;
  const buf = Buffer.concat(chunks);
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

export const summaryDocxBytes = (summary: Summary): Promise<Uint8Array> => summaryDocx(summary);
