import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, type Db } from '../src/db/connection.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { createUser } from '../test/factories/factories.ts';
import { createTestDatabase } from '../test/support/test-db.ts';
import { insertBenchOrganisationPlan } from './support/bench-organisation.ts';
import { memoryOf, signInOverHttp, startServer } from './support/child-server.ts';

/**
 * Issue 10: the server's peak RSS (VmHWM) < 200 MiB with a 2,000-action plan. The real server (`src/server.ts` under
 * tsx) runs as a child process on PGlite and, when DATABASE_URL is set, on a fresh PostgreSQL database; a signed-in
 * user opens the plan, item and timeline pages, the report preview and its four downloads and the API's first page of
 * 100, each a few times, then (last, as it needs more than the rest) the timeline PNG of one lead's actions (the whole
 * chart is too big for a PNG and is refused). Beside it, the breakdown:
 * node with tsx alone, after loading the app's modules, and PGlite opened and reading the plan (also with a smaller
 * buffer pool). The peak after each step is printed; the last line of stdout is every figure as JSON.
 */
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const TARGET_MIB = 200;
const ACTIONS = Number(process.env.BENCH_ACTIONS ?? 2000);
const REPEAT = 3;

async function populate(db: Db) {
  await migrateToLatest(db as never);
  const { user, actor } = await createUser(db, { roles: ['admin'] });
  const bench = await insertBenchOrganisationPlan(db, actor.organisationId, user.id, ACTIONS);
  const publishing = { published: true, releasedUpTo: new Date().toISOString() };
  await db.updateTable('plans').set({ settings: JSON.stringify({ publishing }) }).where('id', '=', bench.plan.id).execute();
  return { email: user.email, planId: bench.plan.id, itemId: bench.actionIds[Math.floor(bench.actionIds.length / 2)] ?? '', leadId: bench.personIds[0] ?? '' };
}

/** Peak and current RSS of a fresh `node --import tsx` that runs `code` (an ES module body). */
function probe(code: string, env: Record<string, string> = {}): { peakMiB: number; currentMiB: number } {
  const body = `import { readFileSync } from 'node:fs';\n${code}\nconst s = readFileSync('/proc/self/status', 'utf8');\nconst kb = (f) => Number(new RegExp(f + ':\\\\s+(\\\\d+)').exec(s)[1]);\nconsole.log(JSON.stringify({ peakMiB: kb('VmHWM') / 1024, currentMiB: kb('VmRSS') / 1024 }));`;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', body], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });
  const last = run.stdout.trim().split('\n').at(-1) ?? '';
  if (run.status !== 0 || !last.startsWith('{')) throw new Error(`probe failed: ${run.stderr}`);
  return JSON.parse(last) as { peakMiB: number; currentMiB: number };
}

/** Starts the server, signs in, makes every request `REPEAT` times; the server's memory after start and at the end. */
async function serve(env: Record<string, string>, data: { email: string; planId: string; itemId: string; leadId: string }) {
  const server = await startServer(env);
  try {
    const pid = server.child.pid ?? 0;
    const started = memoryOf(pid);
    const cookie = await signInOverHttp(server.url, data.email);
    const get = async (url: string, signedIn = true) => {
      const response = await fetch(`${server.url}${url}`, { headers: signedIn ? { cookie } : {} });
      if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
      return response.text();
    };
    const plan = `/plans/${data.planId}`;
    const steps: Record<string, number> = {};
    const step = async (name: string, run: () => Promise<unknown>) => {
      for (let i = 0; i < REPEAT; i += 1) await run();
      steps[name] = memoryOf(pid).peakMiB;
    };
    await step('plan page', () => get(plan));
    await step('item page', () => get(`${plan}/items/${data.itemId}`));
    await step('timeline', () => get(`${plan}/timeline`));
    let links: string[] = [];
    await step('report preview', async () => {
      const page = await get(`${plan}/reports/preview?audience=Cabinet`);
      links = [...page.matchAll(/href="(\/plans\/[^"]+\/reports\/download\/\w+\?[^"]+)"/g)].map((m) => (m[1] ?? '').replace(/&amp;/g, '&'));
    });
    for (const format of ['csv', 'xlsx', 'docx', 'pdf']) {
      const link = links.find((l) => l.includes(`/download/${format}?`));
      if (!link) throw new Error(`the preview has no ${format} download link`);
      await step(`${format.toUpperCase()} download`, () => get(link));
    }
    await step('API page of 100', () => get(`/api/v1/plans/${data.planId}/items?limit=100`, false));
    const withoutPng = memoryOf(pid);
    // The whole 2,000-row chart is refused as a PNG (too many pixels: download the SVG); one lead's actions are drawn.
    const whole = await fetch(`${server.url}${plan}/timeline.png`, { headers: { cookie } });
    if (whole.status !== 422) throw new Error(`the whole timeline as PNG answered ${whole.status}, not 422`);
    await step('timeline PNG', () => get(`${plan}/timeline.png?lead=${data.leadId}`));
    return { startedMiB: started.currentMiB, steps, peakWithoutPngMiB: withoutPng.peakMiB, ...memoryOf(pid) };
  } finally {
    await server.stop();
  }
}

