import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { UpdatesTable } from '../db/schema.ts';
import type { Insertable, Updateable } from 'kysely';
import { jsonRows } from '../db/json-rows.ts';

export const insertUpdate = (db: Db, values: Insertable<UpdatesTable>) => db.insertInto('updates').values(values).returningAll().executeTakeFirstOrThrow();

export const findUpdate = (db: Db, organisationId: string, id: string) =>
  db.selectFrom('updates').where('organisation_id', '=', organisationId).where('id', '=', id).selectAll().executeTakeFirst();

export const updateIfCurrent = (db: Db, organisationId: string, id: string, version: number, values: Updateable<UpdatesTable>) =>
  db
    .updateTable('updates')
    .set({ ...values, version: sql<number>`version + 1`, updated_at: new Date() })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();

export const listItemUpdates = (db: Db, organisationId: string, itemId: string) =>
  db
    .selectFrom('updates as u')
    .leftJoin('periods as p', 'p.id', 'u.period_id')
    .where('u.organisation_id', '=', organisationId)
    .where('u.item_id', '=', itemId)
    .orderBy('u.created_at', 'desc')
    .selectAll('u')
    .select('p.label as periodLabel')
    .execute();

export const findDraft = (db: Db, organisationId: string, itemId: string) =>
  db
    .selectFrom('updates')
    .where('organisation_id', '=', organisationId)
    .where('item_id', '=', itemId)
    .where('state', '=', 'draft')
    .orderBy('created_at', 'desc')
    .selectAll()
    .executeTakeFirst();

/** The latest approved update of every item in a plan, as at a moment (null: now). */
export async function latestApprovedByItem(db: Db, organisationId: string, planId: string, asAt: Date | null) {
  let query = db
    .selectFrom('updates')
    .where('organisation_id', '=', organisationId)
    .where('plan_id', '=', planId)
    .where('state', '=', 'approved');
  if (asAt) query = query.where('reviewed_at', '<=', asAt);
  return jsonRows(
    db,
    query
      .distinctOn('item_id')
      .orderBy('item_id')
      .orderBy('reviewed_at', 'desc')
      .select(['item_id', 'status', 'rag_proposed', 'rag_confirmed', 'direction', 'percent_complete', 'narrative', 'corrective_action', 'as_of', 'author_name']),
  );
}

export async function submittedForReview(db: Db, organisationId: string, planId?: string) {
  let query = db
    .selectFrom('updates as u')
    .innerJoin('items as i', 'i.id', 'u.item_id')
    .innerJoin('plans as p', 'p.id', 'u.plan_id')
    .where('u.organisation_id', '=', organisationId)
    .where('u.state', '=', 'submitted');
  if (planId) query = query.where('u.plan_id', '=', planId);
  return query
    .orderBy('u.submitted_at')
    .select(['u.id', 'u.item_id', 'u.plan_id', 'u.status', 'u.rag_proposed', 'u.author_name', 'u.submitted_at', 'i.ref', 'i.title', 'p.title as planTitle', 'p.owner_user_id'])
    .execute();
}

/** Per item: the state of its newest update (draft, submitted, approved, returned) and the period it was for. */
export async function newestUpdateStates(db: Db, organisationId: string, itemIds: string[]) {
  if (itemIds.length === 0) return [];
  return db
    .selectFrom('updates')
    .where('organisation_id', '=', organisationId)
    .where('item_id', 'in', itemIds)
    .where('state', '!=', 'draft')
    .distinctOn('item_id')
    .orderBy('item_id')
    .orderBy('created_at', 'desc')
    .select(['item_id', 'state', 'period_id', 'review_comment', 'created_at'])
    .execute();
}
