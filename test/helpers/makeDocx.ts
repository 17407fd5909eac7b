/**
 * Builds .docx files from raw WordprocessingML with JSZip, the way other programs write
 * them (runs split mid-word, merges written differently, content controls, tracked
 * changes), so the importer is tested against files unlike our own exports.
 */
import JSZip from 'jszip';

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One run; `\n` becomes w:br and `\t` w:tab, as Word writes them. */
export function run(text: string): string {
  const parts = text
    .split(/(\n|\t)/)
    .map((s) => (s === '\n' ? '<w:br/>' : s === '\t' ? '<w:tab/>' : s ? `<w:t xml:space="preserve">${esc(s)}</w:t>` : ''));
  return `<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr>${parts.join('')}</w:r>`;
}

/** A paragraph of raw inline XML. */
export const para = (...inline: string[]): string => `<w:p><w:pPr><w:jc w:val="left"/></w:pPr>${inline.join('')}</w:p>`;

/** Paragraphs of plain text, one per line. */
export const paras = (text: string): string =>
  text
    .split('\n')
    .map((l) => para(run(l)))
    .join('');

export interface CellOpts {
  span?: number;
  /** 'restart' starts a vertical merge; 'continue' and 'bare' (no w:val, as Word writes it) continue one. */
  vMerge?: 'restart' | 'continue' | 'bare';
}

export function tc(content: string, opts: CellOpts = {}): string {
  const pr = [
    '<w:tcW w:w="0" w:type="auto"/>',
    opts.span && opts.span > 1 ? `<w:gridSpan w:val="${opts.span}"/>` : '',
    opts.vMerge === 'restart'
      ? '<w:vMerge w:val="restart"/>'
      : opts.vMerge === 'continue'
        ? '<w:vMerge w:val="continue"/>'
        : opts.vMerge === 'bare'
          ? '<w:vMerge/>'
          : '',
  ].join('');
  // A cell must end with a paragraph.
  const body = content.endsWith('</w:p>') ? content : content + '<w:p/>';
  return `<w:tc><w:tcPr>${pr}</w:tcPr>${body}</w:tc>`;
}

export function tr(cells: string[], opts: { gridBefore?: number; gridAfter?: number } = {}): string {
  const pr = [
    opts.gridBefore ? `<w:gridBefore w:val="${opts.gridBefore}"/>` : '',
    opts.gridAfter ? `<w:gridAfter w:val="${opts.gridAfter}"/>` : '',
  ].join('');
  return `<w:tr>${pr ? `<w:trPr>${pr}</w:trPr>` : ''}${cells.join('')}</w:tr>`;
}

