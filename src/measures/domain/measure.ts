export type MeasureUnit = 'number' | 'percent' | 'currency' | 'count' | 'yes_no' | 'text';
export type Polarity = 'higher_is_better' | 'lower_is_better';
export type RagCode = 'red' | 'amber' | 'green' | 'none';

/** A reporting period: '2025-Q1' (first quarter of the financial year 2025/26), '2025-26' or 'YYYY-MM'. */
export interface Period {
  key: string;
  /** "Q1 2025/26", "2025/26", "Apr 2025" */
  label: string;
}

/** A number for number, percent (0–100), currency (pounds) and count; true/false for yes_no; words for text. */
export type MeasureValue = number | boolean | string;

export interface PeriodValue {
  periodKey: string;
  value: MeasureValue;
}

/**
 * How far short of its target a measure may fall: up to `amber` it is still green, up to `red` it is amber,
 * beyond `red` it is red. In the measure's own units, or as a percentage of the target.
 */
export interface Thresholds {
  basis: 'absolute' | 'percent';
  amber: number;
  red: number;
}

export interface Measure {
  ref: string | null;
  title: string;
  unit: MeasureUnit;
  polarity: Polarity;
  baseline: MeasureValue | null;
  thresholds: Thresholds;
  /** The plan's periods in time order; targets and actuals refer to them by key. */
  periods: Period[];
  targets: PeriodValue[];
  actuals: PeriodValue[];
}

/** Met the target: green; within 10% of it: amber; further off: red. */
export const DEFAULT_THRESHOLDS: Thresholds = { basis: 'percent', amber: 0, red: 10 };

/** Periods in the measure's order that have a numeric actual, with the period's position. */
export function numericActuals(measure: Measure): { index: number; period: Period; value: number }[] {
  const byKey = new Map(measure.actuals.map((actual) => [actual.periodKey, actual.value]));
  return measure.periods.flatMap((period, index) => {
    const value = byKey.get(period.key);
    return typeof value === 'number' ? [{ index, period, value }] : [];
  });
}
