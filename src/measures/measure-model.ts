import type { MeasureRow, MeasureValueRow } from '../db/schema.ts';
import type { Measure, MeasureUnit, Period, RagCode } from './domain/measure.ts';
import { latestActualPeriod, measureRag, targetFor } from './domain/measure-rag.ts';
import { measureTrend, type Trend } from './domain/measure-trend.ts';
import { formatMeasureValue } from './domain/measure-value.ts';

export const UNIT_LABELS: Record<MeasureUnit, string> = {
  number: 'Number',
  percent: 'Percentage',
  currency: 'Amount (£)',
  count: 'Count',
  yes_no: 'Yes or no',
  text: 'Words',
};

export const POLARITY_LABELS = { higher_is_better: 'Higher is better', lower_is_better: 'Lower is better' } as const;
export const MEASURE_RAG_LABELS: Record<RagCode, string> = { red: 'Red', amber: 'Amber', green: 'Green', none: 'No rating' };
export const TREND_LABELS: Record<Trend, string> = { improving: 'Improving ↑', same: 'No change →', worse: 'Getting worse ↓' };

/** The domain's measure from its row, its actuals and the plan's periods. */
export function toMeasure(row: MeasureRow, values: readonly Pick<MeasureValueRow, 'period_key' | 'value'>[], periods: readonly Period[]): Measure {
  return {
    ref: row.ref,
    title: row.title,
    unit: row.unit,
    polarity: row.polarity,
    baseline: row.baseline,
    thresholds: row.thresholds,
    periods: periods.map((period) => ({ key: period.key, label: period.label })),
    targets: row.targets,
    actuals: values.map((value) => ({ periodKey: value.period_key, value: value.value })),
  };
}

/** What a list of measures (the measures page, a report) shows of one measure. */
export interface MeasureSummary {
  ref: string | null;
  name: string;
  unit: string;
  baseline: string | null;
  target: string | null;
  latest: string | null;
  latestPeriod: string | null;
  rag: RagCode;
  ragLabel: string;
  trend: Trend | null;
  trendLabel: string | null;
}

/**
 * The latest actual with its period, the target that applies to it (or, before any actual, the last target set),
 * the RAG of the latest actual and the trend of the last two.
 */
export function summariseMeasure(measure: Measure): MeasureSummary {
  const latestKey = latestActualPeriod(measure);
  const format = (value: Measure['baseline']) => (value === null ? null : formatMeasureValue(measure.unit, value));
  const latestValue = latestKey === null ? null : (measure.actuals.find((actual) => actual.periodKey === latestKey)?.value ?? null);
  const target = latestKey === null ? (measure.targets.at(-1)?.value ?? null) : targetFor(measure, latestKey);
  const rag = measureRag(measure);
  const trend = measureTrend(measure);
  return {
    ref: measure.ref,
    name: measure.title,
    unit: UNIT_LABELS[measure.unit],
    baseline: format(measure.baseline),
    target: format(target),
    latest: format(latestValue),
    latestPeriod: measure.periods.find((period) => period.key === latestKey)?.label ?? null,
    rag,
    ragLabel: MEASURE_RAG_LABELS[rag],
    trend,
    trendLabel: trend ? TREND_LABELS[trend] : null,
  };
}
