import type { ReportModel, ReportRow } from '../model/report-model.ts';
import { capitalise, column, dataRow, rag, text } from './outline-cells.ts';
import type { OutlinePart, OutlineTable } from './outline-types.ts';
import { formatReportDate } from './report-dates.ts';
import { targetText } from './row-text.ts';

function itemTable(noun: string, caption: string, rows: readonly ReportRow[], emptyText: string): OutlineTable {
  return {
    caption,
    columns: [
      column('Ref', 0.7), column(noun, 2.4), column('Lead', 1.6), column('Target date', 1.3), column('Status', 1),
      column('RAG', 0.9), column('Progress', 3.5),
    ],
    rows: rows.map((row) => dataRow([
      text(row.ref), text(row.title), text(row.leads.join('; ')), text(targetText(row)), text(row.status), rag(row.rag),
      text(row.narrative),
    ])),
    emptyText, indentColumn: null, widthShare: 1,
  };
}

function revisedDatesTable(model: ReportModel, noun: string): OutlineTable {
  return {
    caption: 'Target dates revised',
    columns: [
      column('Ref', 0.7), column(noun, 2.4), column('Original date', 1.2), column('Revised date', 1.2),
      column('Reason', 3), column('Agreed by', 1.3), column('Agreed on', 1.1),
    ],
    rows: model.exceptions.revisedDates.map((revision) => dataRow([
      text(revision.ref), text(revision.title), text(revision.from), text(revision.to), text(revision.reason),
      text(revision.agreedBy), text(revision.agreedOn === null ? null : formatReportDate(revision.agreedOn)),
    ])),
    emptyText: 'No target dates were revised.', indentColumn: null, widthShare: 1,
  };
}

function correctiveTable(model: ReportModel, noun: string): OutlineTable {
  return {
    caption: 'Corrective actions',
    columns: [column('Ref', 0.7), column(noun, 3), column('Corrective action', 6)],
    rows: model.exceptions.correctiveActions.map((action) => dataRow([text(action.ref), text(action.title), text(action.text)])),
    emptyText: 'No corrective actions were reported.', indentColumn: null, widthShare: 1,
  };
}

export function exceptionsPart(model: ReportModel): OutlinePart {
  const plural = model.itemNoun.plural;
  const noun = capitalise(model.itemNoun.singular);
  const { redAmber, overdue } = model.exceptions;
  return {
    id: 'exceptions',
    heading: 'Exceptions',
    blocks: [
      { type: 'table', table: itemTable(noun, capitalise(`${plural} rated red or amber`), redAmber, `No ${plural} are rated red or amber.`) },
      { type: 'table', table: itemTable(noun, capitalise(`${plural} past their target date`), overdue, `No ${plural} are past their target date.`) },
      { type: 'table', table: revisedDatesTable(model, noun) },
      { type: 'table', table: correctiveTable(model, noun) },
    ],
  };
}
