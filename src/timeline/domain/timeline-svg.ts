import { escapeXml, round } from './svg-primitives.ts';
import type { TimelineModel } from './timeline-model.ts';
import { arrowSvg, COLOURS, diamond, rowSvg } from './timeline-svg-rows.ts';
import { timelineLayout, type TimelineLayout, type TimelineSvgOptions } from './timeline-svg-layout.ts';

export type { TimelineSvgOptions } from './timeline-svg-layout.ts';

/**
 * The timeline as one SVG document: header of financial years, quarters or months and columns; a grid; a row per
 * item with its planned bars (seed 003's ■), target ◆ and revised ◇ dates; dependency arrows; the today line;
 * a legend. At-risk rows carry words and a hatched band, not colour alone. The same data is in the model's rows
 * for the accessible table.
 */
export function renderTimelineSvg(model: TimelineModel, options: TimelineSvgOptions = {}): string {
  const layout = timelineLayout(model, options);
  const { width, height } = layout;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" `,
    `role="img" aria-labelledby="${layout.id('title')} ${layout.id('desc')}" `,
    `font-family="Arial, Helvetica, sans-serif" font-size="12" fill="${COLOURS.text}">`,
    `<title id="${layout.id('title')}">${escapeXml(`Timeline: ${model.title}`)}</title>`,
    `<desc id="${layout.id('desc')}">${escapeXml(model.description)}</desc>`,
    definitions(layout),
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    header(model, layout),
    grid(model, layout),
    model.rows.map((row) => rowSvg(row, layout)).join(''),
    `<g class="dependencies">${model.arrows.map((arrow) => arrowSvg(arrow, layout)).join('')}</g>`,
    today(model, layout),
    legend(layout),
    '</svg>',
  ].join('');
}

function definitions(layout: TimelineLayout): string {
  const head = (name: string, colour: string) =>
    `<marker id="${layout.id(name)}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" ` +
    `orient="auto"><path d="M0 0L10 5L0 10z" fill="${colour}"/></marker>`;
  const hatch =
    `<pattern id="${layout.id('at-risk')}" patternUnits="userSpaceOnUse" width="8" height="8">` +
    `<path d="M0 8L8 0" stroke="${COLOURS.red}" stroke-opacity="0.45"/></pattern>`;
  return `<defs>${head('arrow', COLOURS.text)}${head('arrow-risk', COLOURS.red)}${hatch}</defs>`;
}

function header(model: TimelineModel, layout: TimelineLayout): string {
  const parts: string[] = ['<g class="header">'];
  const rowTop = (index: number) => layout.gridTop - layout.headerRowHeight * (model.groupRows.length + 1 - index);
  model.groupRows.forEach((groupRow, rowIndex) => {
    const top = rowTop(rowIndex);
    for (const group of groupRow.groups) {
      const [x, w] = [layout.x(group.startIndex), round(group.span * layout.columnWidth)];
      parts.push(
        `<rect x="${x}" y="${top}" width="${w}" height="${layout.headerRowHeight}" fill="${COLOURS.stripe}" ` +
          `stroke="${COLOURS.line}"/>`,
        `<text x="${round(x + w / 2)}" y="${top + 14}" text-anchor="middle" font-weight="bold">` +
          `${escapeXml(group.span * layout.columnWidth >= 40 ? group.label : '')}</text>`,
      );
    }
  });
  const labelTop = rowTop(model.groupRows.length);
  model.columns.forEach((column, index) => {
    const x = round(layout.x(index) + layout.columnWidth / 2);
    parts.push(`<text x="${x}" y="${labelTop + 14}" text-anchor="middle">${escapeXml(column.shortLabel)}</text>`);
  });
  parts.push(`<text x="6" y="${labelTop + 14}" font-weight="bold">Item</text>`);
  parts.push(`<text x="${layout.labelWidth + 4}" y="${labelTop + 14}" font-weight="bold">Status</text>`);
  parts.push('</g>');
  return parts.join('');
}

function grid(model: TimelineModel, layout: TimelineLayout): string {
  const { gridTop, gridBottom, width } = layout;
  const stripes = model.rows
    .filter((row) => row.index % 2 === 1)
    .map((row) => `M0 ${layout.rowTop(row.index)}h${width - 10}v${layout.rowHeight}h${-(width - 10)}z`)
    .join('');
  const verticals = model.columns.map((_, index) => `M${layout.x(index)} ${gridTop}V${gridBottom}`).join('');
  const end = `M${layout.x(model.columns.length)} ${gridTop}V${gridBottom}`;
  const horizontals = `M0 ${gridTop}H${width - 10}M0 ${gridBottom}H${width - 10}`;
  return (
    `<g class="grid"><path d="${stripes}" fill="${COLOURS.stripe}"/>` +
    `<path d="${verticals}${end}${horizontals}" stroke="${COLOURS.line}" fill="none"/></g>`
  );
}

function today(model: TimelineModel, layout: TimelineLayout): string {
  if (model.todayPosition === null) return '';
  const x = layout.x(model.todayPosition);
  return (
    // Across the rows only, with a tick under the label, so that it does not strike through the header's words.
    `<g class="today"><path d="M${x} 15V19M${x} ${layout.gridTop}V${layout.gridBottom}" stroke="${COLOURS.red}" ` +
    'stroke-width="2"/>' +
    `<text x="${x}" y="12" text-anchor="middle" font-weight="bold" fill="${COLOURS.red}">Today</text></g>`
  );
}

function legend(layout: TimelineLayout): string {
  const y = layout.legendTop;
  const middle = y + 6;
  const text = (x: number, words: string) => `<text x="${x}" y="${y + 10}">${words}</text>`;
  return [
    '<g class="legend">',
    `<rect x="6" y="${y}" width="24" height="12" fill="${COLOURS.planned}"/>`,
    text(36, 'Planned'),
    diamond(110, middle, 'target'),
    text(122, 'Target date'),
    diamond(210, middle, 'revised'),
    text(222, 'Revised date'),
    `<path d="M316 ${y - 2}v16" stroke="${COLOURS.red}" stroke-width="2"/>`,
    text(324, 'Today'),
    `<rect x="380" y="${y}" width="24" height="12" fill="url(#${layout.id('at-risk')})" stroke="${COLOURS.red}"/>`,
    text(410, 'At risk from a slip'),
    `<path d="M540 ${middle}H570" stroke="${COLOURS.text}" marker-end="url(#${layout.id('arrow')})"/>`,
    text(578, 'Depends on'),
    '</g>',
  ].join('');
}
