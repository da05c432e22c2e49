import type { ChangeKind, ReportModel } from '../model/report-model.ts';
import { capitalise, column, dataRow, rag, text } from './outline-cells.ts';
import type { OutlinePart } from './outline-types.ts';
import { formatCount, formatReportDate } from './report-dates.ts';
import { directionText } from './row-text.ts';

export const changeKindLabels: Readonly<Record<ChangeKind, string>> = {
  new: 'New', closed: 'Closed', rag: 'RAG changed', date: 'Date revised', status: 'Status changed', text: 'Progress updated',
};

export function changesPart(model: ReportModel): OutlinePart {
  const { changes } = model;
  if (changes === null) {
    return {
      id: 'changes', heading: 'Changes since the last report',
      blocks: [{ type: 'paragraph', text: 'No earlier report has been issued, so there are no changes to show.' }],
    };
  }
  const tally = (Object.keys(changeKindLabels) as ChangeKind[])
    .map((kind) => [kind, changes.entries.filter((entry) => entry.kind === kind).length] as const)
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => `${changeKindLabels[kind]}: ${formatCount(count)}`);
  return {
    id: 'changes',
    heading: `Changes since ${changes.sinceTitle}`,
    blocks: [
      { type: 'paragraph', text: `Compared with the report as at ${formatReportDate(changes.sinceDate)}.` },
      ...(tally.length > 0 ? [{ type: 'list' as const, items: tally }] : []),
      {
        type: 'table',
        table: {
          caption: `Changes since ${changes.sinceTitle}`,
          columns: [column('Ref', 0.7), column(capitalise(model.itemNoun.singular), 2.4), column('Change', 1.2), column('Before', 3), column('After', 3)],
          rows: changes.entries.map((entry) => dataRow([
            text(entry.ref), text(entry.title), text(changeKindLabels[entry.kind]), text(entry.from), text(entry.to),
          ])),
          emptyText: 'Nothing has changed since the last report.', indentColumn: null, widthShare: 1,
        },
      },
    ],
  };
}

export function measuresPart(model: ReportModel, heading: string): OutlinePart {
  return {
    id: 'measures', heading,
    blocks: [{
      type: 'table',
      table: {
        caption: 'Measures of success',
        columns: [
          column('Measure', 3.5), column('Unit', 0.8), column('Baseline', 1, true), column('Target', 1, true),
          column('Latest', 1, true), column('RAG', 1), column('Trend', 1),
        ],
        rows: model.measures.map((measure) => dataRow([
          text(measure.name), text(measure.unit), text(measure.baseline), text(measure.target), text(measure.latest),
          rag(measure.rag), text(directionText(measure.trend)),
        ])),
        emptyText: 'No measures are recorded.', indentColumn: null, widthShare: 1,
      },
    }],
  };
}

export function risksPart(model: ReportModel, heading: string): OutlinePart {
  return {
    id: 'risks', heading,
    blocks: [{
      type: 'table',
      table: {
        caption: 'Risks',
        columns: [
          column('Ref', 0.6), column('Risk', 3.5), column('Owner', 2), column('Inherent score', 1.1),
          column('Residual score', 1.1), column('Target score', 1), column('RAG', 1),
        ],
        rows: model.risks.map((risk) => dataRow([
          text(risk.ref), text(risk.title), text(risk.owner), text(risk.inherent), text(risk.residual), text(risk.target),
          rag(risk.rag),
        ])),
        emptyText: 'No risks are recorded.', indentColumn: null, widthShare: 1,
      },
    }],
  };
}
