import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { SelectQueryBuilder } from 'kysely';
import type { Db } from './connection.ts';
import type { Database } from './schema.ts';

/**
 * Runs a list query as one JSON value (`json_agg`) instead of thousands of rows: on PGlite this is about three
 * times faster for a 2,000-row plan, and no slower on PostgreSQL. Only for queries without timestamp columns
 * (JSON turns them into strings); dates stay yyyy-mm-dd text either way.
 */
export async function jsonRows<DB extends Database, TB extends keyof DB, O>(db: Db, query: SelectQueryBuilder<DB, TB, O>): Promise<O[]> {
  const row = await db.selectNoFrom(() => jsonArrayFrom(query as never).as('rows')).executeTakeFirstOrThrow();
  return (row as unknown as { rows: O[] }).rows;
}
