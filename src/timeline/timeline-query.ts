import { filtersFrom } from '../plans/plan-page-service.ts';
import type { PlanFilters } from '../plans/plan-page-view-model.ts';
import type { TimelineZoom } from './domain/timeline-columns.ts';

export interface TimelineQuery {
  zoom: TimelineZoom;
  filters: PlanFilters;
  /** Only the items the signed-in person leads (a lead's own timeline). */
  mine: boolean;
}

const ZOOMS: readonly TimelineZoom[] = ['quarter', 'month', 'week'];

/** The timeline's query string: ?zoom=quarter|month|week, the plan page's filters, and mine=1. */
export function timelineQuery(query: Record<string, unknown>): TimelineQuery {
  const zoom = ZOOMS.find((candidate) => candidate === query.zoom) ?? 'month';
  return { zoom, filters: filtersFrom(query), mine: query.mine === '1' || query.mine === 'yes' };
}

/** The query string that gives the same view, with some parts changed (for zoom links and exports). */
export function queryString(query: TimelineQuery, change: Partial<TimelineQuery> = {}): string {
  const next = { ...query, ...change };
  const params = new URLSearchParams();
  if (next.zoom !== 'month') params.set('zoom', next.zoom);
  for (const key of ['q', 'lead', 'kind', 'priority'] as const) if (next.filters[key]) params.set(key, next.filters[key]);
  if (next.filters.overdue) params.set('overdue', 'yes');
  if (next.mine) params.set('mine', '1');
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const isFiltered = (query: TimelineQuery) =>
  query.mine || Boolean(query.filters.q || query.filters.lead || query.filters.kind || query.filters.priority || query.filters.overdue);
