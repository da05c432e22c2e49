import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { ServiceOptions } from '../services.ts';

/** Every node uses this PostgreSQL advisory lock key for a reminder pass (the migrations use another). */
export const REMINDER_LOCK = 7_352_002;
export const DEFAULT_INTERVAL_MS = 5 * 60 * 1000;
/** The first pass runs shortly after start, not at once, so start-up is not slowed. */
const FIRST_PASS_DELAY_MS = 10_000;

export type PassOutcome = 'ran' | 'skipped' | 'busy';

export interface SchedulerOptions {
  db: Db;
  databaseKind: 'pglite' | 'postgres';
  pass: (now: Date) => Promise<unknown>;
  log: ServiceOptions['log'];
}

/**
 * An in-process timer for timed work. On PGlite (one process owns the database) a pass just runs. On PostgreSQL, where
 * several nodes may run, a pass first takes a session advisory lock with pg_try_advisory_lock on a dedicated
 * connection: a node that cannot get it skips this pass, so only one node at a time runs one. The lock is released
 * after the pass (and by PostgreSQL itself if the node dies, as its connection closes).
 */
export function createScheduler(options: SchedulerOptions) {
  let inFlight: Promise<PassOutcome> | null = null;

  async function lockedPass(now: Date): Promise<PassOutcome> {
    if (options.databaseKind !== 'postgres') {
      await options.pass(now);
      return 'ran';
    }
    return options.db.connection().execute(async (connection) => {
      const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_lock(${REMINDER_LOCK}) as locked`.execute(connection);
      if (!rows[0]?.locked) return 'skipped';
      try {
        await options.pass(now);
        return 'ran';
      } finally {
        await sql`select pg_advisory_unlock(${REMINDER_LOCK})`.execute(connection);
      }
    });
  }

  /** One pass now, unless one is already running in this process. */
  async function runPass(now: Date = new Date()): Promise<PassOutcome> {
    if (inFlight) return 'busy';
    inFlight = lockedPass(now);
    try {
      return await inFlight;
    } finally {
      inFlight = null;
    }
  }

  return {
    runPass,
    /** Starts the timer; resolves to a stop function that clears it and waits for a running pass to finish. */
    start(settings: { intervalMs?: number; firstPassDelayMs?: number } = {}): Promise<() => Promise<void>> {
      const tick = () => {
        runPass().catch((error: unknown) => options.log.error({ err: error }, 'scheduled pass failed'));
      };
      const first = setTimeout(tick, settings.firstPassDelayMs ?? FIRST_PASS_DELAY_MS);
      const timer = setInterval(tick, settings.intervalMs ?? DEFAULT_INTERVAL_MS);
      return Promise.resolve(async () => {
        clearTimeout(first);
        clearInterval(timer);
        await inFlight?.catch(() => undefined);
      });
    },
  };
}
