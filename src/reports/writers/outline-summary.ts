import { ragLabel, ragOrder } from '../model/rag.ts';
import type { RagCount, ReportModel } from '../model/report-model.ts';
import { capitalise, column, dataRow, rag, text } from './outline-cells.ts';
import type { OutlinePart, OutlineTable } from './outline-types.ts';
import { formatCount, formatReportDate } from './report-dates.ts';

function percent(count: number, total: number): string {
  return total === 0 ? '0%' : `${Math.round((count / total) * 100)}%`;
}

function countOf(byRag: readonly RagCount[], code: string): number {
  return byRag.find((entry) => entry.rag === code)?.count ?? 0;
}

/** "2,000 actions as at 30 September 2025: 660 Achieved, 740 On target, 200 Not started." */
export function statusSentence(model: ReportModel): string {
  const { summary, itemNoun } = model;
  const noun = summary.total === 1 ? itemNoun.singular : itemNoun.plural;
  const counted = summary.byStatus.map((entry) => `${formatCount(entry.count)} ${entry.status}`);
  const lead = `${formatCount(summary.total)} ${noun} as at ${formatReportDate(model.asAt)}`;
  return counted.length === 0 ? `${lead}.` : `${lead}: ${counted.join(', ')}.`;
}

function ragTable(model: ReportModel): OutlineTable {
  const { summary, itemNoun } = model;
  const rows = summary.byRag.map((entry) =>
    dataRow([rag(entry.rag), text(formatCount(entry.count)), text(percent(entry.count, summary.total))]));
  rows.push(dataRow([text('Total'), text(formatCount(summary.total)), text(summary.total === 0 ? '0%' : '100%')]));
  return {
    caption: capitalise(`${itemNoun.plural} by RAG rating`),
    columns: [column('RAG rating', 2), column(`Number of ${itemNoun.plural}`, 1, true), column('Share', 1, true)],
    rows, emptyText: `There are no ${itemNoun.plural} in this report.`, indentColumn: null, widthShare: 0.6,
  };
}

function statusTable(model: ReportModel): OutlineTable {
  const { summary, itemNoun } = model;
  return {
    caption: capitalise(`${itemNoun.plural} by status`),
    columns: [column('Status', 2), column(`Number of ${itemNoun.plural}`, 1, true), column('Share', 1, true)],
    rows: summary.byStatus.map((entry) =>
      dataRow([text(entry.status), text(formatCount(entry.count)), text(percent(entry.count, summary.total))])),
    emptyText: `There are no ${itemNoun.plural} in this report.`, indentColumn: null, widthShare: 0.6,
  };
}

function themeTable(model: ReportModel): OutlineTable {
  const { summary, itemNoun } = model;
  return {
    caption: capitalise(`${itemNoun.plural} by theme and RAG rating`),
    columns: [column('Theme', 3), column('Total', 1, true), ...ragOrder.map((code) => column(ragLabel(code), 1, true))],
    rows: summary.byTheme.map((entry) => dataRow([
      text(entry.theme), text(formatCount(entry.total)),
      ...ragOrder.map((code) => text(formatCount(countOf(entry.byRag, code)))),
    ])),
    emptyText: 'No themes to show.', indentColumn: null, widthShare: 0.8,
  };
}

export function summaryPart(model: ReportModel): OutlinePart {
  const { summary, itemNoun } = model;
  return {
    id: 'summary',
    heading: 'Summary',
    blocks: [
      { type: 'paragraph', text: statusSentence(model) },
      {
        type: 'chart',
        title: capitalise(`${itemNoun.plural} by RAG rating`),
        bars: summary.byRag.map((entry) => ({ label: ragLabel(entry.rag), count: entry.count, rag: entry.rag })),
      },
      { type: 'table', table: ragTable(model) },
      { type: 'table', table: statusTable(model) },
      ...(summary.byTheme.length > 1 ? [{ type: 'table' as const, table: themeTable(model) }] : []),
    ],
  };
}
