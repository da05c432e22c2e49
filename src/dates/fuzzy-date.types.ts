/** How exact a date that a person wrote is. The text they wrote is always kept beside its meaning. */
export type DatePrecision =
  | 'day'
  | 'month'
  | 'quarter'
  | 'year'
  | 'financial_year'
  | 'range'
  | 'recurring'
  | 'ongoing'
  | 'unknown';

export interface FuzzyDate {
  /** Exactly what was written, e.g. "Q3 2025/26", "Ongoing", "31December 07". */
  text: string;
  /** ISO yyyy-mm-dd, or null when the text names no date. */
  start: string | null;
  end: string | null;
  precision: DatePrecision;
}

export interface FuzzyDateOptions {
  /** Month the financial year starts in, 1–12 (UK councils: 4 = April). */
  fyStartMonth?: number;
  /** Used to resolve text with no year ("May", "Quarterly"); ISO date. */
  referenceDate?: string;
}
