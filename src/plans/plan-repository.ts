import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { PlanForm } from './plan-form.ts';

const columns = (form: PlanForm) => ({
  title: form.title,
  source: form.source,
  source_detail: form.sourceDetail,
  status: form.status,
  level_labels: JSON.stringify(form.levelLabels),
  period_start: form.periodStart,
  period_end: form.periodEnd,
});

export const insertPlan = (
  db: Db,
  organisationId: string,
  ownerUserId: string,
  form: PlanForm,
  extra: { narrative?: string[] } = {},
) =>
  db
    .insertInto('plans')
    .values({
      organisation_id: organisationId,
      owner_user_id: ownerUserId,
      custom_fields: '[]',
      narrative: JSON.stringify(extra.narrative ?? []),
      updated_at: new Date(),
      ...columns(form),
    })
    .returningAll()
    .executeTakeFirstOrThrow();

export const findPlan = (db: Db, organisationId: string, id: string) =>
  db.selectFrom('plans').where('organisation_id', '=', organisationId).where('id', '=', id).selectAll().executeTakeFirst();

/** Updates only when the version the form was loaded at is still current; undefined means someone else saved first. */
export const updatePlanIfCurrent = (db: Db, organisationId: string, id: string, version: number, form: PlanForm) =>
  db
    .updateTable('plans')
    .set({ ...columns(form), version: sql<number>`version + 1`, updated_at: new Date() })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();

export const deletePlanRow = (db: Db, organisationId: string, id: string) =>
  db.deleteFrom('plans').where('organisation_id', '=', organisationId).where('id', '=', id).execute();

export async function listPlansWithCounts(db: Db, organisationId: string) {
  return db
    .selectFrom('plans as p')
    .leftJoin('users as u', 'u.id', 'p.owner_user_id')
    .where('p.organisation_id', '=', organisationId)
    .orderBy('p.created_at', 'desc')
    .select((eb) => [
      'p.id',
      'p.title',
      'p.status',
      'p.source',
      'p.period_start',
      'p.period_end',
      'p.updated_at',
      'u.name as ownerName',
      eb
        .selectFrom('items as i')
        .whereRef('i.plan_id', '=', 'p.id')
        .where('i.kind', '=', 'action')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('actionCount'),
    ])
    .execute();
}
