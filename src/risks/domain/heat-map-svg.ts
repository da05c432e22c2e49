import { clip, escapeXml } from '../../timeline/domain/svg-primitives.ts';
import type { HeatMapModel } from './heat-map.ts';

export interface HeatMapSvgOptions { idPrefix?: string; title?: string }

// Light fills keep black text readable; the band is also written in each cell, so colour is never the only cue.
const FILL = { green: '#cce2d8', amber: '#fff7bf', red: '#f6d7d2' } as const;
const [CELL_W, CELL_H, LEFT, TOP] = [120, 64, 130, 10];

/** The heat map as an SVG grid: impact up the side (highest at the top), likelihood along the bottom. */
export function renderHeatMapSvg(model: HeatMapModel, options: HeatMapSvgOptions = {}): string {
  const id = (name: string) => `${options.idPrefix ?? 'wm-heat-map'}-${name}`;
  const columns = model.likelihoods.length;
  const [width, height] = [LEFT + columns * CELL_W + 10, TOP + model.rows.length * CELL_H + 56];
  const title = options.title ?? `Risk heat map (${model.kind} rating)`;
  const placed = model.rows.reduce((sum, row) => sum + row.cells.reduce((n, cell) => n + cell.risks.length, 0), 0);
  const desc =
    `${placed} risks placed by likelihood and impact. ` +
    model.bands.map((band) => `${band.label}: ${band.from}–${band.to}`).join('; ') +
    '. The same grid is in the table.';
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" `,
    `role="img" aria-labelledby="${id('title')} ${id('desc')}" font-family="Arial, Helvetica, sans-serif" `,
    `font-size="12" fill="#0b0c0c"><title id="${id('title')}">${escapeXml(title)}</title>`,
    `<desc id="${id('desc')}">${escapeXml(desc)}</desc>`,
  ];
  model.rows.forEach((row, rowIndex) => {
    const y = TOP + rowIndex * CELL_H;
    const impact = escapeXml(row.impact.label);
    parts.push(`<text x="${LEFT - 8}" y="${y + CELL_H / 2 + 4}" text-anchor="end">${impact}</text>`);
    row.cells.forEach((cell, columnIndex) => {
      const x = LEFT + columnIndex * CELL_W;
      const refs = cell.risks.map((risk) => risk.ref ?? risk.title).join(', ');
      parts.push(
        `<g><title>${escapeXml(cell.label)}</title>`,
        `<rect x="${x}" y="${y}" width="${CELL_W}" height="${CELL_H}" fill="${FILL[cell.band.rag]}" ` +
          'stroke="#ffffff" stroke-width="2"/>',
        `<text x="${x + 6}" y="${y + 16}" font-size="11">${cell.score} ${escapeXml(cell.band.label)}</text>`,
        refs ? `<text x="${x + 6}" y="${y + 38}" font-weight="bold">${escapeXml(clip(refs, 16))}</text>` : '',
        '</g>',
      );
    });
  });
  const axisY = TOP + model.rows.length * CELL_H;
  model.likelihoods.forEach((level, index) => {
    const x = LEFT + index * CELL_W + CELL_W / 2;
    parts.push(`<text x="${x}" y="${axisY + 18}" text-anchor="middle">${escapeXml(level.label)}</text>`);
  });
  parts.push(
    `<text x="${LEFT + (columns * CELL_W) / 2}" y="${axisY + 44}" text-anchor="middle" font-weight="bold">` +
      'Likelihood</text>',
    `<text x="12" y="${TOP + 12}" font-weight="bold">Impact</text>`,
    '</svg>',
  );
  return parts.join('');
}
