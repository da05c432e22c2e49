import { describe, expect, it } from 'vitest';
import { svgElements } from '../../timeline/domain/svg-elements.test-support.ts';
import { heatMapModel, type RiskSummary } from './heat-map.ts';
import { renderHeatMapSvg } from './heat-map-svg.ts';
import { DEFAULT_RISK_SCALE, riskBand, riskScaleProblems, riskScore } from './risk-scale.ts';

// Seed 002: the programme board's risk register for the improvement plan, reviewed monthly.
const risks: RiskSummary[] = [
  {
    id: 'r1',
    ref: 'R1',
    title: 'Capacity to deliver the plan alongside day-to-day services',
    inherent: { likelihood: 4, impact: 5 },
    residual: { likelihood: 2, impact: 4 },
    target: { likelihood: 1, impact: 4 },
  },
  {
    id: 'r2',
    ref: 'R2',
    title: 'Timescales wait on other actions',
    inherent: { likelihood: 4, impact: 3 },
    residual: { likelihood: 2, impact: 4 },
    target: null,
  },
  {
    id: 'r3',
    ref: 'R3',
    title: 'Rated on an old 7×7 scale',
    inherent: { likelihood: 7, impact: 2 },
    residual: { likelihood: 6, impact: 1 },
    target: null,
  },
];

describe('risk scores and bands', () => {
  it('scores likelihood × impact and bands it on the default 5×5 scale', () => {
    expect(riskScore(risks[0]!.inherent)).toBe(20);
    expect(riskBand(20)).toMatchObject({ code: 'high', rag: 'red' });
    expect(riskScore(risks[0]!.residual)).toBe(8);
    expect(riskBand(8)).toMatchObject({ code: 'medium', label: 'Medium', rag: 'amber' });
    expect(riskBand(4).code).toBe('low');
    expect(riskScaleProblems(DEFAULT_RISK_SCALE)).toEqual([]);
    expect(riskScaleProblems({ ...DEFAULT_RISK_SCALE, bands: DEFAULT_RISK_SCALE.bands.slice(0, 2) })).toEqual([
      'The highest band must reach the top score, 25',
    ]);
  });
});

describe('heatMapModel', () => {
  const model = heatMapModel(risks, DEFAULT_RISK_SCALE, 'residual');

  it('puts a risk’s residual rating in the right cell, highest impact first', () => {
    expect(model.rows.map((row) => row.impact.label)).toEqual([
      'Catastrophic', 'Major', 'Moderate', 'Minor', 'Negligible',
    ]);
    const cell = model.rows[1]?.cells[1];
    expect(cell).toMatchObject({ score: 8, band: { code: 'medium' }, likelihood: { label: 'Unlikely' } });
    expect(cell?.risks.map((risk) => risk.ref)).toEqual(['R1', 'R2']);
    expect(cell?.label).toBe('Unlikely (2) × Major (4) = 8, Medium: 2 risks, R1, R2');
    expect(model.rows[0]?.cells[4]).toMatchObject({ score: 25, band: { rag: 'red' }, risks: [] });
    expect(model.unplaced.map((risk) => risk.ref)).toEqual(['R3']);
  });

  it('shows the inherent and target pictures too, and the score range of each band', () => {
    const inherent = heatMapModel(risks, DEFAULT_RISK_SCALE, 'inherent');
    expect(inherent.rows[0]?.cells[3]?.risks.map((risk) => risk.ref)).toEqual(['R1']);
    const target = heatMapModel(risks, DEFAULT_RISK_SCALE, 'target');
    expect(target.unplaced.map((risk) => risk.ref)).toEqual(['R2', 'R3']);
    expect(model.bands.map((band) => [band.code, band.from, band.to])).toEqual([
      ['low', 1, 4],
      ['medium', 5, 12],
      ['high', 15, 25],
    ]);
  });

  it('draws a well-formed SVG grid with the band written in each cell', () => {
    const elements = svgElements(renderHeatMapSvg(model, { idPrefix: 'risks' }));
    expect(elements[0]?.attributes).toMatchObject({ role: 'img', 'aria-labelledby': 'risks-title risks-desc' });
    expect(elements.filter((element) => element.name === 'rect')).toHaveLength(25);
    const texts = elements.filter((element) => element.name === 'text').map((element) => element.text);
    expect(texts).toEqual(expect.arrayContaining(['8 Medium', 'R1, R2', '25 High', 'Likelihood', 'Impact']));
    expect(elements.find((element) => element.name === 'desc')?.text).toContain('Medium: 5–12');
  });
});
