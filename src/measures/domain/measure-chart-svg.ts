import { escapeXml, round } from '../../timeline/domain/svg-primitives.ts';
import { niceTicks } from './chart-scale.ts';
import type { Measure } from './measure.ts';
import { measureRag } from './measure-rag.ts';
import { measureTableRows, type MeasureTableRow } from './measure-table-rows.ts';
import { measureTrend } from './measure-trend.ts';
import { formatMeasureValue } from './measure-value.ts';

export interface MeasureChartOptions { idPrefix?: string; width?: number; height?: number }

interface Plot { left: number; right: number; x: (index: number) => number; y: (value: number) => number }

const [LEFT, RIGHT, TOP, BOTTOM, INSET] = [70, 20, 20, 64, 40];
const COLOURS = { text: '#0b0c0c', grid: '#b1b4b6', actual: '#1d70b8', target: '#0b0c0c', baseline: '#505a5f' };

/**
 * A line chart of the actuals (a <circle> per actual, each with a <title> giving period and value) against the
 * target line and the baseline. The same figures come from measureTableRows for the table beside it.
 */
export function renderMeasureChartSvg(measure: Measure, options: MeasureChartOptions = {}): string {
  const [width, height] = [options.width ?? 600, options.height ?? 300];
  const id = (name: string) => `${options.idPrefix ?? 'wm-measure'}-${name}`;
  const rows = measureTableRows(measure);
  const actuals = numbers(rows.map((row) => row.actualValue));
  const open =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
    `role="img" aria-labelledby="${id('title')} ${id('desc')}" font-family="Arial, Helvetica, sans-serif" ` +
    `font-size="12" fill="${COLOURS.text}"><title id="${id('title')}">${escapeXml(measure.title)}</title>` +
    `<desc id="${id('desc')}">${escapeXml(describe(measure, rows))}</desc>`;
  if (actuals.length === 0) {
    const numeric = measure.unit !== 'text' && measure.unit !== 'yes_no';
    return `${open}<text x="10" y="24">${numeric ? 'No actuals yet.' : 'Not a number: see the table.'}</text></svg>`;
  }
  const all = [...actuals, ...numbers(rows.map((row) => row.targetValue)), ...numbers([measure.baseline])];
  const ticks = niceTicks(Math.min(0, ...all), Math.max(...all));
  const [low, high] = [ticks[0] ?? 0, ticks.at(-1) ?? 1];
  // Points sit in from the plot's edges, so that the first and last period labels fit.
  const [first, span] = [LEFT + INSET, width - LEFT - RIGHT - 2 * INSET];
  const plot: Plot = {
    left: LEFT,
    right: width - RIGHT,
    x: (index) => round(first + (rows.length === 1 ? span / 2 : (index * span) / (rows.length - 1))),
    y: (value) => round(TOP + ((high - value) * (height - TOP - BOTTOM)) / (high - low || 1)),
  };
  return [
    open,
    axes(plot, ticks, rows, measure, height),
    baselineLine(plot, measure),
    targetLine(plot, rows),
    actualLine(plot, rows),
    legend(height),
    '</svg>',
  ].join('');
}

function axes(plot: Plot, ticks: number[], rows: MeasureTableRow[], measure: Measure, height: number): string {
  const parts = ticks.map(
    (tick) =>
      `<path d="M${plot.left} ${plot.y(tick)}H${plot.right}" stroke="${COLOURS.grid}"/>` +
      `<text x="${plot.left - 6}" y="${plot.y(tick) + 4}" text-anchor="end">` +
      `${escapeXml(formatMeasureValue(measure.unit, tick))}</text>`,
  );
  const every = Math.ceil(rows.length / 8);
  rows.forEach((row, index) => {
    if (index % every !== 0) return;
    const y = height - BOTTOM + 18;
    parts.push(`<text x="${plot.x(index)}" y="${y}" text-anchor="middle">${escapeXml(row.periodLabel)}</text>`);
  });
  return `<g class="axes">${parts.join('')}</g>`;
}

function baselineLine(plot: Plot, measure: Measure): string {
  if (typeof measure.baseline !== 'number') return '';
  const y = plot.y(measure.baseline);
  const label = `Baseline ${formatMeasureValue(measure.unit, measure.baseline)}`;
  return (
    `<path d="M${plot.left} ${y}H${plot.right}" stroke="${COLOURS.baseline}" stroke-dasharray="1 3"/>` +
    `<text x="${plot.right}" y="${y - 4}" text-anchor="end" fill="${COLOURS.baseline}">${escapeXml(label)}</text>`
  );
}

function targetLine(plot: Plot, rows: MeasureTableRow[]): string {
  const points = rows.flatMap((row, index) =>
    typeof row.targetValue === 'number' ? [[plot.x(index), plot.y(row.targetValue)] as const] : [],
  );
  const [first] = points;
  if (!first) return '';
  const d =
    points.length === 1 ? `M${plot.left} ${first[1]}H${plot.right}` : `M${points.map((p) => p.join(' ')).join('L')}`;
  return `<path d="${d}" fill="none" stroke="${COLOURS.target}" stroke-width="2" stroke-dasharray="6 4"/>`;
}

function actualLine(plot: Plot, rows: MeasureTableRow[]): string {
  const points = rows.flatMap((row, index) =>
    typeof row.actualValue === 'number' ? [{ row, x: plot.x(index), y: plot.y(row.actualValue) }] : [],
  );
  const line = `M${points.map((point) => `${point.x} ${point.y}`).join('L')}`;
  const circles = points.map(({ row, x, y }) => {
    const title = `${row.periodLabel}: ${row.actual ?? ''}${row.target ? `, target ${row.target}` : ''}`;
    return `<circle cx="${x}" cy="${y}" r="5" fill="${COLOURS.actual}"><title>${escapeXml(title)}</title></circle>`;
  });
  return `<path d="${line}" fill="none" stroke="${COLOURS.actual}" stroke-width="2"/>${circles.join('')}`;
}

function legend(height: number): string {
  const y = height - 16;
  return (
    `<g class="legend"><path d="M${LEFT} ${y}h30" stroke="${COLOURS.actual}" stroke-width="2"/>` +
    `<rect x="${LEFT + 11}" y="${y - 4}" width="8" height="8" rx="4" fill="${COLOURS.actual}"/>` +
    `<text x="${LEFT + 36}" y="${y + 4}">Actual</text>` +
    `<path d="M${LEFT + 100} ${y}h30" stroke="${COLOURS.target}" stroke-width="2" stroke-dasharray="6 4"/>` +
    `<text x="${LEFT + 136}" y="${y + 4}">Target</text></g>`
  );
}

function describe(measure: Measure, rows: MeasureTableRow[]): string {
  const reported = rows.filter((row) => row.actual !== null);
  const latest = reported.at(-1);
  if (!latest) return `${measure.title}: no actuals yet.`;
  const rag = measureRag(measure, latest.periodKey);
  const against = latest.target ? ` against a target of ${latest.target} (${rag})` : '';
  const trend = measureTrend(measure);
  const span = reported.length > 1 ? `from ${reported[0]?.periodLabel} to ${latest.periodLabel}` : latest.periodLabel;
  return (
    `${measure.title}: ${reported.length} actuals ${span}; latest ${latest.actual}${against}` +
    `${trend ? `; trend ${trend}` : ''}. The figures are in the table.`
  );
}

function numbers(values: readonly unknown[]): number[] {
  return values.filter((value): value is number => typeof value === 'number');
}
