import type { Db } from '../db/connection.ts';
import { invalidInput, notFound } from '../errors.ts';
import type { Audience } from './publishing-fields.ts';
import { findPublicationPlan, scopeFor, type PublicationScope } from './publication-scope.ts';
import { ukDate } from './publication-dates.ts';
import { createTimedCache, findPlanHead } from './publication-cache.ts';
import { entriesJson, indexAfter, loadPlanModel, type ModelEntry, type PlanModel } from './plan-model.ts';
import { hasItemFilters, matchesFilters, unavailableFilters, type ItemFilters } from './item-filters.ts';
import { queryPublishedUpdates } from './published-detail-query.ts';
import { shapeUpdate, type PublishedItem, type PublishedUpdate } from './published-shape.ts';
import { decodeCursor, encodeCursor } from './list-cursor.ts';
import { createPlanWideData, type PlanWideSources } from './plan-wide-data.ts';
import { summariseModel } from './plan-summary.ts';

export interface PublishedTreeNode extends PublishedItem {
  matched: boolean;
  children: PublishedTreeNode[];
}

export type PlanWhere = { slug: string } | { organisationId: string };

/**
 * Reads published data for one audience: the portal, open data and the API all come through here, so what an
 * audience may see is decided once (publication-scope, published-sql, published-shape). A plan's items are loaded
 * once per change (see publication-cache.ts) and then filtered and paged in memory.
 */
