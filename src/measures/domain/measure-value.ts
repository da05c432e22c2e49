import type { MeasureUnit, MeasureValue } from './measure.ts';

export type ParsedValue = { ok: true; value: MeasureValue } | { ok: false; expected: string };

const EXPECTED: Record<MeasureUnit, string> = {
  number: 'a number',
  percent: 'a percentage from 0 to 100',
  currency: 'an amount in pounds',
  count: 'a whole number, 0 or more',
  yes_no: 'yes or no',
  text: 'some words',
};

/** A value typed into a form or read from a spreadsheet, checked against the measure's unit. */
export function parseMeasureValue(unit: MeasureUnit, raw: string | number | boolean): ParsedValue {
  const fail: ParsedValue = { ok: false, expected: EXPECTED[unit] };
  if (unit === 'text') {
    const text = String(raw).trim();
    return text === '' ? fail : { ok: true, value: text };
  }
  if (unit === 'yes_no') {
    if (typeof raw === 'boolean') return { ok: true, value: raw };
    const word = String(raw).trim().toLowerCase();
    if (['yes', 'y', 'true'].includes(word)) return { ok: true, value: true };
    if (['no', 'n', 'false'].includes(word)) return { ok: true, value: false };
    return fail;
  }
  const number = typeof raw === 'number' ? raw : readNumber(String(raw), unit);
  if (number === null || !Number.isFinite(number)) return fail;
  if (unit === 'percent' && (number < 0 || number > 100)) return fail;
  if (unit === 'count' && (number < 0 || !Number.isInteger(number))) return fail;
  return { ok: true, value: number };
}

/** "£1,200.50" → 1200.5, "85%" → 85; null when it is not a number. */
function readNumber(text: string, unit: MeasureUnit): number | null {
  let cleaned = text.trim().replace(/,/g, '');
  if (unit === 'currency') cleaned = cleaned.replace(/^(-?)£/, '$1');
  if (unit === 'percent') cleaned = cleaned.replace(/%$/, '').trimEnd();
  return /^-?(\d+\.?\d*|\.\d+)$/.test(cleaned) ? Number(cleaned) : null;
}

const NUMBER = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
const POUNDS = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });
const POUNDS_AND_PENCE = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });

/** "85%", "£1,200", "1,200", "Yes". */
export function formatMeasureValue(unit: MeasureUnit, value: MeasureValue): string {
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'string') return value;
  if (unit === 'percent') return `${NUMBER.format(value)}%`;
  if (unit === 'currency') return (Number.isInteger(value) ? POUNDS : POUNDS_AND_PENCE).format(value);
  return NUMBER.format(value);
}
