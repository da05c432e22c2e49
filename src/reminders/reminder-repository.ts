import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { ReminderLogTable } from '../db/schema.ts';
import type { Insertable } from 'kysely';

/**
 * Per reporting cycle of every live plan, the period being chased on `today`: the latest one whose reminder window
 * has opened (its due date minus the cycle's reminder days is today or earlier), with the previous period's due date.
 */
export async function chasedPeriods(db: Db, today: string) {
  return db
    .selectFrom('periods as per')
    .innerJoin('reporting_cycles as c', 'c.id', 'per.cycle_id')
    .innerJoin('plans as p', 'p.id', 'per.plan_id')
    .where('p.status', '=', 'live')
    .where(sql<boolean>`per.due_date - c.reminder_days <= ${today}::date`)
    .distinctOn('per.cycle_id')
    .orderBy('per.cycle_id')
    .orderBy('per.due_date', 'desc')
    .select([
      'per.id as periodId',
      'per.organisation_id as organisationId',
      'per.plan_id as planId',
      'per.label',
      'per.period_start as periodStart',
      'per.due_date as dueDate',
      'c.reminder_days as reminderDays',
      'p.title as planTitle',
      'p.settings as planSettings',
      'p.owner_user_id as ownerUserId',
    ])
    .select((eb) =>
      eb
        .selectFrom('periods as x')
        .whereRef('x.cycle_id', '=', 'per.cycle_id')
        .whereRef('x.due_date', '<', 'per.due_date')
        .select((inner) => inner.fn.max('x.due_date').as('d'))
        .as('previousDue'),
    )
    .execute();
}

/**
 * Each lead (with the address to write to: the person's own, else their user account's) of each action or milestone
 * in a plan that has no submitted or approved update since `since`.
 */
export async function leadsWithoutUpdate(db: Db, organisationId: string, planId: string, since: Date) {
  return db
    .selectFrom('items as i')
    .innerJoin('item_people as ip', (join) => join.onRef('ip.item_id', '=', 'i.id').on('ip.role', '=', 'lead'))
    .innerJoin('people as pe', 'pe.id', 'ip.person_id')
    .leftJoin('users as u', (join) => join.onRef('u.id', '=', 'pe.user_id').on('u.disabled_at', 'is', null))
    .where('i.organisation_id', '=', organisationId)
    .where('i.plan_id', '=', planId)
    .where('i.kind', 'in', ['action', 'milestone'])
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('updates as up')
            .select('up.id')
            .whereRef('up.item_id', '=', 'i.id')
            .where('up.state', 'in', ['submitted', 'approved'])
            .where('up.submitted_at', '>=', since),
        ),
      ),
    )
    .orderBy('i.ref_key')
    .orderBy('i.position')
    .orderBy('ip.position')
    .select(['i.id as itemId', 'i.ref', 'i.title', 'pe.name as leadName', sql<string | null>`coalesce(nullif(pe.email, ''), u.email)`.as('email')])
    .execute();
}

export const findOwner = (db: Db, organisationId: string, userId: string) =>
  db
    .selectFrom('users')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', userId)
    .where('disabled_at', 'is', null)
    .select(['name', 'email'])
    .executeTakeFirst();

/** Records a reminder before it is sent. Undefined: it was already recorded (sent earlier, or by another node). */
export async function claimReminder(db: Db, values: Insertable<ReminderLogTable>): Promise<string | undefined> {
  const row = await db.insertInto('reminder_log').values(values).onConflict((oc) => oc.doNothing()).returning('id').executeTakeFirst();
  return row?.id;
}

/** Forgets a claimed reminder whose sending failed, so the next pass tries again. */
export async function releaseReminder(db: Db, id: string): Promise<void> {
  await db.deleteFrom('reminder_log').where('id', '=', id).execute();
}
