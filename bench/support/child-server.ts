import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../../src/db/connection.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { createUser, TEST_PASSWORD } from '../../test/factories/factories.ts';
import { insertBenchOrganisationPlan } from './bench-organisation.ts';
import { insertSession } from '../../src/auth/session-repository.ts';
import { newToken, tokenDigest } from '../../src/auth/session-token.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export const BENCH_SECRET = 'bench-secret-that-is-long-enough-for-config';

/**
 * A PGlite data folder with the schema, an administrator, a plan of `actions` actions, and `sessions` signed-in
 * sessions of that administrator (as cookies), so a load test need not go through the rate-limited sign-in.
 */
export async function prepareDataDir(actions: number, sessions = 0) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'waymark-bench-'));
  const database = await openDatabase({ dataDir });
  await migrateToLatest(database.db as never);
  const { user, actor } = await createUser(database.db, { roles: ['admin'] });
  const bench = await insertBenchOrganisationPlan(database.db, actor.organisationId, user.id, actions);
  const cookies: string[] = [];
  for (let i = 0; i < sessions; i += 1) {
    const token = newToken();
    await insertSession(database.db, { id: tokenDigest(BENCH_SECRET, 'session', token), organisationId: actor.organisationId, userId: user.id, expiresAt: new Date(Date.now() + 86_400_000) });
    cookies.push(`waymark_session=${token}`);
  }
  await database.close();
  return { dataDir, email: user.email, planId: bench.plan.id, actionIds: bench.actionIds, cookies };
}

export interface RunningServer {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** The real server (`src/server.ts`) as a child process on a free port. */
export async function startServer(env: Record<string, string>): Promise<RunningServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [...(process.env.BENCH_SERVER_FLAGS ?? '').split(' ').filter(Boolean), '--import', 'tsx', 'src/server.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', BASE_URL: '', SESSION_SECRET: BENCH_SECRET, SCHEDULER: 'off', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', process.env.BENCH_SERVER_STDOUT ? 'inherit' : 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240; i += 1) {
    if (await fetch(`${url}/health`).then((r) => r.ok).catch(() => false)) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    child,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Signs in through the real form; returns the session cookie. */
export async function signInOverHttp(url: string, email: string): Promise<string> {
  const form = await fetch(`${url}/sign-in`);
  const pre = form.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? '';
  const response = await fetch(`${url}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: pre, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf, email, password: TEST_PASSWORD, returnTo: '/plans' }).toString(),
  });
  const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c?.startsWith('waymark_session='));
  if (!cookie) throw new Error(`sign-in failed with ${response.status}`);
  return cookie;
}

/** Peak and current resident memory of a process, in MiB (Linux). */
export function memoryOf(pid: number): { peakMiB: number; currentMiB: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { peakMiB: kb('VmHWM') / 1024, currentMiB: kb('VmRSS') / 1024 };
}
