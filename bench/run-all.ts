import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadavg, cpus } from 'node:os';
import { format } from 'date-fns';
import { createTestApp, signInAs, type TestApp } from '../test/support/test-app.ts';
import { createUser } from '../test/factories/factories.ts';
import { seedPath } from '../src/imports/interpret/test-seeds.ts';
import { importDocument } from '../src/imports/import-document.ts';
import { noFilters } from '../src/reports/build/report-filters.ts';
import type { ReportRequest } from '../src/reports/build/report-request.ts';
import type { ReportFormat } from '../src/db/schema.ts';
import type { UpdateForm } from '../src/updates/update-form.ts';
import { insertBenchOrganisationPlan } from './support/bench-organisation.ts';
import { measure } from './support/measure.ts';
import { planWorkbook } from './support/big-workbook.ts';
import { TARGETS, printSuite, type SuiteResult } from './support/suite-table.ts';

/**
 * `npm run bench` (issue 10): for N = 500, 2,000 and 20,000 actions (4 levels, 4 approved updates each, 10% of
 * actions depending on another, revised dates), on PGlite and — when DATABASE_URL is set — PostgreSQL, the p50/p95
 * of every page and export people wait for; peak RSS; the targets at N = 2,000 and the 20,000 / 2,000 ratio.
 * Prints one table and writes bench/results.json. `BENCH_SIZES=500,2000` runs fewer sizes. Each size runs in its own
 * process, so its peak RSS is its own (the real server's RSS with 2,000 actions: `bench/memory.ts`).
 */
const sizes = (process.env.BENCH_SIZES ?? '500,2000,20000').split(',').map(Number);
const runsFor = (n: number) => (n >= 20_000 ? 3 : 10);
const seed003 = readFileSync(seedPath('003'));
const bigXlsx = await planWorkbook(5000);

const form = (i: number): UpdateForm => ({
  status: 'On target', ragProposed: 'green', direction: 'same', percentComplete: null,
  narrative: `Progress this quarter on action ${i}.`, correctiveAction: null, revisedTargetText: null, revisionReason: null, intent: 'submit',
});

async function benchSize(test: TestApp, n: number): Promise<Record<string, { p50: number; p95: number }>> {
  const db = test.database.db;
  const runs = runsFor(n);
  const { user, actor } = await createUser(db, { roles: ['admin', 'reviewer'] });
  const bench = await insertBenchOrganisationPlan(db, actor.organisationId, user.id, n);
  const planId = bench.plan.id;
  const session = await signInAs(test, user);
  const get = async (url: string) => {
    const response = await session.get(url);
    if (response.statusCode !== 200) throw new Error(`${url} answered ${response.statusCode}`);
    return response;
  };
  const touch = () => db.insertInto('audit_log').values({ organisation_id: actor.organisationId, user_id: user.id, user_name: 'bench', plan_id: planId, entity_type: 'bench', entity_id: planId, action: 'touch', before: null, after: null }).execute();
  const figures: Record<string, { p50: number; p95: number }> = {};
  const record = async (name: string, run: () => Promise<unknown>, times = runs) => {
    figures[name] = await measure(run, times, 1);
    process.stderr.write(`  N=${n} ${name}: p50 ${figures[name].p50.toFixed(1)} ms (heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB)\n`);
  };

  await record('plan page', () => get(`/plans/${planId}`));
  await record('plan page after a change', async () => { await touch(); return get(`/plans/${planId}`); }, Math.min(runs, 5));
  await record('filtered plan page', () => get(`/plans/${planId}?priority=High&q=deliver`));
  const itemId = bench.actionIds[Math.floor(bench.actionIds.length / 2)] as string;
  await record('item page', () => get(`/plans/${planId}/items/${itemId}`));
  await record('timeline', () => get(`/plans/${planId}/timeline`));

  const request: ReportRequest = { planId, otherPlanIds: [], templateId: null, periodId: null, asAt: format(new Date(), 'yyyy-MM-dd'), audience: 'Cabinet', filters: noFilters, sections: null };
  const { token } = await test.services.reports.preview(actor, request);
  for (const f of ['csv', 'xlsx', 'docx', 'pdf'] as ReportFormat[]) {
    await record(`${f.toUpperCase()} export`, () => test.services.reports.download(actor, request, f, {}, token), n >= 20_000 ? 3 : runs);
  }

  await db.updateTable('plans').set({ settings: JSON.stringify({ publishing: { published: true, releasedUpTo: new Date().toISOString() } }) }).where('id', '=', planId).execute();
  test.services.api.limits.perMinute = 1_000_000;
  await record('API page of 100', async () => {
    const response = await test.app.inject({ url: `/api/v1/plans/${planId}/items?limit=100` });
    if (response.statusCode !== 200) throw new Error(`API answered ${response.statusCode}`);
  });

  let next = 0;
  await record('submit an update', () => test.services.updates.saveUpdate(actor, planId, bench.actionIds[next++ % bench.actionIds.length] as string, form(next)));
  return figures;
}

async function benchImports(): Promise<Record<string, { p50: number; p95: number }>> {
  const figures: Record<string, { p50: number; p95: number }> = {};
  figures['import seed 003 (read and interpret)'] = await measure(() => importDocument(seed003, '003.txt'), 10, 2);
  figures['import 5,000-row XLSX (read and interpret)'] = await measure(() => importDocument(bigXlsx, 'big.xlsx'), 3, 1);
  return figures;
}

/**
 * Each (database, N) runs in a child process of its own (this script with BENCH_ONE=kind:n), so the peak RSS printed
 * for it is that run's alone: the app, its data and its exports, not the sizes before it.
 */
function runOneInChild(kind: string, n: number, databaseUrl: string | undefined): SuiteResult {
  const env: NodeJS.ProcessEnv = { ...process.env, BENCH_ONE: `${kind}:${n}` };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  else delete env.DATABASE_URL;
  const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url)], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
  const last = child.stdout.trim().split('\n').at(-1) ?? '';
  if (child.status !== 0 || !last.startsWith('{')) throw new Error(`the ${kind} run at N=${n} failed (exit ${child.status})`);
  return JSON.parse(last) as SuiteResult;
}

const one = process.env.BENCH_ONE?.split(':');
if (one) {
  const [kind = 'pglite', n = '0'] = one;
  process.stderr.write(`${kind}, N=${n}\n`);
  const test = await createTestApp();
  try {
    const figures = await benchSize(test, Number(n));
    process.stdout.write(`${JSON.stringify({ kind, n: Number(n), figures, rssMiB: process.resourceUsage().maxRSS / 1024 })}\n`);
  } finally {
    await test.close();
  }
} else {
  const started = performance.now();
  const kinds: [string, string | undefined][] = [['pglite', undefined], ...(process.env.DATABASE_URL ? [['postgres', process.env.DATABASE_URL] as [string, string]] : [])];
  const results = kinds.flatMap(([kind, url]) => sizes.map((n) => runOneInChild(kind, n, url)));
  const imports = await benchImports();
  const summary = { generatedAt: new Date().toISOString(), cpus: cpus().length, load: loadavg(), seconds: (performance.now() - started) / 1000, targets: TARGETS, results, imports, peakRssMiB: Math.max(process.resourceUsage().maxRSS / 1024, ...results.map((r) => r.rssMiB)) };
  writeFileSync(new URL('./results.json', import.meta.url), `${JSON.stringify(summary, null, 2)}\n`);
  printSuite(summary);
}
