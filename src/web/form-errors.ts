import type { z } from 'zod';

export interface FormErrors {
  /** For govukErrorSummary: each message links to its field. */
  summary: { text: string; href: string }[];
  /** For each field macro's errorMessage, keyed by field id. */
  fields: Record<string, { text: string }>;
}

export interface FieldIssue {
  path: string;
  message: string;
}

/** GOV.UK error summary entries from field issues; the first message per field wins. */
export function formErrorsFromIssues(issues: FieldIssue[]): FormErrors {
  const result: FormErrors = { summary: [], fields: {} };
  for (const { path, message } of issues) {
    const id = path || 'form';
    if (result.fields[id]) continue;
    result.fields[id] = { text: message };
    result.summary.push({ text: message, href: `#${id}` });
  }
  return result;
}

export const issuesOf = (error: z.ZodError): FieldIssue[] =>
  error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));

export const formErrorsFrom = (error: z.ZodError) => formErrorsFromIssues(issuesOf(error));

export const singleError = (field: string, text: string) => formErrorsFromIssues([{ path: field, message: text }]);

/** Form bodies arrive as `string | string[]`; checkboxes need an array either way. */
export function asArray(value: unknown): string[] {
  if (value === undefined || value === null || value === '') return [];
  return (Array.isArray(value) ? value : [value]).map(String).filter((v) => v !== '');
}

/** A textarea's lines, one entry each: trimmed, blank lines dropped. */
export const textareaLines = (text: string): string[] => text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');

export const textField = (body: Record<string, unknown>, key: string): string =>
  typeof body[key] === 'string' ? (body[key]) : '';
