import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';

export const listCoverageItems = (db: Db, organisationId: string, planId: string) =>
  db
    .selectFrom('items')
    .where('organisation_id', '=', organisationId)
    .where('plan_id', '=', planId)
    .select(['id', 'parent_id', 'position', 'kind', 'ref', 'title', 'custom_values'])
    .execute();

export const listLinksTo = (db: Db, organisationId: string, planId: string) =>
  db
    .selectFrom('relations')
    .where('organisation_id', '=', organisationId)
    .where('plan_id', '=', planId)
    .where('type', '=', 'links_to')
    .select(['from_item_id', 'to_item_id'])
    .execute();

/** Marks an item as a recommendation ('yes') or not ('no') in its custom values, keeping the others. */
export const setRecommendationFlag = (db: Db, organisationId: string, planId: string, itemId: string, flag: 'yes' | 'no') =>
  db
    .updateTable('items')
    .set({
      custom_values: sql<string>`custom_values || ${JSON.stringify({ recommendation: flag })}::jsonb`,
      version: sql<number>`version + 1`,
      updated_at: new Date(),
    })
    .where('organisation_id', '=', organisationId)
    .where('plan_id', '=', planId)
    .where('id', '=', itemId)
    .execute();

/** For each item, how many evidence files its latest approved update carries. */
export async function evidenceOnLatestApproved(db: Db, organisationId: string, planId: string, itemIds: readonly string[]) {
  if (itemIds.length === 0) return new Map<string, number>();
  const rows = await db
    .selectFrom('updates as u')
    .where('u.organisation_id', '=', organisationId)
    .where('u.plan_id', '=', planId)
    .where('u.state', '=', 'approved')
    .where('u.item_id', 'in', itemIds)
    .distinctOn('u.item_id')
    .orderBy('u.item_id')
    .orderBy('u.reviewed_at', 'desc')
    .select((eb) => [
      'u.item_id',
      eb.selectFrom('evidence_files as e').whereRef('e.update_id', '=', 'u.id').select((e) => e.fn.countAll<number>().as('n')).as('files'),
    ])
    .execute();
  return new Map(rows.map((row) => [row.item_id, Number(row.files ?? 0)]));
}
