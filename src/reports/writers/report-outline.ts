import type { ReportModel } from '../model/report-model.ts';
import { changesPart, measuresPart, risksPart } from './outline-appendices.ts';
import { exceptionsPart } from './outline-exceptions.ts';
import { fullTablePart } from './outline-full-table.ts';
import { implicationsPart, showsImplications } from './outline-implications.ts';
import { summaryPart } from './outline-summary.ts';
import type { CoverFacts, OutlineBlock, OutlinePart } from './outline-types.ts';
import { formatGeneratedAt, formatReportDate } from './report-dates.ts';

/** Title and front-sheet details; the model's own cover details follow the standard ones, without repeats. */
export function coverFacts(model: ReportModel): CoverFacts {
  const details = [
    { label: 'Report to', value: model.audience },
    { label: 'Position as at', value: formatReportDate(model.asAt) },
    ...(model.periodLabel === null ? [] : [{ label: 'Period', value: model.periodLabel }]),
  ];
  const used = new Set(details.map((detail) => detail.label.toLowerCase()));
  for (const detail of model.coverDetails) {
    if (!used.has(detail.label.toLowerCase())) details.push(detail);
  }
  details.push({ label: 'Produced', value: formatGeneratedAt(model.generatedAt) });
  return { title: model.title, organisationName: model.organisationName, planTitle: model.planTitle, details };
}

function introductionPart(model: ReportModel): OutlinePart | null {
  const blocks: OutlineBlock[] = model.introduction.map((paragraph) => ({ type: 'paragraph', text: paragraph }));
  if (model.recommendations.length > 0) {
    blocks.push(
      { type: 'subheading', text: 'Recommendations' },
      { type: 'paragraph', text: `It is recommended that ${model.audience}:` },
      { type: 'list', items: model.recommendations },
    );
  }
  return blocks.length === 0 ? null : { id: 'introduction', heading: 'Introduction', blocks };
}

/**
 * The parts of the report in order, leaving out sections not chosen and the wider implications and appendices when
 * there is nothing in them. The introduction (with its recommendations) belongs to the "Cover and introduction" section.
 */
export function reportOutline(model: ReportModel): OutlinePart[] {
  const { sections } = model;
  const parts: (OutlinePart | null)[] = [
    sections.cover ? introductionPart(model) : null,
    sections.summary ? summaryPart(model) : null,
    sections.exceptions ? exceptionsPart(model) : null,
    sections.changes ? changesPart(model) : null,
    sections.fullTable ? fullTablePart(model) : null,
    showsImplications(model) ? implicationsPart(model) : null,
  ];
  const appendices: ((heading: string) => OutlinePart)[] = [];
  if (sections.measures && model.measures.length > 0) appendices.push((heading) => measuresPart(model, `${heading}: measures`));
  if (sections.risks && model.risks.length > 0) appendices.push((heading) => risksPart(model, `${heading}: risks`));
  appendices.forEach((build, index) => parts.push(build(`Appendix ${String.fromCharCode(65 + index)}`)));
  return parts.filter((part): part is OutlinePart => part !== null);
}
