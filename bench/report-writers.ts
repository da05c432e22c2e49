/**
 * How long each report writer takes on a 2,000-action plan: `npx tsx bench/report-writers.ts [runs]`.
 * One warm-up run per writer, then `runs` timed runs (default 9); prints p50 and p95 beside the targets.
 */
import { buildSampleReport } from '../src/reports/model/sample-report.ts';
import { writeReportCsv } from '../src/reports/writers/report-csv.ts';
import { writeReportDocx } from '../src/reports/writers/report-docx.ts';
import { renderReportHtml } from '../src/reports/writers/report-html.ts';
import { writeReportPdf } from '../src/reports/writers/report-pdf.ts';
import { writeReportXlsx } from '../src/reports/writers/report-xlsx.ts';

const runs = Math.max(1, Number(process.argv[2] ?? 9));
const model = buildSampleReport(2000);

const writers: { name: string; targetMs: number; write: () => Promise<Buffer | string> | Buffer | string }[] = [
  { name: 'PDF', targetMs: 1000, write: () => writeReportPdf(model) },
  { name: 'DOCX', targetMs: 1000, write: () => writeReportDocx(model) },
  { name: 'XLSX', targetMs: 500, write: () => writeReportXlsx(model) },
  { name: 'CSV', targetMs: 100, write: () => writeReportCsv(model) },
  { name: 'HTML', targetMs: 200, write: () => renderReportHtml(model, { standalone: true }) },
];

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

const pad = (text: string, width: number) => text.padStart(width);
console.log(`Report writers, ${model.rows.length} rows (2,000 actions), ${runs} runs each after one warm-up\n`);
console.log(`${'writer'.padEnd(8)}${pad('p50 ms', 9)}${pad('p95 ms', 9)}${pad('target', 9)}${pad('size', 11)}  result`);
let failed = false;
for (const writer of writers) {
  const first = await writer.write();
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    await writer.write();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const p50 = percentile(times, 50);
  const ok = p50 < writer.targetMs;
  failed ||= !ok;
  const size = typeof first === 'string' ? Buffer.byteLength(first) : first.length;
  console.log(`${writer.name.padEnd(8)}${pad(p50.toFixed(0), 9)}${pad(percentile(times, 95).toFixed(0), 9)}`
    + `${pad(`< ${writer.targetMs}`, 9)}${pad(`${(size / 1024).toFixed(0)} KB`, 11)}  ${ok ? 'ok' : 'SLOW (p50 over target)'}`);
}
process.exitCode = failed ? 1 : 0;
