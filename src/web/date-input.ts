import { isValid, parse } from 'date-fns';

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

/** The three boxes of a GOV.UK date input, as typed (kept on error). */
export function datePartsFrom(body: Record<string, unknown>, name: string): DateParts {
  const part = (key: string) => {
    const value = body[`${name}-${key}`];
    return typeof value === 'string' ? value.trim() : '';
  };
  return { day: part('day'), month: part('month'), year: part('year') };
}

export function datePartsOf(iso: string | null | undefined): DateParts {
  if (!iso) return { day: '', month: '', year: '' };
  const [year = '', month = '', day = ''] = iso.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year };
}

export const isBlank = (parts: DateParts) => !parts.day && !parts.month && !parts.year;

/**
 * yyyy-mm-dd, null when all three boxes are empty, or an error message in the GOV.UK pattern's words
 * ("<Label> must be a real date").
 */
export function parseDateParts(parts: DateParts, label: string): { iso: string | null } | { error: string } {
  if (isBlank(parts)) return { iso: null };
  const missing = (['day', 'month', 'year'] as const).filter((key) => !parts[key]);
  if (missing.length > 0) return { error: `${label} must include a ${missing.join(' and ')}` };
  if (!/^\d{4}$/.test(parts.year)) return { error: `${label} year must include 4 numbers` };
  const date = parse(`${parts.year}-${parts.month}-${parts.day}`, 'yyyy-M-d', new Date(2000, 0, 1));
  if (!isValid(date) || !/^\d{1,2}$/.test(parts.day) || !/^\d{1,2}$/.test(parts.month)) {
    return { error: `${label} must be a real date` };
  }
  const iso = `${parts.year}-${parts.month.padStart(2, '0')}-${parts.day.padStart(2, '0')}`;
  return { iso };
}
