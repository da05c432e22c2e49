import {
  DEFAULT_RISK_SCALE,
  riskBand,
  riskScore,
  type RiskBand,
  type RiskRating,
  type RiskScale,
  type ScaleLevel,
} from './risk-scale.ts';

export type RatingKind = 'inherent' | 'residual' | 'target';

export interface RiskSummary {
  id: string;
  ref: string | null;
  title: string;
  inherent: RiskRating;
  residual: RiskRating;
  target: RiskRating | null;
}

export interface HeatMapRisk { id: string; ref: string | null; title: string }

export interface HeatMapCell {
  likelihood: ScaleLevel;
  impact: ScaleLevel;
  score: number;
  band: RiskBand;
  risks: HeatMapRisk[];
  /** For a screen reader: "Likely (4) × Major (4) = 16, High: 2 risks, R1, R3" */
  label: string;
}

export interface HeatMapModel {
  kind: RatingKind;
  /** Highest impact first, as heat maps are drawn; each row has a cell per likelihood, lowest first. */
  rows: { impact: ScaleLevel; cells: HeatMapCell[] }[];
  likelihoods: ScaleLevel[];
  /** Each band with the lowest and highest score that can fall in it on this scale ("15–25"). */
  bands: (RiskBand & { from: number; to: number })[];
  /** Risks without that rating, or rated off the scale (after the scale was changed). */
  unplaced: HeatMapRisk[];
}

/** Where each risk sits on the likelihood × impact grid, by its inherent, residual (default) or target rating. */
export function heatMapModel(
  risks: readonly RiskSummary[],
  scale: RiskScale = DEFAULT_RISK_SCALE,
  kind: RatingKind = 'residual',
): HeatMapModel {
  const placed = new Map<string, HeatMapRisk[]>();
  const unplaced: HeatMapRisk[] = [];
  for (const risk of risks) {
    const rating = risk[kind];
    const brief = { id: risk.id, ref: risk.ref, title: risk.title };
    const onScale = rating && isLevel(rating.likelihood, scale.likelihood) && isLevel(rating.impact, scale.impact);
    if (!rating || !onScale) {
      unplaced.push(brief);
      continue;
    }
    const key = `${rating.likelihood}x${rating.impact}`;
    placed.set(key, [...(placed.get(key) ?? []), brief]);
  }
  const rows = [...scale.impact].reverse().map((impact) => ({
    impact,
    cells: scale.likelihood.map((likelihood) => {
      const score = riskScore({ likelihood: likelihood.value, impact: impact.value });
      const band = riskBand(score, scale);
      const inCell = placed.get(`${likelihood.value}x${impact.value}`) ?? [];
      const label = cellLabel(likelihood, impact, score, band, inCell);
      return { likelihood, impact, score, band, risks: inCell, label };
    }),
  }));
  return { kind, rows, likelihoods: scale.likelihood, bands: bandRanges(scale), unplaced };
}

function isLevel(value: number, levels: readonly ScaleLevel[]): boolean {
  return levels.some((level) => level.value === value);
}

function cellLabel(
  likelihood: ScaleLevel,
  impact: ScaleLevel,
  score: number,
  band: RiskBand,
  risks: HeatMapRisk[],
): string {
  const [l, i] = [`${likelihood.label} (${likelihood.value})`, `${impact.label} (${impact.value})`];
  const where = `${l} × ${i} = ${score}, ${band.label}`;
  if (risks.length === 0) return `${where}: no risks`;
  const names = risks.map((risk) => risk.ref ?? risk.title).join(', ');
  return `${where}: ${risks.length} ${risks.length === 1 ? 'risk' : 'risks'}, ${names}`;
}

function bandRanges(scale: RiskScale): HeatMapModel['bands'] {
  const scores = scale.likelihood.flatMap((l) => scale.impact.map((i) => l.value * i.value));
  return scale.bands.flatMap((band) => {
    const inBand = scores.filter((score) => riskBand(score, scale).code === band.code);
    return inBand.length === 0 ? [] : [{ ...band, from: Math.min(...inBand), to: Math.max(...inBand) }];
  });
}
