import { describe, expect, it } from 'vitest';
import { DEFAULT_RISK_SCALE } from './risk-scale.ts';
import { riskInputSchema, type RiskInput } from './risk-schema.ts';

const schema = riskInputSchema();
const base: RiskInput = {
  ref: 'R1',
  title: 'Capacity to deliver the plan',
  cause: 'Senior officers are stretched across services and the plan',
  effect: 'Milestones slip and Cabinet loses confidence',
  owner: 'Interim Chief Executive',
  inherent: { likelihood: '4', impact: '5' },
  residual: { likelihood: 2, impact: 4 },
  controls: 'Monthly programme board\n\nCross-directorate project teams',
  reviewFrequency: 'monthly',
};
const messages = (input: unknown) => {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => [issue.path.join('.'), issue.message]);
};

describe('riskInputSchema', () => {
  it('reads a risk typed into the form', () => {
    const risk = schema.parse(base);
    expect(risk.inherent).toEqual({ likelihood: 4, impact: 5 });
    expect(risk.controls).toEqual(['Monthly programme board', 'Cross-directorate project teams']);
    expect(risk.target).toBeNull();
  });

  it('refuses a likelihood of 7 on a 5×5 scale, with every other error at once', () => {
    expect(messages({ ...base, owner: '', residual: { likelihood: 7, impact: 'x' } })).toEqual([
      ['owner', 'Enter who owns the risk'],
      ['residual.likelihood', 'Likelihood must be between 1 and 5'],
      ['residual.impact', 'Impact must be between 1 and 5'],
    ]);
    expect(messages({ ...base, inherent: { likelihood: 2.5, impact: 0 } })).toEqual([
      ['inherent.likelihood', 'Likelihood must be between 1 and 5'],
      ['inherent.impact', 'Impact must be between 1 and 5'],
    ]);
  });

  it('follows the organisation’s scale and refuses a residual score above the inherent one', () => {
    const fourByFour = { ...DEFAULT_RISK_SCALE, likelihood: DEFAULT_RISK_SCALE.likelihood.slice(0, 4) };
    const result = riskInputSchema(fourByFour).safeParse({ ...base, inherent: { likelihood: 5, impact: 5 } });
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(['Likelihood must be between 1 and 4']);
    expect(messages({ ...base, residual: { likelihood: 5, impact: 5 } })).toEqual([
      [
        'residual.likelihood',
        'The residual score (25) cannot be higher than the inherent score (20): controls do not make a risk worse',
      ],
    ]);
  });
});
