import type { Db } from '../db/connection.ts';

/**
 * Every write in Waymark records an audit entry in the same transaction, so the newest audit id of an organisation
 * changes exactly when anything it can see might have changed. Pages derived only from the database can be cached
 * under it; every app node reads the same stamp, so caches on several nodes stay correct.
 */
export async function changeStamp(db: Db, organisationId: string): Promise<string> {
  const row = await db
    .selectFrom('audit_log')
    .where('organisation_id', '=', organisationId)
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  return String(row?.id ?? 0);
}
