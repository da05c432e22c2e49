import { normaliseRef } from './refs.ts';

/**
 * Lines that carry the plan's structure rather than its content, wherever they stand (a paragraph, a row with one
 * cell, a cell beside its value): "Priority CP1: Town Centre", "Recommendation 1: …", "HR& OD 2: Modernisation",
 * "8. Expected Outcome Increased participation …", "Progress Update".
 */
export interface SectionLine {
  ref: string;
  printedRef: string;
  title: string;
}

const KEYWORD = /^(priority|theme|recommendation|objective|strategic\s+priority|corporate\s+priority|workstream|strand|section|goal|aim)\b\s*:?\s*/i;
const CODE = /^([A-Z]{2,}(?:\s?&\s?[A-Z]+)*\s?\d{1,3})(?![\d.])\s*([:.\-–]?)\s*(.*)$/s;
const NUMBER = /^(\d{1,3})(?![\d.]\d)\s*([:.\-–]|$)\s*(.*)$/s;

/** `strict`: a paragraph of running text must have a keyword or a colon to be read as a section heading. */
export function sectionLine(text: string, strict: boolean): SectionLine | null {
  const line = text.replace(/\s+/g, ' ').trim();
  const keyword = KEYWORD.exec(line);
  const rest = keyword ? line.slice(keyword[0].length) : line;
  const code = CODE.exec(rest);
  if (code) {
    const [, printed = '', separator = '', title = ''] = code;
    if (!keyword && strict && separator === '') return null;
    if (!keyword && title.split(' ').length > 12) return null;
    const ref = normaliseRef(printed).ref;
    return ref ? { ref, printedRef: printed, title: title.trim() || printed.trim() } : null;
  }
  const numbered = keyword ? NUMBER.exec(rest) : null;
  if (numbered) return { ref: numbered[1] ?? '', printedRef: numbered[1] ?? '', title: line };
  return null;
}

const OUTCOME_LABEL = /^(expected|desired|intended|planned)\s+outcomes?\s*:?$/i;
const OUTCOME_LINE = /^(?:(\S{1,6})\s+)?((?:expected|desired|intended|planned)\s+outcomes?)\s*:?\s+(.+)$/is;
const PROGRESS_LABEL = /^(progress(\s+updates?)?|updates?|progress\s+to\s+date)\s*:?$/i;

export const isOutcomeLabel = (text: string): boolean => OUTCOME_LABEL.test(text.trim());
export const isProgressLabel = (text: string): boolean => PROGRESS_LABEL.test(text.trim());
/** A cell or paragraph that names a part of the plan's structure and holds none of its words. */
export const isLabelCell = (text: string): boolean => isOutcomeLabel(text) || isProgressLabel(text);

/** "8. Expected Outcome Increased participation …" written as one paragraph. */
export function outcomeLine(text: string): { ref: string | null; title: string } | null {
  const m = OUTCOME_LINE.exec(text.replace(/\s+/g, ' ').trim());
  if (!m) return null;
  return { ref: m[1] ? normaliseRef(m[1]).ref : null, title: (m[3] ?? '').trim() };
}

/** "1. Hold an Executive Awayday" → ref "1" and the rest; the number an action carries inside its own text. */
export function leadingNumber(text: string): { ref: string; rest: string } | null {
  const m = /^(\d{1,3}(?:\.\d{1,3})*)[.)]\s+(?=\S)/.exec(text);
  return m ? { ref: m[1] ?? '', rest: text.slice(m[0].length) } : null;
}
