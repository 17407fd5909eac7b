/**
 * Export speed: the seed form to .docx bytes in process, warm (export_ms_p50), against the
 * floor of zipping the very same XML parts with JSZip alone (export_floor_ms_p50). The two
 * are measured alternately in one loop so that a busy machine slows both alike. The 40-row
 * project form to .docx (xiangmu_export_ms_p50) and to .xlsx (xiangmu_xlsx_export_ms_p50).
 */
import JSZip from 'jszip';
import { APP_VERSION } from '../electron/core/appInfo';
import { exportDocx } from '../electron/core/export';
import { exportFormXlsx } from '../electron/core/export/formXlsx';
import { seedForm, T2019 } from '../test/helpers/seed';
import { PROJECT_TEMPLATE, projectForm40 } from './projectForm';

const WARMUP = 15;
const RUNS = 60;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

async function partsOf(bytes: Uint8Array): Promise<[string, string][]> {
  const zip = await JSZip.loadAsync(bytes);
  const out: [string, string][] = [];
  for (const name of Object.keys(zip.files)) if (!zip.files[name].dir) out.push([name, await zip.file(name)!.async('string')]);
  return out;
}

async function packFloor(parts: [string, string][]): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, text] of parts) zip.file(name, text);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

export async function run(): Promise<Record<string, number>> {
  const form = seedForm();
  const opts = { appVersion: APP_VERSION };
  const parts = await partsOf((await exportDocx(form, T2019, opts)).bytes);
  for (let i = 0; i < WARMUP; i++) {
    await exportDocx(form, T2019, opts);
    await packFloor(parts);
  }
  const exportMs: number[] = [];
  const floorMs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    let t0 = performance.now();
    await exportDocx(form, T2019, opts);
    exportMs.push(performance.now() - t0);
    t0 = performance.now();
    await packFloor(parts);
    floorMs.push(performance.now() - t0);
  }
  const exp = median(exportMs);
  const floor = median(floorMs);
  // A project form with 40 indicator rows (merged 一级/二级, two tables for the repeated header).
  const project = projectForm40();
  for (let i = 0; i < WARMUP; i++) await exportDocx(project, PROJECT_TEMPLATE, opts);
  const projectMs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await exportDocx(project, PROJECT_TEMPLATE, opts);
    projectMs.push(performance.now() - t0);
  }
  // The same form as an Excel sheet in its printed layout, with its embedded copy.
  for (let i = 0; i < WARMUP; i++) await exportFormXlsx(project, PROJECT_TEMPLATE, opts);
  const xlsxMs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await exportFormXlsx(project, PROJECT_TEMPLATE, opts);
    xlsxMs.push(performance.now() - t0);
  }
  return {
    export_ms_p50: round(exp),
    export_floor_ms_p50: round(floor),
    export_vs_floor: round(exp / floor),
    xiangmu_export_ms_p50: round(median(projectMs)),
    xiangmu_xlsx_export_ms_p50: round(median(xlsxMs)),
  };
}

const isMain = process.argv[1] && /bench[\\/]export\.[cm]?[jt]s$/.test(process.argv[1]);
if (isMain) run().then((r) => console.log(JSON.stringify(r)));
