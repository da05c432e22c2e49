import { hostileText } from './sample-hostile.ts';
import type { ReportImplication, ReportModel } from './report-model.ts';

/** Seed 002's table of wider implications, with an amount, a heading of two lines and one of hostile text. */
export const sampleImplications: readonly ReportImplication[] = [
  { category: 'financial', heading: 'Financial', text: 'A £200,000 estimated contingency budget has been included for 2017/18 onwards.', amount: 200000 },
  { category: 'legal', heading: 'Legal', text: 'The proposals will enable progress to be made with the Annual Governance Statement.', amount: null },
  {
    category: 'equality', heading: 'Impact on equality',
    text: 'There are no adverse impacts on equality issues.\nAn equality impact assessment will be completed for the restructure.', amount: null,
  },
  { category: 'other', heading: 'Other: Health and safety', text: hostileText.formula, amount: null },
];

/** The report with seed 002's wider implications, chosen as a part. */
export function withImplications(model: ReportModel): ReportModel {
  return { ...model, sections: { ...model.sections, implications: true }, implications: [...sampleImplications] };
}
