import type { Direction, ReportRow } from '../model/report-model.ts';

/** Section rows (and outcome/measure rows that carry no progress of their own) are drawn as sub-headings. */
export function isHeadingRow(row: ReportRow): boolean {
  if (row.kind === 'section') return true;
  if (row.kind === 'action' || row.kind === 'milestone') return false;
  return row.status === null && row.narrative === null && row.rag === 'none';
}

export function headingText(row: Pick<ReportRow, 'ref' | 'title'>): string {
  return row.ref === null || row.ref === '' ? row.title : `${row.ref} ${row.title}`;
}

/** The date now aimed for, with the original kept beside it: "June 2026 (revised from March 2026)". */
export function targetText(row: Pick<ReportRow, 'target' | 'revisedTarget'>): string {
  if (row.revisedTarget === null || row.revisedTarget === row.target) return row.target;
  return row.target === '' ? row.revisedTarget : `${row.revisedTarget} (revised from ${row.target})`;
}

const directionLabels: Record<Direction, string> = { improving: 'Improving', same: 'No change', worse: 'Worsening' };

export function directionText(direction: Direction | null): string {
  return direction === null ? '' : directionLabels[direction];
}
