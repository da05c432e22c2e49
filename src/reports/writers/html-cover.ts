import type { ReportModel } from '../model/report-model.ts';
import { escapeHtml } from './html-escape.ts';
import { coverFacts } from './report-outline.ts';

/** The report's title (its one h1), and with a cover chosen, the logo and the front-sheet details. */
export function renderCoverHtml(model: ReportModel): string {
  const facts = coverFacts(model);
  const caption = `<p class="govuk-caption-l">${escapeHtml(facts.organisationName)}</p>`;
  const title = `<h1 class="govuk-heading-xl">${escapeHtml(facts.title)}</h1>`;
  if (!model.sections.cover) return `<header class="waymark-cover">${caption}${title}</header>`;
  const logo = model.logo === null ? '' : `<img class="waymark-logo" src="data:${model.logo.mediaType};base64,`
    + `${escapeHtml(model.logo.base64)}" alt="${escapeHtml(model.logo.alt)}" width="${model.logo.width}" height="${model.logo.height}">`;
  const details = facts.details.map((detail) => `<div class="govuk-summary-list__row">`
    + `<dt class="govuk-summary-list__key">${escapeHtml(detail.label)}</dt>`
    + `<dd class="govuk-summary-list__value">${escapeHtml(detail.value)}</dd></div>`);
  return `<header class="waymark-cover">${logo}${caption}${title}<p class="govuk-body-l">${escapeHtml(facts.planTitle)}</p>`
    + `<dl class="govuk-summary-list">${details.join('')}</dl></header>`;
}
