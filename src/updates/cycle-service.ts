import { addMonths, format } from 'date-fns';
import { z } from 'zod';
import type { Db } from '../db/connection.ts';
import type { Actor } from '../auth/actor.ts';
import { requireCanEditPlan } from '../auth/permissions.ts';
import { recordAudit } from '../audit/audit-repository.ts';
import { notFound } from '../errors.ts';
import { findOrganisation } from '../organisations/organisation-repository.ts';
import type { PlanService } from '../plans/plan-service.ts';
import { parseFuzzyDate } from '../dates/fuzzy-date.ts';
import { textareaLines } from '../web/form-errors.ts';
import { customPeriods, generatePeriods } from './domain/periods.ts';
import { findPeriod, insertCycle, insertPeriods, listCycles, listPeriods, setMeetings } from './period-repository.ts';

const MAX_CUSTOM_PERIODS = 24;

/** "30/09/2026" and the like, one per line, as ISO dates; each line that is not a single day is named in the message. */
const periodEndLines = z
  .string()
  .max(2000, 'Period end dates must be 2,000 characters or fewer')
  .transform((text, context) => {
    const lines = textareaLines(text);
    const ends: string[] = [];
    for (const [index, line] of lines.entries()) {
      const date = parseFuzzyDate(line);
      if (date.precision !== 'day' || !date.end) {
        context.addIssue({ code: 'custom', message: `Line ${index + 1} of the period end dates, “${line}”, is not a date: enter dates like 30/09/2026` });
        return z.NEVER;
      }
      const previous = ends.at(-1);
      if (previous && date.end <= previous) {
        context.addIssue({ code: 'custom', message: `Line ${index + 1} of the period end dates, “${line}”, must be later than the line before` });
        return z.NEVER;
      }
      ends.push(date.end);
    }
    if (ends.length > MAX_CUSTOM_PERIODS) {
      context.addIssue({ code: 'custom', message: `Enter ${MAX_CUSTOM_PERIODS} period end dates or fewer` });
      return z.NEVER;
    }
    return ends;
  });

export const cycleFormSchema = z
  .object({
    name: z.string().trim().min(1, 'Enter a name for the cycle, for example Quarterly report to Cabinet').max(200, 'Name must be 200 characters or fewer'),
    frequency: z.enum(['monthly', 'quarterly', 'custom'], { error: 'Select how often leads report' }),
    dueDays: z.coerce.number({ error: 'Days after the period ends must be a number' }).int('Days after the period ends must be a whole number').min(0, 'Days after the period ends must be 0 or more').max(90, 'Days after the period ends must be 90 or fewer'),
    reminderDays: z.coerce.number({ error: 'Reminder days must be a number' }).int('Reminder days must be a whole number').min(0, 'Reminder days must be 0 or more').max(60, 'Reminder days must be 60 or fewer'),
    periodEnds: periodEndLines.default([]),
  })
  .superRefine((form, context) => {
    if (form.frequency === 'custom' && form.periodEnds.length === 0) context.addIssue({ code: 'custom', path: ['periodEnds'], message: 'Enter the date each reporting period ends, one per line' });
  });
/** Monthly and quarterly cycles need no end dates; custom ones list them. */
export type CycleForm = Omit<z.infer<typeof cycleFormSchema>, 'periodEnds'> & { periodEnds?: string[] };

export const meetingFormSchema = z.object({
  name: z.string().trim().min(1, 'Enter the meeting, for example Cabinet').max(200, 'Meeting must be 200 characters or fewer'),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter the meeting date'),
});

export function createCycleService(db: Db, plans: PlanService) {
  return {
    async list(actor: Actor, planId: string) {
      const plan = await plans.getPlan(actor, planId);
      const [cycles, periods] = await Promise.all([listCycles(db, actor.organisationId, planId), listPeriods(db, actor.organisationId, planId)]);
      return { plan, cycles, periods };
    },

    /** A reporting cycle with its periods over the plan's period (or the next year when the plan has none). */
    async createCycle(actor: Actor, planId: string, form: CycleForm) {
      const plan = await plans.getPlan(actor, planId);
      requireCanEditPlan(actor, plan);
      const organisation = await findOrganisation(db, actor.organisationId);
      const from = plan.period_start ?? format(new Date(), 'yyyy-MM-dd');
      const to = plan.period_end ?? format(addMonths(new Date(from), 12), 'yyyy-MM-dd');
      const specs = form.frequency === 'custom' ? customPeriods(form.periodEnds ?? [], from, form.dueDays) : generatePeriods(form.frequency, from, to, organisation?.fy_start_month ?? 4, form.dueDays);
      return db.transaction().execute(async (trx) => {
        const cycle = await insertCycle(trx, { organisationId: actor.organisationId, planId, ...form });
        await insertPeriods(trx, actor.organisationId, planId, cycle.id, specs);
        await recordAudit(trx, actor, { entityType: 'reporting_cycle', entityId: cycle.id, planId, action: 'create', after: { ...cycle, periods: specs.length } });
        return cycle;
      });
    },

    async addMeeting(actor: Actor, planId: string, periodId: string, meeting: { name: string; date: string }) {
      const plan = await plans.getPlan(actor, planId);
      requireCanEditPlan(actor, plan);
      const period = await findPeriod(db, actor.organisationId, periodId);
      if (!period || period.plan_id !== planId) throw notFound('The reporting period');
      const meetings = [...period.meetings, meeting].sort((a, b) => a.date.localeCompare(b.date));
      await db.transaction().execute(async (trx) => {
        await setMeetings(trx, actor.organisationId, periodId, meetings);
        await recordAudit(trx, actor, { entityType: 'period', entityId: periodId, planId, action: 'update', before: { meetings: period.meetings }, after: { meetings } });
      });
    },
  };
}
