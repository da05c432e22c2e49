import { describe, expect, it } from 'vitest';
import { svgElements } from '../../timeline/domain/svg-elements.test-support.ts';
import type { Measure } from './measure.ts';
import { renderMeasureChartSvg } from './measure-chart-svg.ts';
import { measurePeriods } from './measure-periods.ts';
import { measureRag } from './measure-rag.ts';
import { measureTableRows } from './measure-table-rows.ts';
import { measureSlope, measureTrend } from './measure-trend.ts';

const quarters = measurePeriods('2025-04-01', '2026-03-31', 4, 'quarter');
const quarterly = (values: number[]) => values.map((value, index) => ({ periodKey: `2025-Q${index + 1}`, value }));

// Seed 003: "Percentage of staff who understand the Council's priorities: 100%", here reached in steps.
const staff: Measure = {
  ref: '10.1',
  title: 'Percentage of staff who understand the Council’s priorities',
  unit: 'percent',
  polarity: 'higher_is_better',
  baseline: 40,
  thresholds: { basis: 'absolute', amber: 1, red: 5 },
  periods: quarters,
  targets: quarterly([60, 70, 80, 90]),
  actuals: quarterly([55, 68, 79, 88]),
};

describe('a measure with a baseline, targets and four quarterly actuals', () => {
  it('has the periods of the financial year', () => {
    expect(quarters).toEqual([
      { key: '2025-Q1', label: 'Q1 2025/26' },
      { key: '2025-Q2', label: 'Q2 2025/26' },
      { key: '2025-Q3', label: 'Q3 2025/26' },
      { key: '2025-Q4', label: 'Q4 2025/26' },
    ]);
  });

  it('gives the RAG of each quarter and of the latest', () => {
    expect(quarters.map((period) => measureRag(staff, period.key))).toEqual(['amber', 'amber', 'green', 'amber']);
    expect(measureRag(staff)).toBe('amber');
    expect(measureRag({ ...staff, actuals: quarterly([55, 68, 79, 84]) })).toBe('red');
  });

  it('reads the trend from the last two actuals, with the slope across all four', () => {
    expect(measureTrend(staff)).toBe('improving');
    expect(measureSlope(staff)).toBeCloseTo(11);
    expect(measureTrend({ ...staff, actuals: quarterly([55, 68, 79, 79]) })).toBe('same');
  });

  it('draws exactly four points, each titled with its period and value, and the same figures in a table', () => {
    const svg = renderMeasureChartSvg(staff, { idPrefix: 'measure-10-1' });
    const elements = svgElements(svg);
    const circles = elements.filter((element) => element.name === 'circle');
    expect(circles).toHaveLength(4);
    expect(circles.map((circle) => elements[elements.indexOf(circle) + 1]?.text)).toEqual([
      'Q1 2025/26: 55%, target 60%',
      'Q2 2025/26: 68%, target 70%',
      'Q3 2025/26: 79%, target 80%',
      'Q4 2025/26: 88%, target 90%',
    ]);
    expect(elements[0]?.attributes.role).toBe('img');
    expect(elements.find((element) => element.name === 'desc')?.text).toBe(
      'Percentage of staff who understand the Council’s priorities: 4 actuals from Q1 2025/26 to Q4 2025/26; ' +
        'latest 88% against a target of 90% (amber); trend improving. The figures are in the table.',
    );
    expect(elements.some((element) => element.name === 'text' && element.text === 'Baseline 40%')).toBe(true);
    expect(measureTableRows(staff).map((row) => [row.periodLabel, row.target, row.actual, row.rag])).toEqual([
      ['Q1 2025/26', '60%', '55%', 'amber'],
      ['Q2 2025/26', '70%', '68%', 'amber'],
      ['Q3 2025/26', '80%', '79%', 'green'],
      ['Q4 2025/26', '90%', '88%', 'amber'],
    ]);
  });
});

describe('a measure where lower is better', () => {
  const days: Measure = {
    ...staff,
    title: 'Days to process a new benefit claim',
    unit: 'number',
    polarity: 'lower_is_better',
    baseline: 32,
    thresholds: { basis: 'percent', amber: 0, red: 10 },
    targets: [{ periodKey: '2025-Q1', value: 20 }],
    actuals: quarterly([30, 24, 21, 19]),
  };

  it('is green under its target, amber just over it, red well over it, and improving as it falls', () => {
    expect(measureRag(days)).toBe('green');
    expect(measureRag(days, '2025-Q3')).toBe('amber');
    expect(measureRag(days, '2025-Q2')).toBe('red');
    expect(measureTrend(days)).toBe('improving');
    expect(measureTrend({ ...days, actuals: quarterly([30, 24, 21, 25]) })).toBe('worse');
    expect(measureTableRows(days).map((row) => row.targetCarriedForward)).toEqual([false, true, true, true]);
  });
});

describe('a measure with nothing to chart', () => {
  it('says so in the SVG rather than drawing empty axes', () => {
    const svg = renderMeasureChartSvg({ ...staff, actuals: [] });
    expect(svgElements(svg).filter((element) => element.name === 'circle')).toHaveLength(0);
    expect(svg).toContain('No actuals yet.');
    expect(measureRag({ ...staff, actuals: [] })).toBe('none');
  });
});
