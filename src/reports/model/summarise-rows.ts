import { ragOrder } from './rag.ts';
import type { RagCode } from './rag.ts';
import type { RagCount, ReportItemKind, ReportRow, ReportSummary } from './report-model.ts';

function ragCounts(rows: readonly ReportRow[]): RagCount[] {
  const counts = new Map<RagCode, number>(ragOrder.map((rag) => [rag, 0]));
  for (const row of rows) counts.set(row.rag, (counts.get(row.rag) ?? 0) + 1);
  return ragOrder.map((rag) => ({ rag, count: counts.get(rag) ?? 0 }));
}

/**
 * The summary counts of a report: every RAG rating (zeros included, worst first), statuses by how often they occur
 * ("No status" for rows without one), and themes in plan order. Only rows of the counted kinds are counted.
 */
export function summariseRows(
  rows: readonly ReportRow[],
  countedKinds: readonly ReportItemKind[] = ['action'],
): ReportSummary {
  const counted = rows.filter((row) => countedKinds.includes(row.kind));
  const statuses = new Map<string, number>();
  const themes = new Map<string, ReportRow[]>();
  for (const row of counted) {
    const status = row.status ?? 'No status';
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
    const theme = row.theme ?? 'No theme';
    const themeRows = themes.get(theme) ?? [];
    themeRows.push(row);
    themes.set(theme, themeRows);
  }
  return {
    total: counted.length,
    byRag: ragCounts(counted),
    byStatus: [...statuses]
      .map(([status, count]) => ({ status, count }))
      .sort((a, b) => b.count - a.count || a.status.localeCompare(b.status, 'en-GB')),
    byTheme: [...themes].map(([theme, themeRows]) => ({ theme, total: themeRows.length, byRag: ragCounts(themeRows) })),
  };
}
