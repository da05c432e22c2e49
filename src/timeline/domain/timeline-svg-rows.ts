import { ukDate } from '../../relations/domain/day-number.ts';
import { clip, escapeXml, round } from './svg-primitives.ts';
import type { DependencyArrow } from './timeline-arrows.ts';
import type { TimelineRow } from './timeline-model.ts';
import type { TimelineLayout } from './timeline-svg-layout.ts';

export const COLOURS = { text: '#0b0c0c', line: '#b1b4b6', planned: '#1d70b8', red: '#d4351c', stripe: '#f3f2f1' };

/** One row: its label, its status in words, the planned bars, and the target and revised markers. */
export function rowSvg(row: TimelineRow, layout: TimelineLayout): string {
  const top = layout.rowTop(row.index);
  const middle = layout.rowMiddle(row.index);
  const parts: string[] = [`<g class="timeline-row"><title>${escapeXml(fullLabel(row))}</title>`];
  if (row.atRisk) {
    const width = layout.width - 10 - layout.gridLeft;
    parts.push(
      `<rect x="${layout.gridLeft}" y="${top}" width="${width}" height="${layout.rowHeight}" ` +
        `fill="url(#${layout.id('at-risk')})"/>`,
    );
  }
  const indent = 6 + row.depth * 12;
  const maxChars = Math.floor((layout.labelWidth - indent - 6) / 6.4);
  const weight = row.kind === 'action' || row.kind === 'milestone' ? '' : ' font-weight="bold"';
  const label = clip(row.ref ? `${row.ref} ${row.title}` : row.title, maxChars);
  parts.push(`<text x="${indent}" y="${middle + 4}"${weight}>${escapeXml(label)}</text>`);
  const status = statusWords(row);
  if (status) {
    const fill = row.atRisk || row.overdue ? COLOURS.red : COLOURS.text;
    parts.push(
      `<text x="${layout.labelWidth + 4}" y="${middle + 4}" font-weight="bold" fill="${fill}">${status}</text>`,
    );
  }
  for (const [first, last] of row.plannedRuns) {
    const x = layout.x(first) + 2;
    const width = round((last - first + 1) * layout.columnWidth - 4);
    parts.push(
      `<rect x="${x}" y="${top + 6}" width="${width}" height="${layout.rowHeight - 12}" fill="${COLOURS.planned}"/>`,
    );
  }
  if (row.targetPosition !== null && row.revisedPosition !== null) {
    const [from, to] = [layout.x(row.targetPosition), layout.x(row.revisedPosition)];
    parts.push(`<path d="M${from} ${middle}H${to}" stroke="${COLOURS.red}" stroke-dasharray="3 2"/>`);
  }
  if (row.targetPosition !== null) parts.push(diamond(layout.x(row.targetPosition), middle, 'target'));
  if (row.revisedPosition !== null) parts.push(diamond(layout.x(row.revisedPosition), middle, 'revised'));
  parts.push('</g>');
  return parts.join('');
}

/** A filled diamond for the target date, a hollow red one for the revised date. */
export function diamond(x: number, y: number, kind: 'target' | 'revised'): string {
  const shape = `M${x} ${round(y - 6)}l6 6l-6 6l-6 -6z`;
  return kind === 'target'
    ? `<path d="${shape}" fill="${COLOURS.text}"/>`
    : `<path d="${shape}" fill="#ffffff" stroke="${COLOURS.red}" stroke-width="2"/>`;
}

/** An elbow from the end of the predecessor to the start of the dependent, with an arrowhead. */
export function arrowSvg(arrow: DependencyArrow, layout: TimelineLayout): string {
  const [x1, y1] = [layout.x(arrow.fromPosition), layout.rowMiddle(arrow.fromRow)];
  const [x2, y2] = [layout.x(arrow.toPosition), layout.rowMiddle(arrow.toRow)];
  const bend = round(x1 + 6);
  const style = arrow.atRisk
    ? `stroke="${COLOURS.red}" stroke-width="1.5" stroke-dasharray="4 2" marker-end="url(#${layout.id('arrow-risk')})"`
    : `stroke="${COLOURS.text}" marker-end="url(#${layout.id('arrow')})"`;
  const title = `<title>${escapeXml(arrow.description)}${arrow.atRisk ? ' (at risk)' : ''}</title>`;
  return `<path d="M${x1} ${y1}H${bend}V${y2}H${x2}" fill="none" ${style}>${title}</path>`;
}

function statusWords(row: TimelineRow): string {
  if (row.atRiskLabel) return escapeXml(clip(row.atRiskLabel.replace(/^a/, 'A'), 22));
  if (row.overdue) return 'Overdue';
  return row.complete ? 'Complete' : '';
}

function fullLabel(row: TimelineRow): string {
  const words = [row.ref ? `${row.ref} ${row.title}` : row.title];
  if (row.lead) words.push(`lead ${row.lead}`);
  if (row.targetText) words.push(`target ${row.targetText}`);
  else if (row.targetEnd) words.push(`target ${ukDate(row.targetEnd)}`);
  if (row.revisedEnd && row.revisedEnd !== row.targetEnd) words.push(`revised ${ukDate(row.revisedEnd)}`);
  if (row.atRiskReason) words.push(row.atRiskReason);
  else if (row.overdue) words.push('overdue');
  return words.join('; ');
}
