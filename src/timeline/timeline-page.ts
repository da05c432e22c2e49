import { ITEM_KINDS, PRIORITIES } from '../items/item-form.ts';
import { timelineLayout } from './domain/timeline-svg-layout.ts';
import { timelineTable } from './timeline-table.ts';
import { isFiltered, queryString } from './timeline-query.ts';
import type { TimelineData } from './timeline-service.ts';

const ZOOM_LINKS = [
  { zoom: 'quarter', text: 'Quarters' },
  { zoom: 'month', text: 'Months' },
  { zoom: 'week', text: 'Weeks' },
] as const;

const download = (href: string) => `${href}${href.includes('?') ? '&' : '?'}download=1`;

function chartSize(model: TimelineData['model']) {
  const { width, height } = timelineLayout(model);
  return { width, height };
}

/** Everything the timeline page shows, from the timeline's data. */
export function timelinePage(data: TimelineData, options: { canSeeMine: boolean }) {
  const { plan, query, model } = data;
  const base = `/plans/${plan.id}/timeline`;
  const { filters } = query;
  return {
    pageTitle: `Timeline: ${plan.title}`,
    plan,
    model,
    zoomLinks: ZOOM_LINKS.map((link) => ({
      text: link.text,
      href: `${base}${queryString(query, { zoom: link.zoom })}`,
      current: link.zoom === query.zoom,
    })),
    zoom: query.zoom,
    filters,
    mine: query.mine,
    canSeeMine: options.canSeeMine,
    filtering: isFiltered(query),
    clearHref: `${base}${queryString(query, { filters: { q: '', lead: '', kind: '', priority: '', overdue: false }, mine: false })}`,
    svgHref: download(`${base}.svg${queryString(query)}`),
    pngHref: `${base}.png${queryString(query)}`,
    leadOptions: [{ value: '', text: 'Any lead' }, ...data.leads.map((lead) => ({ value: lead.id, text: lead.name, selected: lead.id === filters.lead }))],
    kindOptions: [{ value: '', text: 'Any kind' }, ...ITEM_KINDS.map((k) => ({ value: k.value, text: k.text, selected: k.value === filters.kind }))],
    priorityOptions: [{ value: '', text: 'Any priority' }, ...PRIORITIES.map((p) => ({ value: p, text: p, selected: p === filters.priority }))],
    atRiskInPlan: data.atRiskInPlan,
    chartHref: `${base}.svg${queryString(query)}`,
    chartSize: chartSize(model),
    table: data.derived('table', () => timelineTable(model, plan.id, data.predecessors)),
  };
}
