import type { ReportImplication, ReportModel } from '../model/report-model.ts';
import type { OutlineBlock, OutlinePart } from './outline-types.ts';

const pounds = (digits: number) =>
  new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', minimumFractionDigits: digits, maximumFractionDigits: digits });
const wholePounds = pounds(0);
const poundsAndPence = pounds(2);

/** 200000 → "£200,000"; 1250.5 → "£1,250.50". */
export function formatPounds(amount: number): string {
  return (Number.isInteger(amount) ? wholePounds : poundsAndPence).format(amount);
}

/** Whether the report has a wider implications part: chosen, and the plan has some. */
export const showsImplications = (model: ReportModel) => model.sections.implications && model.implications.length > 0;

/** The text of one heading as paragraphs (one a line, as the plan page shows it), then its amount. */
export function implicationParagraphs(implication: ReportImplication): string[] {
  const paragraphs = implication.text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
  return implication.amount === null ? paragraphs : [...paragraphs, `Amount: ${formatPounds(implication.amount)}`];
}

/** The plan's wider implications: a sub-heading for each heading that has content, then its text. */
export function implicationsPart(model: ReportModel): OutlinePart {
  return {
    id: 'implications',
    heading: 'Wider implications',
    blocks: model.implications.flatMap((implication): OutlineBlock[] => [
      { type: 'subheading', text: implication.heading },
      ...implicationParagraphs(implication).map((text): OutlineBlock => ({ type: 'paragraph', text })),
    ]),
  };
}