export function createPublicationService(db: Db, secret: string, sources: PlanWideSources) {
  const planWide = createPlanWideData(sources);
  const scopes = createTimedCache<PublicationScope>();
  const models = new WeakMap<PublicationScope, Promise<PlanModel>>();

  async function resolve(where: { slug?: string; organisationId?: string }, planId: string, audienceFor: (organisationId: string) => Audience, now: Date): Promise<PublicationScope> {
    const head = await findPlanHead(db, where, planId);
    if (!head) throw notFound('The plan');
    const audience = audienceFor(head.organisationId);
    const key = `${planId}|${audience}|${head.stamp}|${ukDate(now)}`;
    const cached = scopes.get(key, now.getTime());
    if (cached) return cached;
    const loaded = await findPublicationPlan(db, { organisationId: head.organisationId, planId });
    const scope = loaded ? scopeFor(loaded, audience, now) : null;
    if (!scope) throw notFound('The plan');
    scopes.set(key, scope, now.getTime());
    return scope;
  }

  function modelOf(scope: PublicationScope): Promise<PlanModel> {
    let model = models.get(scope);
    if (!model) {
      model = loadPlanModel(db, scope);
      models.set(scope, model);
      model.catch(() => models.delete(scope));
    }
    return model;
  }

  const checkFilters = (scope: PublicationScope, filters: ItemFilters) => {
    const refused = unavailableFilters(filters, scope.view.sees);
    if (refused.length > 0) throw invalidInput(`This plan does not publish what the ${refused.join(' and ')} filter needs.`, refused[0]);
  };
  /** The model's entries matching the filters (remembered for the next pages: a plan's model lives until a change). */
  const matching = (model: PlanModel, filters: ItemFilters): ModelEntry[] => {
    if (!hasItemFilters(filters)) return model.entries;
    const key = JSON.stringify(filters);
    let found = model.matches.get(key);
    if (!found) {
      found = model.entries.filter((entry) => matchesFilters(entry.raw, entry.shown, filters));
      if (model.matches.size >= 20) model.matches.clear();
      model.matches.set(key, found);
    }
    return found;
  };

  return {
    /** The plan as the audience may see it; 404 when it is not there or (for members and the public) not published. */
    scope: (where: PlanWhere, planId: string, audience: Audience, now = new Date()) => resolve(where, planId, () => audience, now),

    /** The plan by its id alone (the API): the audience depends on whether the caller belongs to its organisation. */
    scopeByPlan: (planId: string, audienceFor: (organisationId: string) => Audience, now = new Date()) => resolve({}, planId, audienceFor, now),

    clearCache: () => scopes.clear(),

    async itemsPage(scope: PublicationScope, options: { filters: ItemFilters; cursor: string | null; limit: number }) {
      checkFilters(scope, options.filters);
      const list = `items:${scope.planId}`;
      const after = options.cursor ? decodeCursor(secret, options.cursor, list).key : null;
      const model = await modelOf(scope);
      const matches = matching(model, options.filters);
      const start = after === null ? 0 : indexAfter(matches, after);
      const page = matches.slice(start, start + options.limit);
      const last = page.at(-1);
      const total = matches.length;
      return {
        total,
        items: page.map((entry) => entry.shown),
        /** The same items as a JSON array, serialised once per plan change. */
        itemsJson: () => entriesJson(page),
        next: start + options.limit < matches.length && last ? encodeCursor(secret, { list, key: last.path }) : null,
      };
    },

    /** The plan's tree (or a subtree); with filters, the matches and the items above them. */
    async itemsTree(scope: PublicationScope, options: { filters: ItemFilters; rootId: string | null }): Promise<PublishedTreeNode[]> {
      checkFilters(scope, options.filters);
      const model = await modelOf(scope);
      const root = options.rootId ? model.byId.get(options.rootId) : undefined;
      if (options.rootId && !root) throw notFound('The item');
      const entries = root ? model.entries.filter((entry) => entry.path === root.path || entry.path.startsWith(`${root.path}/`)) : model.entries;
      const nodes = new Map<string, PublishedTreeNode>(entries.map((entry) => [entry.raw.id, { ...entry.shown, matched: matchesFilters(entry.raw, entry.shown, options.filters), children: [] }]));
      const top: PublishedTreeNode[] = [];
      for (const entry of entries) {
        const node = nodes.get(entry.raw.id) as PublishedTreeNode;
        const parent = entry.raw.parent_id && entry !== root ? nodes.get(entry.raw.parent_id) : undefined;
        (parent ? parent.children : top).push(node);
      }
      const prune = (list: PublishedTreeNode[]): PublishedTreeNode[] =>
        list.flatMap((node) => {
          const children = prune(node.children);
          return node.matched || children.length > 0 ? [{ ...node, children }] : [];
        });
      return prune(top);
    },

    async item(scope: PublicationScope, itemId: string) {
      const model = await modelOf(scope);
      const entry = model.byId.get(itemId);
      if (!entry) throw notFound('The item');
      const ancestors: PublishedItem[] = [];
      for (let up = entry.raw.parent_id ? model.byId.get(entry.raw.parent_id) : undefined; up && ancestors.length < 50; up = up.raw.parent_id ? model.byId.get(up.raw.parent_id) : undefined) {
        ancestors.unshift(up.shown);
      }
      const updates = await queryPublishedUpdates(db, scope, { after: null, limit: null, itemId });
      return {
        item: entry.shown,
        ancestors: ancestors.map((a) => ({ id: a.id, kind: a.kind, ...(a.ref !== undefined ? { ref: a.ref } : {}), ...(a.title !== undefined ? { title: a.title } : {}) })),
        updates: updates.map((update) => shapeUpdate(scope, update)),
      };
    },

    async updatesPage(scope: PublicationScope, options: { cursor: string | null; limit: number; itemId?: string }): Promise<{ updates: PublishedUpdate[]; next: string | null }> {
      const list = `updates:${scope.planId}:${options.itemId ?? ''}`;
      const decoded = options.cursor ? decodeCursor(secret, options.cursor, list) : null;
      const after = decoded ? { id: decoded.key, reviewedAt: decoded.at ?? '' } : null;
      if (after && (!/^[0-9a-f-]{36}$/i.test(after.id) || Number.isNaN(Date.parse(after.reviewedAt)))) throw invalidInput('The cursor is not valid for this list.', 'cursor');
      const rows = await queryPublishedUpdates(db, scope, { after, limit: options.limit + 1, ...(options.itemId ? { itemId: options.itemId } : {}) });
      const page = rows.slice(0, options.limit);
      const last = page.at(-1);
      return {
        updates: page.map((row) => shapeUpdate(scope, row)),
        next: rows.length > options.limit && last?.reviewed_at ? encodeCursor(secret, { list, key: last.id, at: last.reviewed_at }) : null,
      };
    },

    /** Actions and milestones counted by RAG and by status, for the fields the audience may see. */
    summary: async (scope: PublicationScope) => summariseModel(await modelOf(scope)),

    measures: (scope: PublicationScope) => planWide.measures(scope),
    risks: (scope: PublicationScope) => planWide.risks(scope),
  };
}

export type PublicationService = ReturnType<typeof createPublicationService>;
