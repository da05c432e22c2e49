import type { Db } from '../db/connection.ts';
import type { Plan } from '../db/schema.ts';
import { notFound } from '../errors.ts';
import type { Audience } from '../publishing/publishing-fields.ts';
import { OGL_V3, publishingSettingsOf, type Licence } from '../publishing/publishing-rules.ts';
import type { PublicationScope } from '../publishing/publication-scope.ts';
import { findOrganisationBySlug, findOrganisationById, findOrganisationLicence } from '../publishing/publishing-repository.ts';
import { invalidInput } from '../errors.ts';

type PlanRow = Pick<Plan, 'id' | 'title' | 'period_start' | 'period_end' | 'level_labels' | 'settings'>;

/** A plan as the API shows it (schema: Plan). */
export function apiPlan(plan: PlanRow, organisation: { slug: string; name: string }, licence: Licence, audience: Audience) {
  return {
    id: plan.id,
    title: plan.title,
    periodStart: plan.period_start,
    periodEnd: plan.period_end,
    levelLabels: plan.level_labels,
    published: publishingSettingsOf(plan.settings).published,
    organisation: { slug: organisation.slug, name: organisation.name },
    licence,
    audience,
  };
}

export const apiPlanOfScope = (scope: PublicationScope) => apiPlan(scope.plan, scope.organisation, scope.licence, scope.audience);

/**
 * An organisation's plans for the API: the caller's own organisation unless a slug is given (an anonymous caller
 * must give one). Officers see every plan; members and everyone else only published ones.
 */
export async function listApiPlans(db: Db, where: { slug: string | null; ownOrganisationId: string | null }, audienceFor: (organisationId: string) => Audience) {
  const organisation = where.slug ? await findOrganisationBySlug(db, where.slug) : where.ownOrganisationId ? await findOrganisationById(db, where.ownOrganisationId) : null;
  if (!organisation) {
    if (!where.slug) throw invalidInput('Name the organisation: ?organisation=<slug> (or send an API token).', 'organisation');
    throw notFound('The organisation');
  }
  const audience = audienceFor(organisation.id);
  const own = await findOrganisationLicence(db, organisation.id);
  const organisationLicence = own ? { name: own.licence_name, url: own.licence_url } : OGL_V3;
  const plans = await db
    .selectFrom('plans')
    .where('organisation_id', '=', organisation.id)
    .orderBy('created_at', 'desc')
    .select(['id', 'title', 'period_start', 'period_end', 'level_labels', 'settings'])
    .execute();
  return plans
    .filter((plan) => audience === 'internal' || publishingSettingsOf(plan.settings).published)
    .map((plan) => apiPlan(plan, organisation, publishingSettingsOf(plan.settings).licence ?? organisationLicence, audience));
}
