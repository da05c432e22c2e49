import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { Plan } from '../db/schema.ts';
import { rulesOf } from '../updates/domain/plan-rules.ts';
import type { Audience } from './publishing-fields.ts';
import { fieldViewOf, OGL_V3, publishingSettingsOf, type FieldView, type Licence, type PublishingSettings } from './publishing-rules.ts';
import { papersDates, publishedPeriodIds, ukDate, type PeriodWithMeetings } from './publication-dates.ts';

export interface PublicationPlan {
  plan: Plan;
  organisation: { id: string; slug: string; name: string };
  organisationLicence: Licence | null;
  periods: PeriodWithMeetings[];
}

/** Everything a published surface needs to decide what one audience sees of one plan, now. */
export interface PublicationScope {
  organisationId: string;
  planId: string;
  plan: Plan;
  organisation: { id: string; slug: string; name: string };
  audience: Audience;
  view: FieldView;
  settings: PublishingSettings;
  licence: Licence;
  papers: Map<string, string | null>;
  periodLabels: Map<string, string>;
  /** Periods whose papers are out: their approved updates are published. */
  periodIds: string[];
  releasedUpTo: string | null;
  now: Date;
  today: string;
  completeStatuses: string[];
}

/** A plan with its organisation, licence and periods, by the organisation's id or slug; undefined when not there. */
export async function findPublicationPlan(db: Db, where: { organisationId?: string; slug?: string; planId: string }): Promise<PublicationPlan | undefined> {
  const row = await db
    .selectFrom('plans as p')
    .innerJoin('organisations as o', 'o.id', 'p.organisation_id')
    .leftJoin('organisation_publishing as op', 'op.organisation_id', 'o.id')
    .where('p.id', '=', where.planId)
    .$if(where.organisationId !== undefined, (q) => q.where('o.id', '=', where.organisationId as string))
    .$if(where.slug !== undefined, (q) => q.where('o.slug', '=', where.slug as string))
    .selectAll('p')
    .select([
      'o.slug as organisationSlug',
      'o.name as organisationName',
      'op.licence_name as licenceName',
      'op.licence_url as licenceUrl',
      sql<PeriodWithMeetings[]>`(select coalesce(json_agg(json_build_object('id', pe.id, 'label', pe.label, 'meetings', pe.meetings) order by pe.period_start), '[]') from periods pe where pe.plan_id = p.id)`.as('periods'),
    ])
    .executeTakeFirst();
  if (!row) return undefined;
  const { organisationSlug, organisationName, licenceName, licenceUrl, periods, ...plan } = row;
  return {
    plan,
    organisation: { id: plan.organisation_id, slug: organisationSlug, name: organisationName },
    organisationLicence: licenceName && licenceUrl ? { name: licenceName, url: licenceUrl } : null,
    periods,
  };
}

/** The scope for an audience, or null when the plan is not published and the audience is not officers. */
export function scopeFor(loaded: PublicationPlan, audience: Audience, now = new Date()): PublicationScope | null {
  const settings = publishingSettingsOf(loaded.plan.settings);
  if (!settings.published && audience !== 'internal') return null;
  const papers = papersDates(loaded.periods, settings.daysBeforeMeeting);
  const today = ukDate(now);
  return {
    organisationId: loaded.organisation.id,
    planId: loaded.plan.id,
    plan: loaded.plan,
    organisation: loaded.organisation,
    audience,
    view: fieldViewOf(loaded.plan, audience),
    settings,
    licence: settings.licence ?? loaded.organisationLicence ?? OGL_V3,
    papers,
    periodLabels: new Map(loaded.periods.map((period) => [period.id, period.label])),
    periodIds: publishedPeriodIds(papers, today),
    releasedUpTo: settings.releasedUpTo,
    now,
    today,
    completeStatuses: rulesOf(loaded.plan.settings).statuses.filter((status) => status.complete).map((status) => status.label),
  };
}
