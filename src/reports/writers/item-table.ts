import { ragLabel } from '../model/rag.ts';
import type { ReportItemKind, ReportModel, ReportRow } from '../model/report-model.ts';
import { isHeadingRow } from './row-text.ts';

const kindLabels: Record<ReportItemKind, string> = {
  section: 'Section', outcome: 'Outcome', measure: 'Measure', action: 'Action', milestone: 'Milestone',
};

export interface ItemColumn {
  label: string;
  /** Relative width. */
  width: number;
  rag: boolean;
  /** Where the value comes from: a fixed field or one of the plan's columns. */
  source: { field: 'theme' | 'kind' | 'rag' } | { columnKey: string };
}

/**
 * The columns of the one-row-per-item export (XLSX "Actions" sheet, CSV): theme and type to filter on, then the
 * plan's own columns, then the RAG rating if the plan's columns leave it out.
 */
export function itemColumns(model: ReportModel): ItemColumn[] {
  const columns: ItemColumn[] = [
    { label: 'Theme', width: 1.4, rag: false, source: { field: 'theme' } },
    { label: 'Type', width: 0.8, rag: false, source: { field: 'kind' } },
    ...model.columns.map((col) => ({ label: col.label, width: col.width ?? 1, rag: col.kind === 'rag', source: { columnKey: col.key } })),
  ];
  if (!model.columns.some((col) => col.kind === 'rag')) columns.push({ label: 'RAG', width: 0.9, rag: true, source: { field: 'rag' } });
  return columns;
}

/** The row's values in `itemColumns` order, as text (not yet escaped for spreadsheets). */
export function itemValues(columns: readonly ItemColumn[], row: ReportRow): string[] {
  return columns.map((col) => {
    if ('columnKey' in col.source) {
      const value = row.cells[col.source.columnKey] ?? '';
      return col.rag && value === '' && !isHeadingRow(row) ? ragLabel(row.rag) : value;
    }
    if (col.source.field === 'theme') return row.theme ?? '';
    if (col.source.field === 'kind') return kindLabels[row.kind];
    return isHeadingRow(row) ? '' : ragLabel(row.rag);
  });
}
