import type { ReportModel } from '../model/report-model.ts';
import { itemColumns, itemValues } from './item-table.ts';
import { escapeFormula } from './spreadsheet-text.ts';

/** An RFC 4180 field: quoted when it holds a comma, quote or line break, quotes doubled. */
function csvField(value: string): string {
  const safe = escapeFormula(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * One row per item (theme, type, then the plan's columns), RFC 4180 with CRLF line ends, UTF-8 with a byte-order
 * mark so Excel reads ’ – £ correctly, and every field safe from formula injection.
 */
export function writeReportCsv(model: ReportModel): string {
  const columns = itemColumns(model);
  const lines = [columns.map((col) => csvField(col.label)).join(',')];
  for (const row of model.rows) lines.push(itemValues(columns, row).map(csvField).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
