import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { ItemPersonRole, NewItem } from '../db/schema.ts';
import { jsonRows } from '../db/json-rows.ts';

export const findItem = (db: Db, organisationId: string, planId: string, itemId: string) =>
  db
    .selectFrom('items')
    .where('organisation_id', '=', organisationId)
    .where('plan_id', '=', planId)
    .where('id', '=', itemId)
    .selectAll()
    .executeTakeFirst();

export const listPlanItems = (db: Db, organisationId: string, planId: string) =>
  jsonRows(db, db
    .selectFrom('items')
    .where('organisation_id', '=', organisationId)
    .where('plan_id', '=', planId)
    .orderBy('position')
    .select([
      'id',
      'parent_id',
      'position',
      'kind',
      'ref',
      'title',
      'priority',
      'corporate_priorities',
      'target_text',
      'target_start',
      'target_end',
      'target_precision',
      'planned_months',
    ]));

export type PlanItemRow = Awaited<ReturnType<typeof listPlanItems>>[number];

/** Lead officers, lead members and support of every item in a plan (or of the given items). */
export async function listItemPeople(db: Db, organisationId: string, planId: string, itemIds?: string[]) {
  let query = db
    .selectFrom('item_people as ip')
    .innerJoin('people as p', 'p.id', 'ip.person_id')
    .innerJoin('items as i', 'i.id', 'ip.item_id')
    .where('ip.organisation_id', '=', organisationId)
    .where('i.plan_id', '=', planId);
  if (itemIds) {
    if (itemIds.length === 0) return [];
    query = query.where('ip.item_id', 'in', itemIds);
  }
  return jsonRows(db, query.orderBy('ip.position').select(['ip.item_id', 'ip.role', 'p.id as personId', 'p.name', 'p.initials', 'p.role_title', 'p.kind']));
}

export const insertItem = (db: Db, values: NewItem) => db.insertInto('items').values(values).returningAll().executeTakeFirstOrThrow();

export const updateItemIfCurrent = (
  db: Db,
  organisationId: string,
  itemId: string,
  version: number,
  values: Partial<Omit<NewItem, 'id' | 'organisation_id' | 'plan_id' | 'version' | 'created_at'>>,
) =>
  db
    .updateTable('items')
    .set({ ...values, version: sql<number>`version + 1`, updated_at: new Date() })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', itemId)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();

export async function replaceItemPeople(
  db: Db,
  organisationId: string,
  itemId: string,
  people: { personId: string; role: ItemPersonRole }[],
): Promise<void> {
  await db.deleteFrom('item_people').where('organisation_id', '=', organisationId).where('item_id', '=', itemId).execute();
  if (people.length === 0) return;
  await db
    .insertInto('item_people')
    .values(people.map((p, position) => ({ organisation_id: organisationId, item_id: itemId, person_id: p.personId, role: p.role, position })))
    .execute();
}

export async function nextPosition(db: Db, planId: string, parentId: string | null): Promise<number> {
  const row = await db
    .selectFrom('items')
    .where('plan_id', '=', planId)
    .where((eb) => (parentId ? eb('parent_id', '=', parentId) : eb('parent_id', 'is', null)))
    .select((eb) => eb.fn.max<number | null>('position').as('max'))
    .executeTakeFirst();
  return row?.max === null || row?.max === undefined ? 0 : row.max + 1;
}

/** The item and everything beneath it. */
export async function subtreeIds(db: Db, itemId: string): Promise<string[]> {
  const result = await sql<{ id: string }>`
    with recursive tree(id) as (
      select id from items where id = ${itemId}
      union all
      select i.id from items i join tree t on i.parent_id = t.id
    )
    select id from tree`.execute(db);
  return result.rows.map((r) => r.id);
}

export const deleteItemRow = (db: Db, organisationId: string, itemId: string) =>
  db.deleteFrom('items').where('organisation_id', '=', organisationId).where('id', '=', itemId).execute();

export async function siblings(db: Db, planId: string, parentId: string | null) {
  return db
    .selectFrom('items')
    .where('plan_id', '=', planId)
    .where((eb) => (parentId ? eb('parent_id', '=', parentId) : eb('parent_id', 'is', null)))
    .orderBy('position')
    .select(['id', 'position', 'ref', 'title'])
    .execute();
}

export async function setPositions(db: Db, orderedIds: string[]): Promise<void> {
  for (const [position, id] of orderedIds.entries()) {
    await db.updateTable('items').set({ position }).where('id', '=', id).execute();
  }
}

export async function listRelationsOf(db: Db, organisationId: string, itemId: string) {
  return db
    .selectFrom('relations as r')
    .innerJoin('items as f', 'f.id', 'r.from_item_id')
    .innerJoin('items as t', 't.id', 'r.to_item_id')
    .where('r.organisation_id', '=', organisationId)
    .where((eb) => eb.or([eb('r.from_item_id', '=', itemId), eb('r.to_item_id', '=', itemId)]))
    .select([
      'r.id',
      'r.type',
      'r.lag_days',
      'r.from_item_id',
      'r.to_item_id',
      'f.ref as fromRef',
      'f.title as fromTitle',
      't.ref as toRef',
      't.title as toTitle',
    ])
    .execute();
}

/** The rows of the items (of one organisation) with these ids, for the audit entries of a deletion. */
export async function listItemsById(db: Db, organisationId: string, itemIds: string[]) {
  if (itemIds.length === 0) return [];
  return db.selectFrom('items').where('organisation_id', '=', organisationId).where('id', 'in', itemIds).selectAll().execute();
}

/** Every relation to or from any of these items (which go when the items are deleted). */
export async function listRelationsTouching(db: Db, organisationId: string, itemIds: string[]) {
  if (itemIds.length === 0) return [];
  return db
    .selectFrom('relations')
    .where('organisation_id', '=', organisationId)
    .where((eb) => eb.or([eb('from_item_id', 'in', itemIds), eb('to_item_id', 'in', itemIds)]))
    .selectAll()
    .execute();
}
