import { endOfDay, format, parseISO, startOfDay } from 'date-fns';
import type { Actor } from '../../auth/actor.ts';
import type { Db } from '../../db/connection.ts';
import type { Plan, ReportTemplateRow } from '../../db/schema.ts';
import { InvalidFields, notFound } from '../../errors.ts';
import { findOrganisation } from '../../organisations/organisation-repository.ts';
import type { PlanService } from '../../plans/plan-service.ts';
import { findPeriod } from '../../updates/period-repository.ts';
import { reportSectionsSchema, type ReportModel, type ReportRow } from '../model/report-model.ts';
import { findPreviousPack } from '../packs/pack-repository.ts';
import { findTemplate } from '../templates/template-repository.ts';
import { formatReportDate } from '../writers/report-dates.ts';
import { assembleReportModel, defaultIntroduction } from './assemble-report-model.ts';
import { loadAppendices, type ReportSources } from './report-appendices.ts';
import { defaultColumnNames, resolveColumns } from './report-columns.ts';
import { countedKindsOf, filterDrafts, hasFilters } from './report-filters.ts';
import { itemNounOf, meetingFor, resolveAsAt, templateLogo } from './report-inputs.ts';
import { loadPlanRows } from './plan-rows.ts';
import { allSections, type ReportRequest } from './report-request.ts';

export interface BuiltReport {
  model: ReportModel;
  plan: Plan;
  template: ReportTemplateRow | null;
}

/** Revisions "this period" are those agreed after the last pack's position was taken (its as-at day, or when issued). */
const sincePack = (pack: { as_at: string; issued_at: Date }) => new Date(Math.min(endOfDay(parseISO(pack.as_at)).getTime(), pack.issued_at.getTime()));

/** Builds a committee report's model from the database as at a date: the one place reports read plans from. */
export function createReportBuilder(db: Db, plans: PlanService) {
  async function templateOf(actor: Actor, templateId: string | null): Promise<ReportTemplateRow | null> {
    if (templateId === null) return null;
    const template = await findTemplate(db, actor.organisationId, templateId);
    if (!template) throw new InvalidFields([{ path: 'template', message: 'Select a report template from the list' }]);
    return template;
  }

  async function periodOf(actor: Actor, planId: string, periodId: string | null) {
    if (periodId === null) return null;
    const period = await findPeriod(db, actor.organisationId, periodId);
    if (!period || period.plan_id !== planId) throw new InvalidFields([{ path: 'period', message: 'Select a reporting period of this plan' }]);
    return period;
  }

  async function build(actor: Actor, request: ReportRequest, sources: ReportSources = {}, now = new Date()): Promise<BuiltReport> {
    const plan = await plans.getPlan(actor, request.planId);
    const others = await Promise.all(request.otherPlanIds.map((id) => plans.getPlan(actor, id)));
    const [organisation, template, period] = await Promise.all([
      findOrganisation(db, actor.organisationId), templateOf(actor, request.templateId), periodOf(actor, plan.id, request.periodId),
    ]);
    if (!organisation) throw notFound('The organisation');
    const audience = request.audience.trim() || template?.default_audience?.trim() || '';
    if (audience === '') throw new InvalidFields([{ path: 'audience', message: 'Select who the report is for' }]);
    const asAt = resolveAsAt(plan, request.asAt, period, format(now, 'yyyy-MM-dd'));
    const asAtEnd = endOfDay(parseISO(asAt));
    const allPlans = [plan, ...others];
    const loaded = [];
    for (const each of allPlans) loaded.push(await loadPlanRows(db, actor, each, asAtEnd, asAt, allPlans.length > 1, sources));
    const noun = itemNounOf(plan.level_labels);
    const fields = [...new Set(loaded.flatMap((one) => one.fieldNames))];
    const resolved = resolveColumns(template?.columns.length ? template.columns : defaultColumnNames, fields, noun.heading);
    if (!resolved.ok) {
      const names = resolved.missing.map((name) => `“${name}”`).join(', ');
      throw new InvalidFields([{
        path: 'template',
        message: `The template “${template?.name ?? ''}” names ${resolved.missing.length === 1 ? 'a column' : 'columns'} ${names} that ${allPlans.length === 1 ? 'this plan does' : 'these plans do'} not have: change the template or choose another`,
      }]);
    }
    const drafts = loaded.flatMap((one) => one.drafts(resolved.columns));
    const counted = countedKindsOf(drafts);
    const shown = filterDrafts(drafts, request.filters, counted);
    if (!shown.some((draft) => counted.includes(draft.row.kind))) {
      throw new InvalidFields([{
        path: hasFilters(request.filters) ? 'theme' : 'plans',
        message: hasFilters(request.filters)
          ? `No ${noun.plural} match the filters you chose: change or clear the filters`
          : `There are no ${noun.plural} in this plan to report on`,
      }]);
    }
    const sections = request.sections ?? (template ? reportSectionsSchema.parse(template.sections) : allSections);
    const previous = await findPreviousPack(db, actor.organisationId, allPlans.map((each) => each.id), audience, asAt);
    const appendices = await loadAppendices(sources, actor, plan.id, sections);
    const meeting = meetingFor(period, audience);
    const model = assembleReportModel({
      organisationName: organisation.name,
      planTitle: allPlans.map((each) => each.title).join('; '),
      title: template?.title ?? 'Improvement plan: progress report',
      introduction: template?.introduction.trim() ? template.introduction : defaultIntroduction,
      logo: templateLogo(template, organisation.name),
      audience,
      asAt,
      periodLabel: period?.label ?? null,
      generatedAt: now.toISOString(),
      coverDetails: [
        ...(meeting ? [{ label: 'Date of meeting', value: formatReportDate(meeting.date) }] : []),
        { label: 'Prepared by', value: actor.name },
      ],
      itemNoun: { singular: noun.singular, plural: noun.plural },
      sections,
      columns: resolved.columns,
      drafts: shown,
      counted,
      revisions: loaded.flatMap((one) => one.revisions),
      revisedSince: period ? startOfDay(parseISO(period.period_start)) : previous ? sincePack(previous) : null,
      previous: previous ? { title: previous.title, asAt: previous.as_at, rows: (previous.rows ?? []) as ReportRow[] } : null,
      ...appendices,
    });
    return { model, plan, template };
  }

  return { build };
}

export type ReportBuilder = ReturnType<typeof createReportBuilder>;
