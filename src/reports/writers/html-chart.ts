import { ragColours } from '../model/rag.ts';
import { escapeHtml } from './html-escape.ts';
import type { OutlineBar } from './outline-types.ts';
import { formatCount } from './report-dates.ts';

const width = 720;
const labelWidth = 160;
const barSpace = 470;
const rowHeight = 34;

/**
 * A horizontal bar chart as inline SVG. It is one image to assistive technology (role="img" with a title and a
 * description that gives every number); each bar is labelled with its rating and count in text, so it never relies
 * on colour, and the same numbers are in the table that follows it.
 */
export function renderBarChartSvg(id: string, title: string, bars: readonly OutlineBar[]): string {
  const max = Math.max(1, ...bars.map((bar) => bar.count));
  const height = bars.length * rowHeight + 10;
  const description = bars.map((bar) => `${bar.label}: ${formatCount(bar.count)}`).join('; ');
  const marks = bars.map((bar, index) => {
    const y = 5 + index * rowHeight;
    const barWidth = Math.round((bar.count / max) * barSpace);
    return `<text x="0" y="${y + 20}" font-size="15">${escapeHtml(bar.label)}</text>`
      + `<rect x="${labelWidth}" y="${y + 4}" width="${barWidth}" height="22" fill="#${ragColours[bar.rag].fill}" stroke="#0b0c0c"/>`
      + `<text x="${labelWidth + barWidth + 8}" y="${y + 20}" font-size="15" font-weight="bold">${formatCount(bar.count)}</text>`;
  });
  return `<figure class="waymark-chart"><svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 ${width} ${height}"`
    + ` aria-labelledby="${id}-title ${id}-desc" font-family="arial, sans-serif" fill="#0b0c0c">`
    + `<title id="${id}-title">${escapeHtml(title)}</title><desc id="${id}-desc">${escapeHtml(description)}</desc>`
    + `<g>${marks.join('')}</g></svg></figure>`;
}
