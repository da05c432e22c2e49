import type { ImplicationCategory } from '../db/schema.ts';
import type { FieldIssue } from '../web/form-errors.ts';

/** The sections of a wider-implications table, in the order councils' report templates give them (seed 002). */
export const IMPLICATION_CATEGORIES: { key: ImplicationCategory; label: string; hint: string }[] = [
  { key: 'financial', label: 'Financial', hint: 'Budget, funding and costs, with an amount if there is one.' },
  { key: 'legal', label: 'Legal', hint: 'Powers, duties and governance.' },
  { key: 'risk', label: 'Risk', hint: 'How the risks are identified and managed.' },
  { key: 'equality', label: 'Impact on equality', hint: 'Effects on people with protected characteristics.' },
  { key: 'hr', label: 'Human resources', hint: 'Staffing, training and development.' },
  { key: 'climate', label: 'Climate and sustainability', hint: 'Effects on carbon emissions and the environment.' },
  { key: 'other', label: 'Other', hint: 'For example health and safety, data protection, crime and disorder.' },
];

export interface ImplicationFormValues {
  texts: Record<ImplicationCategory, string>;
  financialAmount: string;
  otherHeading: string;
}

export interface ImplicationEntry {
  category: ImplicationCategory;
  heading: string | null;
  body: string;
  amount: number | null;
}

const MAX_TEXT = 5000;
const field = (body: Record<string, unknown>, key: string) => (typeof body[key] === 'string' ? (body[key]).trim() : '');

export function implicationFormValues(body: Record<string, unknown>): ImplicationFormValues {
  const texts = Object.fromEntries(IMPLICATION_CATEGORIES.map(({ key }) => [key, field(body, key)])) as Record<ImplicationCategory, string>;
  return { texts, financialAmount: field(body, 'financialAmount'), otherHeading: field(body, 'otherHeading') };
}

/** "£200,000" → 200000; null when it is not an amount in pounds. */
export function readAmount(text: string): number | null {
  const cleaned = text.replace(/,/g, '').replace(/^(-?)£/, '$1').trim();
  if (!/^-?\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  const amount = Number(cleaned);
  return Math.abs(amount) < 1e12 ? amount : null;
}

/** The filled-in sections, or every problem at once (a blank section is simply left out). */
export function parseImplicationForm(values: ImplicationFormValues): { ok: true; entries: ImplicationEntry[] } | { ok: false; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  for (const { key, label } of IMPLICATION_CATEGORIES) {
    if (values.texts[key].length > MAX_TEXT) issues.push({ path: key, message: `${label} implications must be ${MAX_TEXT.toLocaleString('en-GB')} characters or fewer` });
  }
  const amount = values.financialAmount ? readAmount(values.financialAmount) : null;
  if (values.financialAmount && amount === null) {
    issues.push({ path: 'financialAmount', message: 'Amount must be in pounds, like 200000 or £200,000.50' });
  } else if (amount !== null && !values.texts.financial) {
    issues.push({ path: 'financial', message: 'Describe the financial implications as well as giving the amount' });
  }
  if (values.otherHeading.length > 200) issues.push({ path: 'otherHeading', message: 'The heading must be 200 characters or fewer' });
  if (issues.length > 0) return { ok: false, issues };
  const entries = IMPLICATION_CATEGORIES.filter(({ key }) => values.texts[key] !== '').map(({ key }) => ({
    category: key,
    heading: key === 'other' ? values.otherHeading || null : null,
    body: values.texts[key],
    amount: key === 'financial' ? amount : null,
  }));
  return { ok: true, entries };
}
