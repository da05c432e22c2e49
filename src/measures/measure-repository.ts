import { sql, type Insertable, type Updateable } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { MeasureValuesTable, MeasuresTable } from '../db/schema.ts';

export const listPlanMeasures = (db: Db, organisationId: string, planId: string) =>
  db
    .selectFrom('measures as m')
    .leftJoin('items as i', 'i.id', 'm.item_id')
    .where('m.organisation_id', '=', organisationId)
    .where('m.plan_id', '=', planId)
    .orderBy('m.created_at')
    .orderBy('m.id')
    .selectAll('m')
    .select(['i.ref as itemRef', 'i.title as itemTitle'])
    .execute();

export type MeasureListRow = Awaited<ReturnType<typeof listPlanMeasures>>[number];

export const findMeasure = (db: Db, organisationId: string, planId: string, measureId: string) =>
  db
    .selectFrom('measures')
    .where('organisation_id', '=', organisationId)
    .where('plan_id', '=', planId)
    .where('id', '=', measureId)
    .selectAll()
    .executeTakeFirst();

export const listItemMeasures = (db: Db, organisationId: string, itemId: string) =>
  db.selectFrom('measures').where('organisation_id', '=', organisationId).where('item_id', '=', itemId).orderBy('created_at').selectAll().execute();

/** Every actual of the given measures, oldest period first within each measure. */
export async function listMeasureValues(db: Db, organisationId: string, measureIds: string[]) {
  if (measureIds.length === 0) return [];
  return db
    .selectFrom('measure_values')
    .where('organisation_id', '=', organisationId)
    .where('measure_id', 'in', measureIds)
    .orderBy('period_key')
    .selectAll()
    .execute();
}

export const insertMeasure = (db: Db, values: Insertable<MeasuresTable>) =>
  db.insertInto('measures').values(values).returningAll().executeTakeFirstOrThrow();

/** Changes a measure only when the version the form was loaded at is still current. */
export const updateMeasureIfCurrent = (db: Db, organisationId: string, id: string, version: number, values: Updateable<MeasuresTable>) =>
  db
    .updateTable('measures')
    .set({ ...values, version: sql<number>`version + 1`, updated_at: new Date() })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();

/** Records the actual for a period, replacing an earlier figure for the same period (the audit log keeps it). */
export const upsertMeasureValue = (db: Db, values: Insertable<MeasureValuesTable>) =>
  db
    .insertInto('measure_values')
    .values(values)
    .onConflict((conflict) =>
      conflict.columns(['measure_id', 'period_key']).doUpdateSet((eb) => ({
        value: eb.ref('excluded.value'),
        period_label: eb.ref('excluded.period_label'),
        entered_by_user_id: eb.ref('excluded.entered_by_user_id'),
        entered_by_name: eb.ref('excluded.entered_by_name'),
        entered_at: eb.ref('excluded.entered_at'),
        update_id: eb.ref('excluded.update_id'),
      })),
    )
    .returningAll()
    .executeTakeFirstOrThrow();

export const findMeasureValue = (db: Db, organisationId: string, measureId: string, periodKey: string) =>
  db
    .selectFrom('measure_values')
    .where('organisation_id', '=', organisationId)
    .where('measure_id', '=', measureId)
    .where('period_key', '=', periodKey)
    .selectAll()
    .executeTakeFirst();

/** The latest updates on an item, for linking an actual to the update that reported it. */
export const listRecentItemUpdates = (db: Db, organisationId: string, itemId: string) =>
  db
    .selectFrom('updates')
    .where('organisation_id', '=', organisationId)
    .where('item_id', '=', itemId)
    .where('state', '!=', 'draft')
    .orderBy('created_at', 'desc')
    .limit(10)
    .select(['id', 'as_of', 'status', 'state'])
    .execute();
