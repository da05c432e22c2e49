import { parse } from 'csv-parse/sync';

/**
 * Finds the delimiter of a CSV by letting csv-parse split the first lines with each candidate and keeping the one
 * that gives the same number of fields on most lines that have several (Excel pads every row of a table to the
 * same width; a title line above the table has one field).
 */
export const CANDIDATE_DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof CANDIDATE_DELIMITERS)[number];

export interface DelimiterGuess {
  delimiter: Delimiter;
  /** The most common number of fields on lines with two or more. */
  columns: number;
  /** Share (0–1) of all sampled lines that have exactly `columns` fields. */
  consistency: number;
  /** Share (0–1) of the lines with two or more fields that have exactly `columns` fields. */
  tableConsistency: number;
  /** How many sampled lines have two or more fields, and how many were sampled. */
  tableLines: number;
  lines: number;
  /** Share (0–1) of fields after the first that start with a space, as words after a comma in prose do. */
  spacedShare: number;
}

const SAMPLE_CHARS = 65_536;
const SAMPLE_LINES = 60;

function sampleRecords(text: string, delimiter: Delimiter): string[][] {
  const options = { delimiter, to_line: SAMPLE_LINES, relax_column_count: true, relax_quotes: true, skip_empty_lines: true };
  const cut = text.length > SAMPLE_CHARS ? text.slice(0, text.lastIndexOf('\n', SAMPLE_CHARS) + 1) : text;
  try {
    return parse(cut, options);
  } catch {
    try {
      return parse(text, options);
    } catch {
      return [];
    }
  }
}

function guessFor(text: string, delimiter: Delimiter): DelimiterGuess | null {
  const records = sampleRecords(text, delimiter);
  const multi = records.filter((record) => record.length >= 2);
  if (multi.length < 2) return null;
  const tally = new Map<number, number>();
  for (const record of multi) tally.set(record.length, (tally.get(record.length) ?? 0) + 1);
  const [columns, count] = [...tally.entries()].reduce((best, entry) => (entry[1] > best[1] ? entry : best));
  const laterFields = multi.flatMap((record) => record.slice(1)).filter((field) => field !== '');
  const spaced = laterFields.filter((field) => /^\s/.test(field)).length;
  return {
    delimiter,
    columns,
    consistency: count / records.length,
    tableConsistency: count / multi.length,
    tableLines: multi.length,
    lines: records.length,
    spacedShare: laterFields.length === 0 ? 0 : spaced / laterFields.length,
  };
}

/** The delimiter whose field counts are the most consistent (ties go to more columns), or null if none splits. */
export function detectDelimiter(text: string): DelimiterGuess | null {
  let best: DelimiterGuess | null = null;
  for (const delimiter of CANDIDATE_DELIMITERS) {
    const guess = guessFor(text, delimiter);
    if (!guess) continue;
    const score = guess.tableConsistency * guess.tableLines;
    const bestScore = best ? best.tableConsistency * best.tableLines : -1;
    if (score > bestScore || (score === bestScore && best && guess.columns > best.columns)) best = guess;
  }
  return best;
}

/**
 * Whether delimited lines are a CSV rather than text. Tab-separated text goes to the text reader (which reads tabs,
 * markup and headings) unless every line has the same number of cells. Prose is told from CSV by its commas being
 * followed by spaces, unless every line splits into the same number of fields (a CSV typed by hand as "1, Do it").
 * Fields that never start with a space are a strong sign of CSV, so ragged rows (tables of different widths one
 * under another, as some tools write them) are accepted then.
 */
export function looksLikeCsv(guess: DelimiterGuess): boolean {
  if (guess.delimiter === '\t') return guess.consistency === 1;
  const typedWithSpaces = guess.tableConsistency === 1 && guess.tableLines === guess.lines && guess.lines >= 3;
  const prose = guess.spacedShare >= 0.5 && !typedWithSpaces;
  const unspaced = guess.spacedShare < 0.2;
  return !prose && (guess.tableConsistency >= 0.6 || (unspaced && guess.tableConsistency >= 0.4));
}
