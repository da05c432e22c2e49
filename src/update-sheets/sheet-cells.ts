import type { CellValue } from 'exceljs';

/** Text a spreadsheet could take for a formula (= + - @, tab, carriage return) gets a leading apostrophe. */
const FORMULA_START = /^[=+\-@\t\r]/;

export const escapeCell = (text: string) => (FORMULA_START.test(text) ? `'${text}` : text);

/** Undoes escapeCell on the way back in. */
export const unescapeCell = (text: string) => (text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text);

const pad = (n: number) => String(n).padStart(2, '0');

/** A cell's value as the text a person sees; dates (which exceljs reads as UTC midnight) as dd/mm/yyyy. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return `${pad(value.getUTCDate())}/${pad(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`;
  if (typeof value === 'string') return unescapeCell(value.trim());
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if ('richText' in value) return unescapeCell(value.richText.map((part) => part.text).join('').trim());
  if ('formula' in value || 'sharedFormula' in value) return 'result' in value && value.result !== undefined ? cellText(value.result) : '';
  if ('text' in value) return typeof value.text === 'string' ? value.text.trim() : cellText(value.text);
  if ('error' in value) return '';
  return '';
}
