import type { Db } from '../db/connection.ts';

export const insertFollow = (db: Db, organisationId: string, userId: string, itemId: string) =>
  db.insertInto('follows').values({ organisation_id: organisationId, user_id: userId, item_id: itemId }).onConflict((oc) => oc.columns(['user_id', 'item_id']).doNothing()).execute();

export const deleteFollow = (db: Db, organisationId: string, userId: string, itemId: string) =>
  db.deleteFrom('follows').where('organisation_id', '=', organisationId).where('user_id', '=', userId).where('item_id', '=', itemId).executeTakeFirst();

export async function isFollowing(db: Db, userId: string, itemId: string): Promise<boolean> {
  const row = await db.selectFrom('follows').where('user_id', '=', userId).where('item_id', '=', itemId).select('item_id').executeTakeFirst();
  return row !== undefined;
}

/** The actions a user follows, with their plans (published or not: the caller decides what to show). */
export const listFollows = (db: Db, organisationId: string, userId: string) =>
  db
    .selectFrom('follows as f')
    .innerJoin('items as i', 'i.id', 'f.item_id')
    .innerJoin('plans as p', 'p.id', 'i.plan_id')
    .where('f.organisation_id', '=', organisationId)
    .where('f.user_id', '=', userId)
    .orderBy('p.title')
    .orderBy('i.ref_key')
    .select(['i.id as itemId', 'i.kind', 'i.ref', 'i.title', 'p.id as planId', 'p.title as planTitle', 'p.settings', 'p.custom_fields', 'f.created_at as followedAt'])
    .execute();

/** Approved updates on followed actions that a follower has not been told about (or told to skip) yet. */
export const pendingNotices = (db: Db) =>
  db
    .selectFrom('follows as f')
    .innerJoin('users as us', 'us.id', 'f.user_id')
    .innerJoin('updates as u', (join) => join.onRef('u.item_id', '=', 'f.item_id').on('u.state', '=', 'approved'))
    .where('us.disabled_at', 'is', null)
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom('follow_notices as n').whereRef('n.user_id', '=', 'f.user_id').whereRef('n.update_id', '=', 'u.id').select('n.update_id'))),
    )
    .select(['f.organisation_id', 'f.user_id', 'f.created_at as followedAt', 'us.email', 'us.name', 'u.id as updateId', 'u.item_id', 'u.plan_id', 'u.period_id', 'u.reviewed_at'])
    .limit(500)
    .execute();

/** Claims a notice: true when this call recorded it (so only one node sends each e-mail). */
export async function claimNotice(db: Db, row: { organisationId: string; userId: string; updateId: string; sent: boolean }): Promise<boolean> {
  const inserted = await db
    .insertInto('follow_notices')
    .values({ organisation_id: row.organisationId, user_id: row.userId, update_id: row.updateId, sent: row.sent })
    .onConflict((oc) => oc.columns(['user_id', 'update_id']).doNothing())
    .returning('update_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export const releaseNotice = (db: Db, userId: string, updateId: string) =>
  db.deleteFrom('follow_notices').where('user_id', '=', userId).where('update_id', '=', updateId).execute();
