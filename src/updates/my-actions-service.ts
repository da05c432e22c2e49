import { differenceInCalendarDays, format, parseISO } from 'date-fns';
import type { Db } from '../db/connection.ts';
import type { Actor } from '../auth/actor.ts';
import { OVERDUE_WINDOW_DAYS } from '../reminders/reminder-kinds.ts';
import { lastDuePeriod, reportingPeriod } from './domain/periods.ts';
import { newestUpdateStates } from './update-repository.ts';

export interface MyActionRow {
  planId: string;
  planTitle: string;
  itemId: string;
  ref: string | null;
  title: string;
  target: string | null;
  periodLabel: string | null;
  dueDate: string | null;
  state: string | null;
  comment: string | null;
}

interface PlanPeriod {
  id: string;
  plan_id: string;
  label: string;
  period_start: string;
  due_date: string;
}

/**
 * The actions a lead leads, across live plans: returned to them; overdue (the last period whose update was due has
 * none, chased for as long as reminders are); due (the period an update written today answers, as the update form
 * files it); and the rest. Periods are those of the plans' reporting cycles, in the same windows as the reminders.
 */
export function createMyActionsService(db: Db) {
  return {
    async list(actor: Actor, todayIso = format(new Date(), 'yyyy-MM-dd')) {
      if (actor.personIds.length === 0) return { returned: [], overdue: [], due: [], upToDate: [], linked: false };
      const rows = await db
        .selectFrom('item_people as ip')
        .innerJoin('items as i', 'i.id', 'ip.item_id')
        .innerJoin('plans as p', 'p.id', 'i.plan_id')
        .where('ip.organisation_id', '=', actor.organisationId)
        .where('ip.person_id', 'in', actor.personIds)
        .where('ip.role', '=', 'lead')
        .where('p.status', '!=', 'closed')
        .where('i.kind', 'in', ['action', 'milestone', 'measure'])
        .select(['p.id as planId', 'p.title as planTitle', 'i.id as itemId', 'i.ref', 'i.title', 'i.target_text as target'])
        .orderBy('p.title')
        .orderBy('i.position')
        .execute();
      const planIds = [...new Set(rows.map((r) => r.planId))];
      const periods: PlanPeriod[] =
        planIds.length === 0
          ? []
          : await db
              .selectFrom('periods')
              .where('organisation_id', '=', actor.organisationId)
              .where('plan_id', 'in', planIds)
              .orderBy('period_start')
              .select(['id', 'plan_id', 'label', 'period_start', 'due_date'])
              .execute();
      const periodsOf = (planId: string) => periods.filter((p) => p.plan_id === planId);
      const reportingOf = new Map(planIds.map((id) => [id, { now: reportingPeriod(periodsOf(id), todayIso), missed: lastDuePeriod(periodsOf(id), todayIso) }]));
      const states = new Map((await newestUpdateStates(db, actor.organisationId, rows.map((r) => r.itemId))).map((s) => [s.item_id, s]));
      const result = { returned: [] as MyActionRow[], overdue: [] as MyActionRow[], due: [] as MyActionRow[], upToDate: [] as MyActionRow[], linked: true };
      for (const r of rows) {
        const s = states.get(r.itemId);
        const { now, missed } = reportingOf.get(r.planId) ?? {};
        const row = (period: PlanPeriod | undefined): MyActionRow => ({
          planId: r.planId, planTitle: r.planTitle, itemId: r.itemId, ref: r.ref, title: r.title, target: r.target,
          periodLabel: period?.label ?? null, dueDate: period?.due_date ?? null, state: s?.state ?? null, comment: s?.review_comment ?? null,
        });
        const answered = (period: PlanPeriod | undefined) => period !== undefined && s?.period_id === period.id;
        const chased = missed !== undefined && differenceInCalendarDays(parseISO(todayIso), parseISO(missed.due_date)) <= OVERDUE_WINDOW_DAYS;
        if (s?.state === 'returned') result.returned.push(row(now));
        else if (answered(now)) result.upToDate.push(row(now));
        else if (chased && !answered(missed)) result.overdue.push(row(missed));
        else if (now && now.due_date >= todayIso) result.due.push(row(now));
        else result.upToDate.push(row(now));
      }
      return result;
    },
  };
}
