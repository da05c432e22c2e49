import type { Measure, MeasureValue, RagCode } from './measure.ts';

/**
 * The target that applies in a period: the one set for it, or else the latest one set for an earlier period
 * (a target holds until it is changed). Null when none applies.
 */
export function targetFor(measure: Measure, periodKey: string): MeasureValue | null {
  const byKey = new Map(measure.targets.map((target) => [target.periodKey, target.value]));
  const position = measure.periods.findIndex((period) => period.key === periodKey);
  for (let index = position; index >= 0; index -= 1) {
    const value = byKey.get(measure.periods[index]?.key ?? '');
    if (value !== undefined) return value;
  }
  return null;
}

export function actualFor(measure: Measure, periodKey: string): MeasureValue | null {
  return measure.actuals.find((actual) => actual.periodKey === periodKey)?.value ?? null;
}

/** The latest period, in the measure's order, that has an actual; null when there is none. */
export function latestActualPeriod(measure: Measure): string | null {
  const reported = new Set(measure.actuals.map((actual) => actual.periodKey));
  return measure.periods.findLast((period) => reported.has(period.key))?.key ?? null;
}

/**
 * Red, amber or green from the period's actual against its target, the measure's polarity and thresholds
 * (for the latest reported period when no period is given). 'none' for text measures or a missing figure.
 */
export function measureRag(measure: Measure, periodKey: string | null = latestActualPeriod(measure)): RagCode {
  if (periodKey === null) return 'none';
  const [actual, target] = [actualFor(measure, periodKey), targetFor(measure, periodKey)];
  if (actual === null || target === null || measure.unit === 'text') return 'none';
  if (typeof actual === 'boolean' || typeof target === 'boolean') return actual === target ? 'green' : 'red';
  if (typeof actual !== 'number' || typeof target !== 'number') return 'none';
  const shortfall = measure.polarity === 'higher_is_better' ? target - actual : actual - target;
  const { basis, amber, red } = measure.thresholds;
  const scale = basis === 'percent' ? Math.abs(target) / 100 : 1;
  const EPSILON = 1e-9;
  if (shortfall <= amber * scale + EPSILON) return 'green';
  return shortfall <= red * scale + EPSILON ? 'amber' : 'red';
}
