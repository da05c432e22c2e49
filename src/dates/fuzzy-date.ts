import { format, parseISO } from 'date-fns';
import { findDateMentions, type DateMention } from './date-mentions.ts';
import type { DatePrecision, FuzzyDate, FuzzyDateOptions } from './fuzzy-date.types.ts';

const ONGOING = /\bon\s*-?\s*going\b|\bcontinuous(ly)?\b/i;
const RECURRING =
  /\b(quarterly|monthly|weekly|fortnightly|annual(ly)?|yearly|bi-?annual(ly)?|six[\s-]monthly|every\s+(day|week|month|quarter|year)|each\s+(subsequent\s+)?(week|month|quarter|year))\b/i;
const START_ONLY = /\b(from|start(s|ing|ed)?|commenc\w*|beginning)\b/i;

const iso = (date: Date): string => format(date, 'yyyy-MM-dd');

/**
 * Reads a date as people write it in plans ("31/12/14", "Dec 09", "Q3 2024/25", "Ongoing", "Annually (May each
 * year)", "April 2013 July 2013 October 2013", "See comment") into a start, an end and a precision, keeping the text.
 * Day-first (UK) order; financial years start in options.fyStartMonth (default April). Never throws.
 */
export function parseFuzzyDate(text: string, options: FuzzyDateOptions = {}): FuzzyDate {
  try {
    return interpret(text, options);
  } catch {
    return { text, start: null, end: null, precision: 'unknown' };
  }
}

function interpret(text: string, options: FuzzyDateOptions): FuzzyDate {
  const fyStartMonth = options.fyStartMonth !== undefined && options.fyStartMonth >= 1 && options.fyStartMonth <= 12 ? options.fyStartMonth : 4;
  const referenceYear = options.referenceDate ? parseISO(options.referenceDate).getFullYear() : null;
  const mentions = findDateMentions(text, {
    fyStartMonth,
    referenceYear: referenceYear !== null && !Number.isNaN(referenceYear) ? referenceYear : null,
  });
  const span = spanOf(mentions);
  const dates = { start: span ? iso(span.start) : null, end: span ? iso(span.end) : null };
  if (ONGOING.test(text)) return { text, ...dates, precision: 'ongoing' };
  if (RECURRING.test(text)) return { text, ...dates, precision: 'recurring' };
  if (span === null) return { text, start: null, end: null, precision: 'unknown' };
  if (mentions.length === 1 && START_ONLY.test(text)) return { text, start: dates.start, end: null, precision: 'range' };
  return { text, ...dates, precision: span.precision };
}

function spanOf(mentions: DateMention[]): { start: Date; end: Date; precision: DatePrecision } | null {
  const [first] = mentions;
  if (first === undefined) return null;
  if (mentions.length === 1) return first;
  const start = mentions.reduce((min, m) => (m.start < min ? m.start : min), first.start);
  const end = mentions.reduce((max, m) => (m.end > max ? m.end : max), first.end);
  return { start, end, precision: 'range' };
}

/** The text as written; when there is none, the dates as dd/MM/yyyy ("31/03/2014", or "01/04/2014 – 31/03/2015"). */
export function formatFuzzyDate(d: FuzzyDate): string {
  if (d.text.trim() !== '') return d.text;
  const show = (value: string): string => format(parseISO(value), 'dd/MM/yyyy');
  if (d.start && d.end && d.start !== d.end) return `${show(d.start)} – ${show(d.end)}`;
  const only = d.start ?? d.end;
  return only ? show(only) : '';
}
