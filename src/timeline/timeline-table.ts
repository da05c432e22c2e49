import nunjucks from 'nunjucks';
import { ukDate } from '../relations/domain/day-number.ts';
import type { TimelineCell } from './domain/timeline-cells.ts';
import type { TimelineModel, TimelineRow } from './domain/timeline-model.ts';

export interface TimelineTable {
  columns: { label: string; today: boolean }[];
  /**
   * The table's rows as HTML, marked safe for the template. Built here rather than in a template loop: a plan of
   * 2,000 actions has 30,000 cells, and a Nunjucks loop over them costs more than the rest of the page. Text from
   * the plan goes through Nunjucks's own escaping, the same function autoescape uses.
   */
  bodyHtml: nunjucks.runtime.SafeString;
  rowCount: number;
}

// Nunjucks's escaping (its type definitions leave `lib` out).
const escapeHtml = (nunjucks as unknown as { lib: { escape: (text: string) => string } }).lib.escape;

/** What a cell shows: ■ planned, ◆ target date, ◇ revised date, as symbols for the eye and words for a reader. */
function cellHtml(cell: TimelineCell, today: boolean): string {
  const classes = [cell.planned ? 'tl-p' : '', today ? 'tl-now' : ''].filter(Boolean).join(' ');
  const open = classes ? `<td class="${classes}">` : '<td>';
  if (!cell.label) return `${open}</td>`;
  const symbols = `${cell.planned ? '■' : ''}${cell.target ? '◆' : ''}${cell.revised ? '◇' : ''}`;
  return `${open}<span aria-hidden="true">${symbols}</span><span class="govuk-visually-hidden">${cell.label}</span></td>`;
}

function statusOf(row: TimelineRow): [status: string, warning: boolean] {
  if (row.atRiskLabel) return [row.atRiskLabel.replace(/^a/, 'A'), true];
  if (row.overdue) return ['Overdue', true];
  return [row.complete ? 'Complete' : '', false];
}

/** "Target 31/03/2026; revised 30/06/2026" */
export function datesOf(row: Pick<TimelineRow, 'targetText' | 'targetEnd' | 'revisedEnd'>): string {
  const target = row.targetText ? `Target ${row.targetText}` : row.targetEnd ? `Target ${ukDate(row.targetEnd)}` : '';
  if (!row.revisedEnd || row.revisedEnd === row.targetEnd) return target;
  return target ? `${target}; revised ${ukDate(row.revisedEnd)}` : `Revised ${ukDate(row.revisedEnd)}`;
}

const shorten = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

/** The accessible table version of the timeline: a row per item, a column per period, each cell in words. */
export function timelineTable(model: TimelineModel, planId: string, predecessors: ReadonlyMap<string, readonly string[]> = new Map()): TimelineTable {
  const cellCache = [new Map<TimelineCell, string>(), new Map<TimelineCell, string>()] as const;
  const htmlOf = (cell: TimelineCell, index: number) => {
    const today = index === model.todayColumn;
    const cache = cellCache[today ? 1 : 0];
    let html = cache.get(cell);
    if (html === undefined) cache.set(cell, (html = cellHtml(cell, today)));
    return html;
  };
  const rows = model.rows.map((row) => {
    const heading = row.kind !== 'action' && row.kind !== 'milestone';
    const label = escapeHtml(shorten(row.ref ? `${row.ref} ${row.title}` : row.title, 100));
    const [status, warning] = statusOf(row);
    return (
      `<tr${heading ? ' class="tl-h"' : ''}><th scope="row" class="waymark-depth-${Math.min(row.depth, 4)}">` +
      `<a class="govuk-link" href="/plans/${planId}/items/${row.id}">${label}</a></th>` +
      `<td>${escapeHtml(row.lead ?? '')}</td><td${warning ? ' class="tl-warn"' : ''}>${escapeHtml(status)}</td>` +
      `<td class="tl-d">${escapeHtml(datesOf(row))}</td><td>${escapeHtml(predecessors.get(row.id)?.join(', ') ?? '')}</td>` +
      `${row.cells.map(htmlOf).join('')}</tr>`
    );
  });
  const columns = model.columns.map((column, index) => ({ label: column.label, today: index === model.todayColumn }));
  return { columns, bodyHtml: new nunjucks.runtime.SafeString(rows.join('\n')), rowCount: rows.length };
}
