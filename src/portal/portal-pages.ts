import type { Db } from '../db/connection.ts';
import { notFound } from '../errors.ts';
import { filtersFrom } from '../plans/plan-page-service.ts';
import { ITEM_KINDS, PRIORITIES } from '../items/item-form.ts';
import type { Audience } from '../publishing/publishing-fields.ts';
import { findOrganisationById, findOrganisationBySlug, listPublishedPlans } from '../publishing/publishing-repository.ts';
import type { PlanWhere, PublicationService } from '../publishing/publication-service.ts';
import { hasItemFilters, unavailableFilters, type ItemFilters } from '../publishing/item-filters.ts';
import { findPublishedEvidence } from '../publishing/published-evidence-query.ts';
import { itemFacts, portalRow, shownFields, updateFacts } from './portal-view-model.ts';
import { publishedLabel } from './portal-labels.ts';

export const PORTAL_PAGE_SIZE = 100;

const paragraphs = (text: string | null | undefined) => (text ?? '').split(/\n\s*\n|\r?\n/).map((line) => line.trim()).filter(Boolean);

/** The filters a portal page offers: the plan page's, less any that would need a field the audience may not see. */
function portalFilters(query: Record<string, unknown>, sees: (key: string) => boolean): ItemFilters {
  const filters = filtersFrom(query);
  for (const name of unavailableFilters(filters, sees)) {
    if (name === 'overdue') filters.overdue = false;
    else filters[name as 'lead' | 'priority'] = '';
  }
  return filters;
}

/** What the public and members' pages show; `where` names the organisation by slug (public) or id (members). */
export function createPortalPages(db: Db, publication: PublicationService) {
  return {
    async organisation(where: PlanWhere) {
      const organisation = 'slug' in where ? await findOrganisationBySlug(db, where.slug) : await findOrganisationById(db, where.organisationId);
      if (!organisation) throw notFound('The organisation');
      return { organisation, plans: await listPublishedPlans(db, { organisationId: organisation.id }) };
    },

    async plan(where: PlanWhere, planId: string, audience: Audience, query: Record<string, unknown>) {
      const scope = await publication.scope(where, planId, audience);
      const filters = portalFilters(query, scope.view.sees);
      const cursor = typeof query.cursor === 'string' && query.cursor !== '' ? query.cursor : null;
      const [summary, page, measures, risks] = await Promise.all([
        publication.summary(scope),
        publication.itemsPage(scope, { filters, cursor, limit: PORTAL_PAGE_SIZE }),
        publication.measures(scope),
        publication.risks(scope),
      ]);
      const show = shownFields(scope);
      const params = new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== '' && v !== false).map(([k, v]) => [k, v === true ? 'yes' : String(v)]));
      const nextParams = new URLSearchParams(params);
      if (page.next) nextParams.set('cursor', page.next);
      return {
        scope,
        plan: scope.plan,
        organisation: scope.organisation,
        licence: scope.licence,
        show,
        summary,
        rows: page.items.map(portalRow),
        total: page.total,
        filters,
        filtering: hasItemFilters(filters),
        firstPage: cursor === null,
        firstHref: `?${params.toString()}`,
        nextHref: page.next ? `?${nextParams.toString()}` : null,
        kindOptions: [{ value: '', text: 'Any kind' }, ...ITEM_KINDS.map((k) => ({ value: k.value, text: k.text, selected: k.value === filters.kind }))],
        priorityOptions: [{ value: '', text: 'Any priority' }, ...PRIORITIES.map((p) => ({ value: p, text: p, selected: p === filters.priority }))],
        measures,
        risks,
      };
    },

    async item(where: PlanWhere, planId: string, itemId: string, audience: Audience) {
      const scope = await publication.scope(where, planId, audience);
      const { item, ancestors, updates } = await publication.item(scope, itemId);
      return {
        scope,
        plan: scope.plan,
        organisation: scope.organisation,
        show: shownFields(scope),
        item,
        heading: publishedLabel(item),
        facts: itemFacts(item),
        ancestors: ancestors.map((a) => ({ id: a.id, label: publishedLabel(a, 60) })),
        revisions: item.revisedDates ?? [],
        detailParagraphs: paragraphs(item.detail),
        updates: updates.map((update) => ({ ...update, facts: updateFacts(update), narrativeParagraphs: paragraphs(update.narrative), correctiveParagraphs: paragraphs(update.correctiveAction) })),
      };
    },

    async evidence(where: PlanWhere, planId: string, fileId: string, audience: Audience) {
      const scope = await publication.scope(where, planId, audience);
      const file = await findPublishedEvidence(db, scope, fileId);
      if (!file) throw notFound('The file');
      return file;
    },
  };
}

export type PortalPages = ReturnType<typeof createPortalPages>;
