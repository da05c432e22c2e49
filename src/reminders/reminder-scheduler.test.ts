import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, TEST_SECRET, type TestApp } from '../../test/support/test-app.ts';
import { createItem, createPlan, createUser } from '../../test/factories/factories.ts';
import { openDatabase, type DatabaseHandle } from '../db/connection.ts';
import { createServices } from '../services.ts';
import { createScheduler } from './reminder-scheduler.ts';
import { startSmtpSink, type SmtpSink } from './smtp-sink.ts';

const silent = { info: () => {}, warn: () => {}, error: () => {} };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let test: TestApp;
let sink: SmtpSink;
beforeAll(async () => {
  sink = await startSmtpSink();
  test = await createTestApp({ smtpUrl: sink.url });
});
afterAll(async () => {
  await test?.close();
  await sink?.close();
});

describe('the scheduler', () => {
  it('runs a pass on its timer, never two at once in one process, and stops cleanly', async () => {
    let passes = 0;
    const scheduler = createScheduler({ db: test.database.db, databaseKind: 'pglite', log: silent, pass: async () => { passes += 1; await sleep(30); } });
    const [first, second] = await Promise.all([scheduler.runPass(), scheduler.runPass()]);
    expect([first, second]).toEqual(['ran', 'busy']);
    const stop = await scheduler.start({ intervalMs: 40, firstPassDelayMs: 0 });
    while (passes < 3) await sleep(10);
    await stop();
    const stopped = passes;
    await sleep(150);
    expect(passes).toBe(stopped);
  });
});

/** Two nodes: two connection pools on one PostgreSQL database, each with its own services and scheduler. */
describe.skipIf(!process.env.DATABASE_URL)('two schedulers on one PostgreSQL database', () => {
  let second: DatabaseHandle;
  beforeAll(async () => {
    const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(test.database.db);
    const url = new URL(process.env.DATABASE_URL ?? '');
    url.pathname = `/${rows[0]?.name ?? ''}`;
    second = await openDatabase({ databaseUrl: url.toString(), dataDir: 'memory', poolSize: 3 });
  });
  afterAll(async () => second?.close());

  it('lets only one of them run a pass at a time, so each reminder is sent once', async () => {
    const owner = await createUser(test.database.db, { roles: ['admin'] });
    const plan = await createPlan(test.database.db, { organisationId: owner.actor.organisationId, periodStart: '2025-04-01' });
    await test.services.cycles.createCycle(owner.actor, plan.id, { name: 'Q', frequency: 'quarterly', dueDays: 10, reminderDays: 5 });
    for (const ref of ['1', '2', '3']) await createItem(test.database.db, { planId: plan.id, ref, title: `Action ${ref}`, leadPersonIds: [owner.person!.id] });

    const options = { secret: TEST_SECRET, baseUrl: 'http://localhost', smtpUrl: sink.url, mailFrom: 'w@test.invalid', log: silent, databaseKind: 'postgres' as const };
    const nodes = [createServices(test.database.db, options), createServices(second.db, options)];
    let running = 0;
    let overlapped = false;
    const schedulers = nodes.map((node) =>
      createScheduler({
        db: node.db,
        databaseKind: 'postgres',
        log: silent,
        pass: async (now) => {
          running += 1;
          overlapped ||= running > 1;
          await sleep(200);
          await node.reminders.runOnce(now);
          running -= 1;
        },
      }),
    );
    const now = new Date('2025-07-10T09:00:00');
    const outcomes = await Promise.all(schedulers.map((s) => s.runPass(now)));
    expect(outcomes.sort()).toEqual(['ran', 'skipped']);
    expect(overlapped).toBe(false);
    expect(sink.messages.filter((m) => m.to.includes(owner.user.email))).toHaveLength(3);

    // The lock was released: the other node can run the next pass, and finds nothing left to send.
    expect(await schedulers[1]!.runPass(now)).toBe('ran');
    expect(await schedulers[0]!.runPass(now)).toBe('ran');
    expect(sink.messages.filter((m) => m.to.includes(owner.user.email))).toHaveLength(3);
  });
});
