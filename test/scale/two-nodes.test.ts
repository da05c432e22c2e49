import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../support/test-db.ts';
import { createUser, TEST_PASSWORD } from '../factories/factories.ts';

/**
 * Several app nodes on one PostgreSQL: sessions live in the database, so a user signed in on one node is signed in
 * on the other. Runs only against PostgreSQL (DATABASE_URL); PGlite is one process by nature.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const onPostgres = Boolean(process.env.DATABASE_URL);

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitForHealth(url: string): Promise<void> {
  for (let i = 0; i < 120; i += 1) {
    const ok = await fetch(`${url}/health`).then((r) => r.ok).catch(() => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not become healthy`);
}

const cookiesOf = (response: Response) => response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');

describe.skipIf(!onPostgres)('two app nodes on one PostgreSQL', () => {
  const nodes: { process: ChildProcess; url: string }[] = [];
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let email = '';

  beforeAll(async () => {
    database = await createTestDatabase();
    const { user } = await createUser(database.db, { roles: ['admin'], name: 'Nora Node' });
    email = user.email;
    for (let i = 0; i < 2; i += 1) {
      const port = await freePort();
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: database.url, PORT: String(port), HOST: '127.0.0.1', BASE_URL: '', SESSION_SECRET: 'a-shared-secret-for-both-nodes-of-this-test', LOG_LEVEL: 'warn', SCHEDULER: 'off' },
        stdio: 'ignore',
      });
      nodes.push({ process: child, url: `http://127.0.0.1:${port}` });
    }
    await Promise.all(nodes.map((n) => waitForHealth(n.url)));
  }, 180_000);

  afterAll(async () => {
    for (const node of nodes) node.process.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    await database?.close();
  });

  it('signs in on one node and is signed in on the other', async () => {
    const [a, b] = nodes;
    if (!a || !b) throw new Error('nodes did not start');
    const form = await fetch(`${a.url}/sign-in`);
    const pre = cookiesOf(form);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? '';
    const signIn = await fetch(`${a.url}/sign-in`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: pre, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, email, password: TEST_PASSWORD, returnTo: '/plans' }).toString(),
    });
    expect(signIn.status).toBe(303);
    const session = cookiesOf(signIn);
    expect(session).toContain('waymark_session=');

    const onB = await fetch(`${b.url}/plans`, { headers: { cookie: session }, redirect: 'manual' });
    expect(onB.status).toBe(200);
    expect(await onB.text()).toContain('Sign out Nora Node');
  });
});
