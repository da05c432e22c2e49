import type { Db } from '../db/connection.ts';
import type { Meeting } from '../db/schema.ts';
import { reportingPeriod } from './domain/periods.ts';

export const listCycles = (db: Db, organisationId: string, planId: string) =>
  db.selectFrom('reporting_cycles').where('organisation_id', '=', organisationId).where('plan_id', '=', planId).orderBy('created_at').selectAll().execute();

export const insertCycle = (
  db: Db,
  values: { organisationId: string; planId: string; name: string; frequency: 'monthly' | 'quarterly' | 'custom'; dueDays: number; reminderDays: number },
) =>
  db
    .insertInto('reporting_cycles')
    .values({
      organisation_id: values.organisationId,
      plan_id: values.planId,
      name: values.name,
      frequency: values.frequency,
      due_days: values.dueDays,
      reminder_days: values.reminderDays,
    })
    .returningAll()
    .executeTakeFirstOrThrow();

export async function insertPeriods(
  db: Db,
  organisationId: string,
  planId: string,
  cycleId: string,
  periods: { label: string; start: string; end: string; due: string; meetings?: Meeting[] }[],
) {
  if (periods.length === 0) return;
  await db
    .insertInto('periods')
    .values(
      periods.map((p) => ({
        organisation_id: organisationId,
        plan_id: planId,
        cycle_id: cycleId,
        label: p.label,
        period_start: p.start,
        period_end: p.end,
        due_date: p.due,
        meetings: JSON.stringify(p.meetings ?? []),
      })),
    )
    .execute();
}

export const listPeriods = (db: Db, organisationId: string, planId: string) =>
  db.selectFrom('periods').where('organisation_id', '=', organisationId).where('plan_id', '=', planId).orderBy('period_start').selectAll().execute();

/** The period an update written today answers (see `reportingPeriod`): in early July, April–June, not July–September. */
export async function currentPeriod(db: Db, organisationId: string, planId: string, today: string) {
  return reportingPeriod(await listPeriods(db, organisationId, planId), today);
}

export const findPeriod = (db: Db, organisationId: string, id: string) =>
  db.selectFrom('periods').where('organisation_id', '=', organisationId).where('id', '=', id).selectAll().executeTakeFirst();

export const setMeetings = (db: Db, organisationId: string, periodId: string, meetings: Meeting[]) =>
  db.updateTable('periods').set({ meetings: JSON.stringify(meetings) }).where('organisation_id', '=', organisationId).where('id', '=', periodId).execute();
