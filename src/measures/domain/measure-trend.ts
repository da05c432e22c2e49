import { numericActuals, type Measure } from './measure.ts';

export type Trend = 'improving' | 'same' | 'worse';

/** From the last two actuals, read with the measure's polarity; null with fewer than two numeric actuals. */
export function measureTrend(measure: Measure): Trend | null {
  const points = numericActuals(measure);
  const [before, last] = [points.at(-2), points.at(-1)];
  if (!before || !last) return null;
  const change = last.value - before.value;
  if (Math.abs(change) < 1e-9) return 'same';
  return change > 0 === (measure.polarity === 'higher_is_better') ? 'improving' : 'worse';
}

/**
 * The least-squares slope across all numeric actuals, in units per period (periods without an actual still
 * count as time passing); null with fewer than two. Its sign is the raw direction, not read with polarity.
 */
export function measureSlope(measure: Measure): number | null {
  const points = numericActuals(measure);
  if (points.length < 2) return null;
  const meanX = points.reduce((sum, point) => sum + point.index, 0) / points.length;
  const meanY = points.reduce((sum, point) => sum + point.value, 0) / points.length;
  let [covariance, variance] = [0, 0];
  for (const point of points) {
    covariance += (point.index - meanX) * (point.value - meanY);
    variance += (point.index - meanX) ** 2;
  }
  return covariance / variance;
}
