import type { ReportModel } from '../model/report-model.ts';
import { renderBarChartSvg } from './html-chart.ts';
import { renderCoverHtml } from './html-cover.ts';
import { escapeHtml, escapeMultiline } from './html-escape.ts';
import { renderTableHtml } from './html-table.ts';
import type { OutlineBlock, OutlinePart } from './outline-types.ts';
import { formatReportDate } from './report-dates.ts';
import { reportOutline } from './report-outline.ts';
import { reportStylesheet, standaloneStylesheet } from './report-stylesheet.ts';

export interface ReportHtmlOptions {
  /** true: a whole HTML document with its own styles (download, print, email); false: a fragment for a page. */
  standalone: boolean;
}

function blockHtml(block: OutlineBlock, partId: string): string {
  switch (block.type) {
    case 'subheading': return `<h3 class="govuk-heading-m">${escapeHtml(block.text)}</h3>`;
    case 'paragraph': return `<p class="govuk-body">${escapeMultiline(block.text)}</p>`;
    case 'list': return `<ul class="govuk-list govuk-list--bullet">${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
    case 'chart': return renderBarChartSvg(`waymark-${partId}-chart`, block.title, block.bars);
    case 'table': return renderTableHtml(block.table, 3);
  }
}

function partHtml(part: OutlinePart): string {
  const id = `waymark-${part.id}`;
  return `<section class="waymark-part" id="${id}" aria-labelledby="${id}-heading">`
    + `<h2 class="govuk-heading-l" id="${id}-heading">${escapeHtml(part.heading)}</h2>\n`
    + `${part.blocks.map((block) => blockHtml(block, part.id)).join('\n')}</section>`;
}

/** The committee report as HTML with GOV.UK Frontend classes. All text from the model is escaped. */
export function renderReportHtml(model: ReportModel, options: ReportHtmlOptions): string {
  const body = `<div class="waymark-report">${renderCoverHtml(model)}\n${reportOutline(model).map(partHtml).join('\n')}</div>`;
  if (!options.standalone) return body;
  const title = `${model.title} – ${model.planTitle} – ${model.audience}, as at ${formatReportDate(model.asAt)}`;
  return `<!DOCTYPE html>\n<html lang="en-GB"><head><meta charset="utf-8">`
    + `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>`
    + `<style>${standaloneStylesheet}${reportStylesheet}</style></head>`
    + `<body><main class="govuk-width-container" id="main-content">${body}</main></body></html>\n`;
}
