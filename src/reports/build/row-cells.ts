import { format, parseISO } from 'date-fns';
import { ragLabel } from '../model/rag.ts';
import type { ReportColumn, ReportRow } from '../model/report-model.ts';
import { directionText, isHeadingRow, targetText } from '../writers/row-text.ts';
import type { RowDraft } from './report-rows.ts';

type CellSource = Pick<RowDraft, 'row' | 'lastUpdate' | 'priority'>;

const standardCell: Record<string, (source: CellSource) => string> = {
  ref: ({ row }) => row.ref ?? '',
  title: ({ row }) => row.title,
  theme: ({ row }) => row.theme ?? '',
  leads: ({ row }) => row.leads.join('; '),
  leadMember: ({ row }) => row.leadMember ?? '',
  target: ({ row }) => targetText(row),
  status: ({ row }) => row.status ?? '',
  rag: ({ row }) => (isHeadingRow(row) ? '' : ragLabel(row.rag)),
  direction: ({ row }) => directionText(row.direction),
  percent: ({ row }) => (row.percentComplete === null ? '' : `${row.percentComplete}%`),
  progress: ({ row }) => row.narrative ?? '',
  corrective: ({ row }) => row.correctiveAction ?? '',
  priority: ({ priority }) => priority ?? '',
  updated: ({ lastUpdate }) => (lastUpdate === null ? '' : format(parseISO(lastUpdate), 'd MMM yyyy')),
};

/** The text of each of the report's columns for one row (standard fields, or the plan's own fields by name). */
export function rowCells(source: CellSource, columns: readonly ReportColumn[], customValues: Readonly<Record<string, string>>): ReportRow['cells'] {
  const cells: Record<string, string> = {};
  for (const column of columns) {
    const standard = standardCell[column.key];
    cells[column.key] = standard ? standard(source) : (customValues[column.key.replace(/^custom:/, '')] ?? '');
  }
  return cells;
}
