import { format } from 'date-fns';
import type { Cell, CellValue, RichText } from 'exceljs';
import type { Paragraph } from '../grid-model.ts';
import { paragraphsFromText, type Emphasis } from './detect-paragraphs.ts';

/**
 * The text of a spreadsheet cell as the officer sees it in Excel: a formula gives its result, a date is written
 * dd/mm/yyyy (or "Dec 2009" when the cell shows a month name) so the interpreter parses what people read,
 * percentages keep their sign, and rich text keeps bold and italic per line.
 */
type Run = { text: string; bold: boolean; italic: boolean };

function utcDay(date: Date): Date {
  return new Date(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
}

export function formatCellDate(date: Date, numFmt: string | undefined): string {
  const code = (numFmt ?? '').toLowerCase().replace(/"[^"]*"|\[[^\]]*\]/g, '');
  if (!code.includes('mmm')) return format(utcDay(date), 'dd/MM/yyyy');
  const parts = [code.includes('d') ? 'd' : '', code.includes('mmmm') ? 'MMMM' : 'MMM', code.includes('yyyy') ? 'yyyy' : 'yy'];
  return format(utcDay(date), parts.filter(Boolean).join(' '));
}

export function formatCellNumber(value: number, numFmt: string | undefined): string {
  const code = numFmt ?? '';
  if (code.includes('%')) return `${Number((value * 100).toPrecision(12))}%`;
  const plain = String(Number(value.toPrecision(15)));
  const currency = ['£', '$', '€'].find((symbol) => code.includes(symbol)) ?? '';
  if (!code.includes('#,##')) return currency + plain;
  return currency + value.toLocaleString('en-GB', { maximumFractionDigits: 10 });
}

function runsOf(value: CellValue, numFmt: string | undefined): Run[] | string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatCellNumber(value, numFmt);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return formatCellDate(value, numFmt);
  if ('richText' in value) return value.richText.map(runOf);
  if ('error' in value) return value.error;
  if ('hyperlink' in value) return runsOf(value.text, numFmt);
  if ('formula' in value || 'sharedFormula' in value) return runsOf(value.result, numFmt);
  return '';
}

function runOf(richText: RichText): Run {
  return { text: richText.text, bold: richText.font?.bold === true, italic: richText.font?.italic === true };
}

/** Splits runs at line breaks; a line is bold (or italic) when every run with letters on it is. */
function paragraphsFromRuns(runs: Run[], base: Emphasis): Paragraph[] {
  const lines: Run[][] = [[]];
  for (const run of runs) {
    run.text.split(/\r\n|\r|\n/).forEach((piece, index) => {
      if (index > 0) lines.push([]);
      lines[lines.length - 1]!.push({ ...run, text: piece });
    });
  }
  return lines.flatMap((line) => {
    const visible = line.filter((run) => run.text.trim() !== '');
    const emphasis = {
      bold: base.bold || (visible.length > 0 && visible.every((run) => run.bold)),
      italic: base.italic || (visible.length > 0 && visible.every((run) => run.italic)),
    };
    return paragraphsFromText(line.map((run) => run.text).join(''), emphasis);
  });
}

export function xlsxCellParagraphs(cell: Cell): Paragraph[] {
  const base = { bold: cell.font?.bold === true, italic: cell.font?.italic === true };
  const runs = runsOf(cell.value, cell.numFmt);
  return typeof runs === 'string' ? paragraphsFromText(runs, base) : paragraphsFromRuns(runs, base);
}
