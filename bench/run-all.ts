import { readFileSync, writeFileSync } from 'node:fs';
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
 * Prints one table and writes bench/results.json. `BENCH_SIZES=500,2000` runs fewer sizes.
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
    process.stderr.write(`  N=${n} ${name}: p50 ${figures[name].p50.toFixed(1)} ms\n`);
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
    await record(`${f.toUpperCase()} export`, () => test.services.reports.download(actor, request, f, {}, token), n >= 20_000 ? 2 : runs);
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

const results: SuiteResult[] = [];
const kinds: (string | undefined)[] = [undefined, ...(process.env.DATABASE_URL ? [process.env.DATABASE_URL] : [])];
const onPostgresUrl = process.env.DATABASE_URL;
const started = performance.now();
for (const url of kinds) {
  if (url) process.env.DATABASE_URL = url;
  else delete process.env.DATABASE_URL;
  const kind = url ? 'postgres' : 'pglite';
  for (const n of sizes) {
    process.stderr.write(`${kind}, N=${n}\n`);
    const test = await createTestApp();
    try {
      results.push({ kind, n, figures: await benchSize(test, n), rssMiB: process.resourceUsage().maxRSS / 1024 });
    } finally {
      await test.close();
    }
  }
}
if (onPostgresUrl) process.env.DATABASE_URL = onPostgresUrl;
const imports = await benchImports();
const summary = { generatedAt: new Date().toISOString(), cpus: cpus().length, load: loadavg(), seconds: (performance.now() - started) / 1000, targets: TARGETS, results, imports, peakRssMiB: process.resourceUsage().maxRSS / 1024 };
writeFileSync(new URL('./results.json', import.meta.url), `${JSON.stringify(summary, null, 2)}\n`);
printSuite(summary);
