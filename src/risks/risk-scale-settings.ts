import { z } from 'zod';
import { DEFAULT_RISK_SCALE, riskScaleProblems, type RiskScale, type ScaleLevel } from './domain/risk-scale.ts';

const levels = (...labels: string[]): ScaleLevel[] => labels.map((label, index) => ({ value: index + 1, label }));

/** The scales an organisation can choose for a plan; 5×5 unless the plan says otherwise. */
export const RISK_SCALE_PRESETS = {
  '5x5': { name: '5 × 5 (likelihood Rare to Almost certain, impact Negligible to Catastrophic)', scale: DEFAULT_RISK_SCALE },
  '4x4': {
    name: '4 × 4 (likelihood Unlikely to Very likely, impact Minor to Severe)',
    scale: {
      likelihood: levels('Unlikely', 'Possible', 'Likely', 'Very likely'),
      impact: levels('Minor', 'Moderate', 'Major', 'Severe'),
      bands: [
        { code: 'low', label: 'Low', rag: 'green', upTo: 3 },
        { code: 'medium', label: 'Medium', rag: 'amber', upTo: 8 },
        { code: 'high', label: 'High', rag: 'red', upTo: 16 },
      ],
    },
  },
  '3x3': {
    name: '3 × 3 (Low, Medium, High)',
    scale: {
      likelihood: levels('Low', 'Medium', 'High'),
      impact: levels('Low', 'Medium', 'High'),
      bands: [
        { code: 'low', label: 'Low', rag: 'green', upTo: 2 },
        { code: 'medium', label: 'Medium', rag: 'amber', upTo: 4 },
        { code: 'high', label: 'High', rag: 'red', upTo: 9 },
      ],
    },
  },
} satisfies Record<string, { name: string; scale: RiskScale }>;

export type RiskScalePreset = keyof typeof RISK_SCALE_PRESETS;
export const isRiskScalePreset = (value: string): value is RiskScalePreset => Object.hasOwn(RISK_SCALE_PRESETS, value);

const level = z.object({ value: z.number().int(), label: z.string() });
const storedScale = z.object({
  likelihood: z.array(level),
  impact: z.array(level),
  bands: z.array(z.object({ code: z.string(), label: z.string(), rag: z.enum(['green', 'amber', 'red']), upTo: z.number() })),
});

/** The plan's risk scale (plans.settings.riskScale); the 5×5 default when none is set or the stored one is unusable. */
export function planRiskScale(settings: unknown): RiskScale {
  const stored = (settings as { riskScale?: unknown } | null)?.riskScale;
  const parsed = storedScale.safeParse(stored);
  return parsed.success && riskScaleProblems(parsed.data).length === 0 ? parsed.data : DEFAULT_RISK_SCALE;
}

/** Which preset a scale is, for the settings form ('5x5' for anything else). */
export function presetOf(scale: RiskScale): RiskScalePreset {
  const found = Object.entries(RISK_SCALE_PRESETS).find(([, preset]) => JSON.stringify(preset.scale) === JSON.stringify(scale));
  return (found?.[0] as RiskScalePreset | undefined) ?? '5x5';
}
