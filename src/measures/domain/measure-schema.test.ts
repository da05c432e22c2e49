import { describe, expect, it } from 'vitest';
import { measurePeriods } from './measure-periods.ts';
import { measureInputSchema, type MeasureInput } from './measure-schema.ts';

const schema = measureInputSchema(measurePeriods('2025-04-01', '2026-03-31', 4, 'quarter'));
const base: MeasureInput = {
  title: 'Delivery of affordable housing target',
  unit: 'count',
  polarity: 'higher_is_better',
  baseline: '120',
  targets: [{ periodKey: '2025-Q4', value: '240' }],
  actuals: [{ periodKey: '2025-Q1', value: 60 }],
};
const messages = (input: MeasureInput) => {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => [issue.path.join('.'), issue.message]);
};

describe('measureInputSchema', () => {
  it('turns what was typed into a measure with values of the right type', () => {
    const measure = schema.parse({ ...base, thresholds: { basis: 'absolute', amber: '5', red: '20' } });
    expect(measure).toMatchObject({
      ref: null,
      baseline: 120,
      thresholds: { basis: 'absolute', amber: 5, red: 20 },
      targets: [{ periodKey: '2025-Q4', value: 240 }],
      actuals: [{ periodKey: '2025-Q1', value: 60 }],
    });
    expect(measure.periods).toHaveLength(4);
    const money = schema.parse({ ...base, unit: 'currency', baseline: '£1,250.50', targets: [], actuals: [] });
    expect(money.baseline).toBe(1250.5);
  });

  it('refuses a target of the wrong type for the unit, naming the field and the value', () => {
    const percent: MeasureInput = {
      ...base,
      unit: 'percent',
      baseline: null,
      targets: [
        { periodKey: '2025-Q1', value: 'abc' },
        { periodKey: '2025-Q2', value: 140 },
        { periodKey: '2025-Q3', value: '85%' },
      ],
      actuals: [],
    };
    expect(messages(percent)).toEqual([
      ['targets.0.value', 'Target for Q1 2025/26 must be a percentage from 0 to 100, not "abc"'],
      ['targets.1.value', 'Target for Q2 2025/26 must be a percentage from 0 to 100, not 140'],
    ]);
    expect(messages({ ...base, actuals: [{ periodKey: '2025-Q2', value: -3 }] })).toEqual([
      ['actuals.0.value', 'Actual for Q2 2025/26 must be a whole number, 0 or more, not -3'],
    ]);
    expect(messages({ ...base, unit: 'yes_no', baseline: 'maybe', targets: [], actuals: [] })).toEqual([
      ['baseline', 'Baseline must be yes or no, not "maybe"'],
    ]);
  });

  it('refuses an actual for a period outside the plan, and two actuals for one period', () => {
    const input: MeasureInput = {
      ...base,
      actuals: [
        { periodKey: '2027-Q1', value: 10 },
        { periodKey: '2025-Q1', value: 10 },
        { periodKey: '2025-Q1', value: 12 },
      ],
    };
    expect(messages(input)).toEqual([
      ['actuals.0.periodKey', 'Actual for 2027-Q1 is for a period outside the plan (Q1 2025/26 to Q4 2025/26)'],
      ['actuals.2.periodKey', 'There are two actuals for Q1 2025/26'],
    ]);
  });

  it('shows every error at once, not the title first and the values on the next try', () => {
    expect(messages({ ...base, title: ' ', actuals: [{ periodKey: '2025-Q2', value: 'lots' }] })).toEqual([
      ['title', 'Enter what the measure is'],
      ['actuals.0.value', 'Actual for Q2 2025/26 must be a whole number, 0 or more, not "lots"'],
    ]);
  });

  it('refuses a unit it does not know and thresholds the wrong way round', () => {
    const wrong = { ...base, unit: 'furlongs', thresholds: { basis: 'percent', amber: 10, red: 5 } };
    expect(messages(wrong as unknown as MeasureInput)).toEqual([
      ['unit', 'Choose a unit: number, percent, currency, count, yes/no or text'],
      ['thresholds.red', 'The red threshold must be at least the amber threshold'],
    ]);
  });
});
