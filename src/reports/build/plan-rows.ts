import { format } from 'date-fns';
import type { Actor } from '../../auth/actor.ts';
import type { Db } from '../../db/connection.ts';
import type { Plan } from '../../db/schema.ts';
import { loadPlanState } from '../../plans/plan-state.ts';
import { rulesOf } from '../../updates/domain/plan-rules.ts';
import { statusesFromState } from '../../updates/status-service.ts';
import type { ReportColumn } from '../model/report-model.ts';
import type { ReportSources } from './report-appendices.ts';
import { loadReportExtras } from './report-extras.ts';
import { reportRowDrafts, type RowDraft } from './report-rows.ts';

/**
 * One plan as at a moment, ready to become report rows: its state and extras in two round trips, statuses by the
 * plan's rules (with the knock-on of late dependencies only for a report as at today: that is all it knows).
 */
export async function loadPlanRows(
  db: Db, actor: Actor, plan: Plan, asAtEnd: Date, asAt: string, themeByPlan: boolean, sources: ReportSources,
) {
  const today = asAt === format(new Date(), 'yyyy-MM-dd');
  const [state, extras, knockOn] = await Promise.all([
    loadPlanState(db, actor.organisationId, plan.id, asAtEnd),
    loadReportExtras(db, actor.organisationId, plan.id, asAtEnd),
    today && sources.knockOn ? sources.knockOn(actor, plan.id) : Promise.resolve(new Map<string, string>()),
  ]);
  const statuses = statusesFromState(state, rulesOf(plan.settings), asAt, knockOn);
  // A field the plan defines is named in reports by its label, whatever key its values are stored under.
  for (const field of plan.custom_fields.filter((f) => f.key !== f.label)) {
    for (const item of extras.items) {
      const value = item.custom_values[field.key];
      if (value !== undefined) item.custom_values[field.label] = value;
    }
  }
  const fieldNames = [...new Set([
    ...plan.custom_fields.map((field) => field.label),
    ...extras.items.flatMap((item) => Object.keys(item.custom_values)).filter((key) => !plan.custom_fields.some((f) => f.key === key && f.label !== key)),
  ])];
  return {
    fieldNames,
    revisions: extras.revisions,
    drafts: (columns: readonly ReportColumn[]): RowDraft[] =>
      reportRowDrafts({ state, extras, statuses, columns, themeOverride: themeByPlan ? plan.title : null }),
  };
}
