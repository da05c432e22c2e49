import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { PublicationScope } from './publication-scope.ts';
import type { RawUpdate } from './published-rows.ts';
import { publishedUpdate, updateJson } from './published-sql.ts';

export interface UpdateCursor {
  reviewedAt: string;
  id: string;
}

/** Updates the audience may see across the plan (or one item), newest first, after a cursor. */
export async function queryPublishedUpdates(db: Db, scope: PublicationScope, options: { after: UpdateCursor | null; limit: number | null; itemId?: string }): Promise<RawUpdate[]> {
  const after = options.after ? sql`and (u.reviewed_at, u.id) < (${options.after.reviewedAt}::timestamptz, ${options.after.id}::uuid)` : sql``;
  const item = options.itemId ? sql`and u.item_id = ${options.itemId}` : sql``;
  const result = await sql<{ rows: RawUpdate[] }>`
    select coalesce(json_agg(x.j order by x.reviewed_at desc, x.id desc), '[]') as rows from (
      select ${updateJson(scope, 'u')} as j, u.reviewed_at, u.id from updates u
      where u.organisation_id = ${scope.organisationId} and u.plan_id = ${scope.planId} and ${publishedUpdate(scope, 'u')} ${item} ${after}
      order by u.reviewed_at desc, u.id desc limit ${options.limit ?? 1_000_000}
    ) x
  `.execute(db);
  return result.rows[0]?.rows ?? [];
}
