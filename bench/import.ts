/**
 * Issue 4: reading and interpreting a document, before anything is saved. Seed 003 (the largest seed: 22 priorities,
 * a July–June month grid, page-break repeats) parse + interpret p50 over 50 runs, target < 100 ms; a generated
 * 5,000-row XLSX, p50 over 5 runs, target < 3 s; and, for scale, each of the five seeds.
 * `npx tsx bench/import.ts [runs]`.
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { importDocument } from '../src/imports/import-document.ts';
import { seedPath } from '../src/imports/interpret/test-seeds.ts';
import { planWorkbook } from './support/big-workbook.ts';
import { measure, printFigures, type Figure } from './support/measure.ts';

const runs = Math.max(10, Number(process.argv[2] ?? 50));
const seeds = ['000', '001', '002', '003', '004'] as const;
const figures: Figure[] = [];

for (const seed of seeds) {
  const bytes = readFileSync(seedPath(seed));
  const figure = await measure(() => importDocument(bytes, `${seed}.txt`), runs, 5);
  figures.push({ name: `seed ${seed} read + interpret`, ...figure, ...(seed === '003' ? { target: 100 } : {}) });
}

const xlsx = await planWorkbook(5000);
// What is timed must be a real import: all 5,000 rows read as actions.
const understood = await importDocument(xlsx, 'plan-5000.xlsx');
const actions = understood.items.filter((item) => item.kind === 'action').length;
if (actions !== 5000) throw new Error(`the 5,000-row workbook was read as ${actions} actions`);
const big = await measure(() => importDocument(xlsx, 'plan-5000.xlsx'), 5, 1);
figures.push({ name: '5,000-row XLSX read + interpret', ...big, target: 3000 });

process.stdout.write(`node ${process.version}, ${cpus().length} cores, load ${loadavg()[0]?.toFixed(2)}; ${(xlsx.byteLength / 1024).toFixed(0)} KiB workbook\n`);
printFigures('Import (issue 4): parse + interpret, nothing saved', figures);