const line = (name: string, mib: number, target = false) =>
  process.stdout.write(`${name.padEnd(52)} ${mib.toFixed(0).padStart(5)} MiB${target ? `   target < ${TARGET_MIB} MiB: ${mib < TARGET_MIB ? 'met' : 'NOT MET'}` : ''}\n`);

const dataDir = mkdtempSync(path.join(tmpdir(), 'waymark-memory-'));
try {
  const pglite = await openDatabase({ dataDir });
  const data = await populate(pglite.db);
  await pglite.close();

  const baseline = probe('');
  const modules = probe(`await import('./src/db/connection.ts'); await import('./src/db/migrate.ts'); await import('./src/services.ts'); await import('./src/app.ts');`);
  const env = { PROBE_DATA_DIR: dataDir };
  const tables = `['items', 'updates', 'relations', 'date_revisions', 'people']`;
  const pgliteOpen = probe(`const { openDatabase } = await import('./src/db/connection.ts'); await (await openDatabase({ dataDir: process.env.PROBE_DATA_DIR, pgliteSharedBuffers: '128MB' })).close();`, env);
  const readWith = (sharedBuffers: string) =>
    probe(
      `const { openDatabase } = await import('./src/db/connection.ts'); const { sql } = await import('kysely');
       const h = await openDatabase({ dataDir: process.env.PROBE_DATA_DIR, pgliteSharedBuffers: '${sharedBuffers}' });
       for (const t of ${tables}) await sql.raw('select * from ' + t).execute(h.db);
       await h.close();`,
      env,
    );
  // PostgreSQL's default buffer pool (128MB) against Waymark's (PGLITE_SHARED_BUFFERS, 32MB), which the server uses.
  const pgliteRead = readWith('128MB');
  const pgliteSmallBuffers = readWith('32MB');
  const onPglite = await serve({ DATA_DIR: dataDir, DATABASE_URL: '' }, data);

  let onPostgres: Awaited<ReturnType<typeof serve>> | null = null;
  if (process.env.DATABASE_URL) {
    const database = await createTestDatabase();
    try {
      const pgData = await populate(database.db);
      const pgDir = mkdtempSync(path.join(tmpdir(), 'waymark-memory-pg-'));
      onPostgres = await serve({ DATA_DIR: pgDir, DATABASE_URL: database.url ?? '' }, pgData);
      rmSync(pgDir, { recursive: true, force: true });
    } finally {
      await database.close();
    }
  }

  process.stdout.write(`\nServer memory, ${ACTIONS}-action plan, each page and download ${REPEAT} times (VmHWM = peak RSS)\n`);
  line('node + tsx, nothing loaded (peak)', baseline.peakMiB);
  line('node + tsx + the app’s modules (peak)', modules.peakMiB);
  line('node + tsx + PGlite (with pg, kysely) opened, shared_buffers=128MB (peak)', pgliteOpen.peakMiB);
  line('  … and reading the whole plan (peak)', pgliteRead.peakMiB);
  line('  … the same with shared_buffers=32MB, the server’s (peak)', pgliteSmallBuffers.peakMiB);
  for (const [kind, run] of [['PGlite', onPglite], ['PostgreSQL', onPostgres]] as const) {
    if (!run) continue;
    line(`${kind}: server after start (RSS)`, run.startedMiB);
    for (const [name, peak] of Object.entries(run.steps)) line(`${kind}: peak after ${name}`, peak);
    line(`${kind}: server peak RSS before the PNG`, run.peakWithoutPngMiB, true);
    line(`${kind}: server peak RSS`, run.peakMiB, true);
  }
  process.stdout.write(`${JSON.stringify({ actions: ACTIONS, targetMiB: TARGET_MIB, baseline, modules, pgliteOpen, pgliteRead, pgliteSmallBuffers, pglite: onPglite, postgres: onPostgres })}\n`);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
