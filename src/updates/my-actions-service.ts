import { format } from 'date-fns';
import type { Db } from '../db/connection.ts';
import type { Actor } from '../auth/actor.ts';
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

/** The actions a lead leads, across live plans: returned, overdue, due for the current period, and the rest. */
export function createMyActionsService(db: Db) {
  return {
    async list(actor: Actor, todayIso = format(new Date(), 'yyyy-MM-dd')) {
      if (actor.personIds.length === 0) return { returned: [], overdue: [], due: [], upToDate: [], linked: false };
      const rows = await db
        .selectFrom('item_people as ip')
        .innerJoin('items as i', 'i.id', 'ip.item_id')
        .innerJoin('plans as p', 'p.id', 'i.plan_id')
        .leftJoin('periods as per', (join) =>
          join.on((eb) =>
            eb('per.id', '=', eb.selectFrom('periods as x').select('x.id').whereRef('x.plan_id', '=', 'p.id').where('x.period_start', '<=', todayIso).orderBy('x.period_start', 'desc').limit(1)),
          ),
        )
        .where('ip.organisation_id', '=', actor.organisationId)
        .where('ip.person_id', 'in', actor.personIds)
        .where('ip.role', '=', 'lead')
        .where('p.status', '!=', 'closed')
        .where('i.kind', 'in', ['action', 'milestone', 'measure'])
        .select(['p.id as planId', 'p.title as planTitle', 'i.id as itemId', 'i.ref', 'i.title', 'i.target_text as target', 'per.id as periodId', 'per.label as periodLabel', 'per.due_date as dueDate'])
        .orderBy('p.title')
        .orderBy('i.position')
        .execute();
      const states = new Map((await newestUpdateStates(db, actor.organisationId, rows.map((r) => r.itemId))).map((s) => [s.item_id, s]));
      const result = { returned: [] as MyActionRow[], overdue: [] as MyActionRow[], due: [] as MyActionRow[], upToDate: [] as MyActionRow[], linked: true };
      for (const r of rows) {
        const s = states.get(r.itemId);
        const row: MyActionRow = { planId: r.planId, planTitle: r.planTitle, itemId: r.itemId, ref: r.ref, title: r.title, target: r.target, periodLabel: r.periodLabel, dueDate: r.dueDate, state: s?.state ?? null, comment: s?.review_comment ?? null };
        if (s?.state === 'returned') result.returned.push(row);
        else if (r.periodId && s?.period_id === r.periodId) result.upToDate.push(row);
        else if (r.dueDate && r.dueDate < todayIso) result.overdue.push(row);
        else if (r.periodId) result.due.push(row);
        else result.upToDate.push(row);
      }
      return result;
    },
  };
}