export function tbl(rows: string[], cols: number[] = [1700, 1400, 2800, 2900]): string {
  return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders><w:top w:val="single" w:sz="4"/></w:tblBorders></w:tblPr><w:tblGrid>${cols
    .map((w) => `<w:gridCol w:w="${w}"/>`)
    .join('')}</w:tblGrid>${rows.join('')}</w:tbl>`;
}

export function documentXml(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`;
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;

const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

export interface MakeDocxOpts {
  /** Replaces the whole document.xml (for malformed or hostile XML). */
  documentXml?: string;
  /** Extra or replacing zip entries. */
  entries?: Record<string, string | Uint8Array>;
  compression?: 'STORE' | 'DEFLATE';
}

/** A minimal, valid .docx whose body is `body` (raw WordprocessingML). */
export async function makeDocx(body: string, opts: MakeDocxOpts = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', CONTENT_TYPES);
  zip.file('_rels/.rels', RELS);
  zip.file('word/document.xml', opts.documentXml ?? documentXml(body));
  for (const [name, data] of Object.entries(opts.entries ?? {})) zip.file(name, data);
  return zip.generateAsync({ type: 'uint8array', compression: opts.compression ?? 'DEFLATE' });
}

export interface HandmadeOpts {
  /** Printed label for a field label, e.g. { 部门名称: '部门(单位)名称' }. */
  labels?: Record<string, string>;
  /** The unit line's label, e.g. '填报单位(公章):'. */
  unitLabel?: string;
  /** How the year line reads; `{year}` is replaced. */
  yearLine?: string;
  /** Colon after labels in shared cells. */
  colon?: string;
  /** Put the form table inside a one-cell layout table. */
  nested?: boolean;
  /** Shift every row right by one grid column with gridBefore. */
  gridBefore?: boolean;
  /** Continue vertical merges with a bare <w:vMerge/>. */
  bareVMerge?: boolean;
}

/**
 * The body of a form typed by hand in Word from label-keyed values (the shape of
 * test/fixtures/seed-2019-taoyuan.json): the paper layout, but none of our exporter's habits.
 */
export function handmadeFormBody(v: Record<string, string>, o: HandmadeOpts = {}): string {
  const L = (label: string) => o.labels?.[label] ?? label;
  const c = o.colon ?? '：';
  const pair = (label: string, lead = '') => paras(`${lead}${L(label)}${c}${v[label] ?? ''}`);
  const cont: CellOpts['vMerge'] = o.bareVMerge ? 'bare' : 'continue';
  const rows = [
    [tc(paras(L('部门名称'))), tc(paras(v['部门名称'] ?? ''), { span: 3 })],
    [tc(paras('年度预算申请\n（万元）'), { vMerge: 'restart' }), tc(pair('资金总额'), { span: 3 })],
    [tc('', { vMerge: cont }), tc(pair('按收入性质分'), { span: 2 }), tc(pair('按支出性质分'))],
    [tc('', { vMerge: cont }), tc(pair('一般公共预算拨款', '其中：'), { span: 2 }), tc(pair('基本支出', '其中：'))],
    [tc('', { vMerge: cont }), tc(pair('政府性基金拨款'), { span: 2 }), tc(pair('项目支出'))],
    [tc('', { vMerge: cont }), tc(pair('纳入专户管理的非税收入拨款'), { span: 2 }), tc('')],
    [tc('', { vMerge: cont }), tc(pair('其他资金'), { span: 2 }), tc('')],
    [tc(paras(L('部门职能职责概述'))), tc(paras(v['部门职能职责概述'] ?? ''), { span: 3 })],
    [tc(paras(L('整体绩效目标'))), tc(paras(v['整体绩效目标'] ?? ''), { span: 3 })],
    [tc(paras('部门整体支出\n年度绩效指标'), { vMerge: 'restart' }), tc(paras(L('产出指标'))), tc(paras(v['产出指标'] ?? ''), { span: 2 })],
    [tc('', { vMerge: cont }), tc(paras(L('效益指标'))), tc(paras(v['效益指标'] ?? ''), { span: 2 })],
    [tc(paras(L('审核意见'))), tc(paras(`${v['审核意见'] ?? ''}\n（盖章）\n年\u3000月\u3000日`), { span: 3 })],
  ].map((cells) => tr(o.gridBefore ? [...cells] : cells, o.gridBefore ? { gridBefore: 1 } : {}));
  const table = tbl(rows, o.gridBefore ? [300, 1700, 1400, 2800, 2900] : undefined);
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v['填报日期'] ?? '');
  const printedDate = date ? `${date[1]}年${Number(date[2])}月${Number(date[3])}日` : (v['填报日期'] ?? '');
  const above = [
    paras('部门整体支出绩效目标申报表'),
    paras((o.yearLine ?? '（{year}年度）').replace('{year}', v['年度'] ?? '')),
    paras(`${o.unitLabel ?? '填报单位（盖章）：'}${v['填报单位'] ?? ''}`),
  ].join('');
  const below = paras(`填报人：${v['填报人'] ?? ''}\u3000\u3000联系电话：${v['联系电话'] ?? ''}\u3000\u3000填报日期：${printedDate}`);
  const form = o.nested ? tbl([tr([tc(para(run('')) + table + para(run('')))])], [9000]) : table;
  return above + form + below;
}
