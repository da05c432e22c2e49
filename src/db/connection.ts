import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { postgresqlConfWith } from './pglite-conf.ts';
import type { Database } from './schema.ts';

/** `date` columns stay yyyy-mm-dd text: a date a person wrote has no time zone. */
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);
/** `bigint` counts fit in a number for everything Waymark counts. */
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));

export type Db = Kysely<Database>;

export interface DatabaseHandle {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres:// URL; when absent an embedded PGlite database is used. */
  databaseUrl?: string | undefined;
  /** Folder for the PGlite files; `memory` keeps the database in memory (tests). */
  dataDir: string;
  poolSize?: number;
  /** PGlite's buffer pool (shared_buffers, e.g. `32MB`) in a data folder; PostgreSQL's default (128MB) when absent. */
  pgliteSharedBuffers?: string;
  /**
   * Told when PostgreSQL drops a connection the pool is holding idle (a restart, a failover, an administrator's
   * terminate). The pool discards it and opens another when next needed; without a listener the process would crash.
   */
  onIdleConnectionError?: (error: Error) => void;
}

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    pool.on('error', options.onIdleConnectionError ?? (() => {}));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  const pglite = await openPglite(options.dataDir, options.pgliteSharedBuffers);
  const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'pglite',
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
  };
}

async function openPglite(dataDir: string, sharedBuffers: string | undefined): Promise<PGlite> {
  if (dataDir === 'memory') return PGlite.create();
  const folder = path.resolve(dataDir, 'pglite');
  mkdirSync(folder, { recursive: true });
  if (!sharedBuffers) return PGlite.create(folder);
  const settings = { shared_buffers: sharedBuffers };
  let conf = postgresqlConfWith(folder, settings);
  if (conf === undefined) {
    // A new folder: PGlite creates the database (and its postgresql.conf) on first open; the setting goes in after.
    await (await PGlite.create(folder)).close();
    conf = postgresqlConfWith(folder, settings);
  }
  return PGlite.create(folder, { postgresqlconf: conf });
}
