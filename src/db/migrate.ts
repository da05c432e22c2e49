import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
/** Any fixed number: every node that migrates takes the same PostgreSQL advisory lock. */
const MIGRATION_LOCK = 7_352_001;

class DatePrefixedMigrations implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const files = (await readdir(migrationsFolder)).filter((f) => /^\d{4}-\d{2}-\d{2}-\d{3}-.+\.ts$/.test(f)).sort();
    const entries = await Promise.all(
      files.map(async (file) => {
        const module = (await import(pathToFileURL(path.join(migrationsFolder, file)).href)) as Migration;
        return [file.replace(/\.ts$/, ''), module] as const;
      }),
    );
    return Object.fromEntries(entries);
  }
}

/**
 * Brings the schema up to date. Safe to run from several nodes at once: Kysely's migrator locks its own table,
 * and on PostgreSQL a session advisory lock serialises the whole run.
 */
export async function migrateToLatest(db: Kysely<never>): Promise<string[]> {
  return db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK})`.execute(connection);
    try {
      const migrator = new Migrator({ db: connection, provider: new DatePrefixedMigrations() });
      const { error, results } = await migrator.migrateToLatest();
      if (error) throw error instanceof Error ? error : new Error(typeof error === 'string' ? error : JSON.stringify(error));
      return (results ?? []).map((r) => r.migrationName);
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK})`.execute(connection);
    }
  });
}
