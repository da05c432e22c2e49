import type { MeasureRow } from '../db/schema.ts';
import type { FieldIssue } from '../web/form-errors.ts';
import { DEFAULT_THRESHOLDS, type Measure, type Period } from './domain/measure.ts';
import { measureInputSchema, type MeasureInput } from './domain/measure-schema.ts';
import { formatMeasureValue } from './domain/measure-value.ts';

/** The measure form as typed (kept on error): one target box per period. */
export interface MeasureFormValues {
  ref: string;
  title: string;
  itemId: string;
  unit: string;
  polarity: string;
  baseline: string;
  thresholdBasis: string;
  amber: string;
  red: string;
  targets: Record<string, string>;
}

export interface ParsedMeasureForm {
  itemId: string | null;
  measure: Measure;
}

const text = (body: Record<string, unknown>, key: string) => (typeof body[key] === 'string' ? (body[key]).trim() : '');

export function measureFormValues(body: Record<string, unknown>, periods: readonly Period[]): MeasureFormValues {
  return {
    ref: text(body, 'ref'),
    title: text(body, 'title'),
    itemId: text(body, 'itemId'),
    unit: text(body, 'unit'),
    polarity: text(body, 'polarity'),
    baseline: text(body, 'baseline'),
    thresholdBasis: text(body, 'thresholdBasis'),
    amber: text(body, 'amber'),
    red: text(body, 'red'),
    targets: Object.fromEntries(periods.map((period) => [period.key, text(body, `target-${period.key}`)])),
  };
}

export function emptyMeasureForm(): MeasureFormValues {
  const { basis, amber, red } = DEFAULT_THRESHOLDS;
  return { ref: '', title: '', itemId: '', unit: '', polarity: 'higher_is_better', baseline: '', thresholdBasis: basis, amber: String(amber), red: String(red), targets: {} };
}

export function valuesOfMeasure(row: MeasureRow): MeasureFormValues {
  const shown = (value: MeasureRow['baseline']) => (value === null ? '' : typeof value === 'number' ? String(value) : formatMeasureValue(row.unit, value));
  return {
    ref: row.ref ?? '',
    title: row.title,
    itemId: row.item_id ?? '',
    unit: row.unit,
    polarity: row.polarity,
    baseline: shown(row.baseline),
    thresholdBasis: row.thresholds.basis,
    amber: String(row.thresholds.amber),
    red: String(row.thresholds.red),
    targets: Object.fromEntries(row.targets.map((target) => [target.periodKey, shown(target.value)])),
  };
}

/**
 * Checks the form against the plan's periods (and the actuals already recorded, which must still suit the unit):
 * the measure, or every problem at once with the field it belongs to.
 */
export function parseMeasureForm(
  values: MeasureFormValues,
  periods: readonly Period[],
  actuals: MeasureInput['actuals'] = [],
): { ok: true; form: ParsedMeasureForm } | { ok: false; issues: FieldIssue[] } {
  const targets = periods.filter((period) => values.targets[period.key]).map((period) => ({ periodKey: period.key, value: values.targets[period.key] ?? '' }));
  const noThresholds = !values.amber && !values.red;
  const input = {
    ref: values.ref || null,
    title: values.title,
    unit: values.unit,
    polarity: values.polarity,
    baseline: values.baseline || null,
    thresholds: noThresholds ? undefined : { basis: values.thresholdBasis, amber: values.amber, red: values.red },
    targets,
    actuals,
  };
  const result = measureInputSchema(periods).safeParse(input);
  if (result.success) return { ok: true, form: { itemId: values.itemId || null, measure: result.data } };
  const issues = result.error.issues.map((issue): FieldIssue => {
    const [first, index] = issue.path;
    if (first === 'targets') return { path: `target-${targets[Number(index)]?.periodKey ?? ''}`, message: issue.message };
    if (first === 'actuals') return { path: 'unit', message: `${issue.message}: the actuals already recorded must suit the unit` };
    if (first === 'thresholds') return { path: issue.path[1] === 'basis' ? 'thresholdBasis' : String(issue.path[1] ?? 'amber'), message: issue.message };
    return { path: String(first ?? 'title'), message: issue.message };
  });
  return { ok: false, issues };
}
