import type { Insertable } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { DateRevisionsTable } from '../db/schema.ts';

export const insertRevision = (db: Db, values: Insertable<DateRevisionsTable>) =>
  db.insertInto('date_revisions').values(values).returningAll().executeTakeFirstOrThrow();

export const listItemRevisions = (db: Db, organisationId: string, itemId: string) =>
  db.selectFrom('date_revisions').where('organisation_id', '=', organisationId).where('item_id', '=', itemId).orderBy('agreed_at').selectAll().execute();

export async function listPlanRevisions(db: Db, organisationId: string, planId: string, asAt: Date | null = null) {
  let query = db.selectFrom('date_revisions').where('organisation_id', '=', organisationId).where('plan_id', '=', planId);
  if (asAt) query = query.where('agreed_at', '<=', asAt);
  return query.orderBy('agreed_at').selectAll().execute();
}
