import { ragLabel } from '../model/rag.ts';
import type { ReportModel, ReportRow } from '../model/report-model.ts';
import type { OutlineCell, OutlinePart, OutlineRow } from './outline-types.ts';
import { formatReportDate } from './report-dates.ts';
import { headingText, isHeadingRow } from './row-text.ts';

function fullRow(model: ReportModel, row: ReportRow): OutlineRow {
  if (isHeadingRow(row)) return { cells: [{ text: headingText(row), rag: null }], heading: true, depth: row.depth };
  const cells = model.columns.map((col): OutlineCell => col.kind === 'rag'
    ? { text: row.cells[col.key] || ragLabel(row.rag), rag: row.rag }
    : { text: row.cells[col.key] ?? '', rag: null });
  return { cells, heading: false, depth: row.depth };
}

/** The plan in its own column layout, section rows as sub-headings, titles indented by depth. */
export function fullTablePart(model: ReportModel): OutlinePart {
  const titleColumn = model.columns.findIndex((col) => col.key === 'title');
  return {
    id: 'fullTable',
    heading: 'Progress in full',
    blocks: [{
      type: 'table',
      table: {
        caption: `All ${model.itemNoun.plural} as at ${formatReportDate(model.asAt)}`,
        columns: model.columns.map((col) => ({ label: col.label, width: col.width ?? 1, numeric: false })),
        rows: model.rows.map((row) => fullRow(model, row)),
        emptyText: `There are no ${model.itemNoun.plural} in this report.`,
        indentColumn: titleColumn === -1 ? null : titleColumn,
        widthShare: 1,
      },
    }],
  };
}
