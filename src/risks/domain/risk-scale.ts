export interface ScaleLevel {
  value: number;
  label: string;
}

export interface RiskBand {
  code: string;
  label: string;
  rag: 'green' | 'amber' | 'red';
  /** The highest score in the band; bands are listed from the lowest. */
  upTo: number;
}

/** Likelihood and impact levels numbered 1…n, and the bands their products fall into. */
export interface RiskScale {
  likelihood: ScaleLevel[];
  impact: ScaleLevel[];
  bands: RiskBand[];
}

export interface RiskRating {
  likelihood: number;
  impact: number;
}

const levels = (...labels: string[]): ScaleLevel[] => labels.map((label, index) => ({ value: index + 1, label }));

/** The usual 5×5 matrix: 1–4 low, 5–12 medium, 15–25 high. */
export const DEFAULT_RISK_SCALE: RiskScale = {
  likelihood: levels('Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'),
  impact: levels('Negligible', 'Minor', 'Moderate', 'Major', 'Catastrophic'),
  bands: [
    { code: 'low', label: 'Low', rag: 'green', upTo: 4 },
    { code: 'medium', label: 'Medium', rag: 'amber', upTo: 12 },
    { code: 'high', label: 'High', rag: 'red', upTo: 25 },
  ],
};

export function riskScore(rating: RiskRating): number {
  return rating.likelihood * rating.impact;
}

/** The band a score falls in: the first whose upper limit it does not pass. */
export function riskBand(score: number, scale: RiskScale = DEFAULT_RISK_SCALE): RiskBand {
  const band = scale.bands.find((candidate) => score <= candidate.upTo) ?? scale.bands.at(-1);
  if (!band) throw new Error('A risk scale needs at least one band');
  return band;
}

/** What is wrong with a scale an organisation has configured; empty when it can be used. */
export function riskScaleProblems(scale: RiskScale): string[] {
  const problems: string[] = [];
  for (const axis of ['likelihood', 'impact'] as const) {
    const numbered = scale[axis].every((level, index) => level.value === index + 1 && level.label.trim() !== '');
    if (scale[axis].length < 2 || !numbered) problems.push(`The ${axis} levels must be named and numbered 1, 2, 3…`);
  }
  const ascending = scale.bands.every((band, index) => index === 0 || band.upTo > (scale.bands[index - 1]?.upTo ?? 0));
  if (!ascending) problems.push('Each band must reach a higher score than the band before it');
  const highest = scale.likelihood.length * scale.impact.length;
  if ((scale.bands.at(-1)?.upTo ?? 0) < highest) problems.push(`The highest band must reach the top score, ${highest}`);
  return problems;
}
