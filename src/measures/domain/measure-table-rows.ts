import type { Measure, MeasureValue, RagCode } from './measure.ts';
import { actualFor, measureRag, targetFor } from './measure-rag.ts';
import { formatMeasureValue } from './measure-value.ts';

export interface MeasureTableRow {
  periodKey: string;
  periodLabel: string;
  targetValue: MeasureValue | null;
  /** Formatted: "85%", "£1,200", "Yes"; null when no target applies. */
  target: string | null;
  /** The target was set for an earlier period and still holds. */
  targetCarriedForward: boolean;
  actualValue: MeasureValue | null;
  actual: string | null;
  rag: RagCode;
}

/**
 * One row per period that has a target set or an actual, in time order: the figures behind the chart, for the
 * table beside it (a chart alone is not accessible).
 */
export function measureTableRows(measure: Measure): MeasureTableRow[] {
  const setFor = new Set([...measure.targets, ...measure.actuals].map((entry) => entry.periodKey));
  const ownTarget = new Set(measure.targets.map((target) => target.periodKey));
  return measure.periods
    .filter((period) => setFor.has(period.key))
    .map((period) => {
      const [targetValue, actualValue] = [targetFor(measure, period.key), actualFor(measure, period.key)];
      return {
        periodKey: period.key,
        periodLabel: period.label,
        targetValue,
        target: targetValue === null ? null : formatMeasureValue(measure.unit, targetValue),
        targetCarriedForward: targetValue !== null && !ownTarget.has(period.key),
        actualValue,
        actual: actualValue === null ? null : formatMeasureValue(measure.unit, actualValue),
        rag: measureRag(measure, period.key),
      };
    });
}
