import { z } from 'zod';
import { DEFAULT_THRESHOLDS, type Measure, type MeasureUnit, type Period } from './measure.ts';
import { parseMeasureValue } from './measure-value.ts';

const UNITS = ['number', 'percent', 'currency', 'count', 'yes_no', 'text'] as const;
const POLARITIES = ['higher_is_better', 'lower_is_better'] as const;
// The values can be checked, and every error shown at once, as long as these parsed; the title may still be wrong.
const VALUE_FIELDS = new Set(['unit', 'baseline', 'targets', 'actuals']);
const rawValue = z.union([z.string(), z.number(), z.boolean()]);
const periodValue = z.object({ periodKey: z.string().trim().min(1, 'Choose a period'), value: rawValue });

const threshold = (colour: string) =>
  z.coerce
    .number({ error: `The ${colour} threshold must be a number` })
    .min(0, `The ${colour} threshold cannot be negative`);

const thresholdsSchema = z
  .object({
    basis: z.enum(['absolute', 'percent'], { error: 'Choose whether thresholds are amounts or percentages' }),
    amber: threshold('amber'),
    red: threshold('red'),
  })
  .refine((thresholds) => thresholds.red >= thresholds.amber, {
    message: 'The red threshold must be at least the amber threshold',
    path: ['red'],
  });

/**
 * A measure as entered or imported, checked against the plan's periods: every target, actual and the baseline
 * must suit the unit ("abc" or 140 is not a percentage, -3 is not a count) and every period must be the plan's.
 * Messages name the field and the value.
 */
export function measureInputSchema(periods: readonly Period[]) {
  const labels = new Map(periods.map((period) => [period.key, period.label]));
  const span = periods.length > 0 ? ` (${periods[0]?.label} to ${periods.at(-1)?.label})` : '';
  return z
    .object({
      ref: z.string().trim().max(30).nullish(),
      title: z.string().trim().min(1, 'Enter what the measure is').max(500, 'Keep the title under 500 characters'),
      unit: z.enum(UNITS, { error: 'Choose a unit: number, percent, currency, count, yes/no or text' }),
      polarity: z.enum(POLARITIES, { error: 'Choose whether higher or lower is better' }),
      baseline: rawValue.nullish(),
      thresholds: thresholdsSchema.default(DEFAULT_THRESHOLDS),
      targets: z.array(periodValue).default([]),
      actuals: z.array(periodValue).default([]),
    })
    .superRefine((input, ctx) => {
      const complain = (path: (string | number)[], message: string) =>
        ctx.addIssue({ code: 'custom', path, message, input });
      if (input.baseline != null && input.baseline !== '') {
        const parsed = parseMeasureValue(input.unit, input.baseline);
        if (!parsed.ok) complain(['baseline'], `Baseline must be ${parsed.expected}, not ${shown(input.baseline)}`);
      }
      checkPeriodValues('targets', input.targets, input.unit, labels, span, complain);
      checkPeriodValues('actuals', input.actuals, input.unit, labels, span, complain);
    }, { when: (payload) => !payload.issues.some((issue) => VALUE_FIELDS.has(String(issue.path?.[0]))) })
    .transform((input): Measure => {
      const value = (raw: string | number | boolean) => {
        const parsed = parseMeasureValue(input.unit, raw);
        return parsed.ok ? parsed.value : raw;
      };
      const hasBaseline = input.baseline != null && input.baseline !== '';
      return {
        ref: input.ref || null,
        title: input.title,
        unit: input.unit,
        polarity: input.polarity,
        baseline: hasBaseline ? value(input.baseline as string | number | boolean) : null,
        thresholds: input.thresholds,
        periods: [...periods],
        targets: input.targets.map((entry) => ({ periodKey: entry.periodKey, value: value(entry.value) })),
        actuals: input.actuals.map((entry) => ({ periodKey: entry.periodKey, value: value(entry.value) })),
      };
    });
}

function checkPeriodValues(
  list: 'targets' | 'actuals',
  entries: readonly { periodKey: string; value: string | number | boolean }[],
  unit: MeasureUnit,
  labels: ReadonlyMap<string, string>,
  span: string,
  complain: (path: (string | number)[], message: string) => void,
): void {
  const word = list === 'targets' ? 'Target' : 'Actual';
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    const label = labels.get(entry.periodKey);
    if (label === undefined) {
      complain([list, index, 'periodKey'], `${word} for ${entry.periodKey} is for a period outside the plan${span}`);
      return;
    }
    if (seen.has(entry.periodKey)) complain([list, index, 'periodKey'], `There are two ${list} for ${label}`);
    seen.add(entry.periodKey);
    const parsed = parseMeasureValue(unit, entry.value);
    if (!parsed.ok) {
      const message = `${word} for ${label} must be ${parsed.expected}, not ${shown(entry.value)}`;
      complain([list, index, 'value'], message);
    }
  });
}

export type MeasureInput = z.input<ReturnType<typeof measureInputSchema>>;

function shown(raw: string | number | boolean): string {
  return typeof raw === 'string' ? `"${raw}"` : String(raw);
}
