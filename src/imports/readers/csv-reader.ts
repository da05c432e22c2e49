import { parse } from 'csv-parse/sync';
import type { Grid, GridRow } from '../grid-model.ts';
import { ImportFileError } from '../import-file-error.ts';
import { detectDelimiter } from './detect-delimiter.ts';
import { decodeText } from './detect-encoding.ts';
import { cellOf, paragraphsFromText } from './detect-paragraphs.ts';
import { splitIntoBlocks } from './detect-tables.ts';

/**
 * Reads a CSV file: any of the delimiters , ; TAB | (found from the data), UTF-8 with or without a byte-order mark,
 * UTF-16 with a mark, or Windows-1252. Rows are numbered as a spreadsheet would show them ("row 7"). Blank rows
 * split the file into blocks, as in a sheet: a title above the table becomes text.
 */
function parseRecords(text: string, fileName: string): string[][] {
  const delimiter = detectDelimiter(text)?.delimiter ?? ',';
  try {
    return parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false });
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new ImportFileError(
      'corrupt',
      `"${fileName}" could not be read as CSV${line ? ` near line ${line}` : ''}: a quoted cell is never closed. ` +
        'Open it in Excel, save it again as CSV, and try again.',
      fileName,
      line ? `line ${line}` : undefined,
      { cause: error },
    );
  }
}

export function readCsvText(text: string, fileName: string): Grid {
  const records = parseRecords(text, fileName);
  const width = Math.max(0, ...records.map((record) => record.length));
  const rows: GridRow[] = records.map((record, index) => ({
    cells: Array.from({ length: width }, (_, column) => cellOf(paragraphsFromText(record[column] ?? ''))),
    source: { label: `row ${index + 1}`, row: index + 1 },
  }));
  return { fileName, format: 'csv', blocks: splitIntoBlocks(rows) };
}

export function readCsv(bytes: Uint8Array, fileName: string): Grid {
  return readCsvText(decodeText(bytes).text, fileName);
}
