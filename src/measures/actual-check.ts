import type { FieldIssue } from '../web/form-errors.ts';
import type { Measure, MeasureValue, Period } from './domain/measure.ts';
import { measureInputSchema } from './domain/measure-schema.ts';
import { parseMeasureValue } from './domain/measure-value.ts';

/**
 * An actual typed or imported for a measure, checked with the measure schema's own words: a value that suits the
 * unit, for one of the plan's periods ("Actual for 2027-Q1 is for a period outside the plan (…)").
 */
export function checkActual(
  measure: Pick<Measure, 'title' | 'unit' | 'polarity'>,
  periods: readonly Period[],
  periodKey: string,
  raw: string | number | boolean,
): { ok: true; value: MeasureValue } | { ok: false; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  if (periodKey.trim() === '') issues.push({ path: 'period', message: 'Choose the period the actual is for' });
  if (typeof raw === 'string' && raw.trim() === '') issues.push({ path: 'value', message: 'Enter the actual' });
  if (issues.length > 0) return { ok: false, issues };
  const input = { title: measure.title, unit: measure.unit, polarity: measure.polarity, actuals: [{ periodKey, value: raw }] };
  const result = measureInputSchema(periods).safeParse(input);
  if (!result.success) {
    const pathOf = (path: PropertyKey[]) => (path.at(-1) === 'periodKey' ? 'period' : 'value');
    return { ok: false, issues: result.error.issues.map((issue) => ({ path: pathOf(issue.path), message: issue.message })) };
  }
  const parsed = parseMeasureValue(measure.unit, raw);
  return parsed.ok ? { ok: true, value: parsed.value } : { ok: false, issues: [{ path: 'value', message: 'Enter the actual' }] };
}
