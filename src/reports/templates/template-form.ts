import { z } from 'zod';
import type { ReportTemplateRow } from '../../db/schema.ts';
import { asArray, issuesOf, textareaLines, textField, type FieldIssue } from '../../web/form-errors.ts';
import { defaultColumnNames } from '../build/report-columns.ts';
import { allSections, sectionIds, sectionsFromList, sectionsToList } from '../build/report-request.ts';
import type { ReportSections } from '../model/report-model.ts';

/** The template form as typed. */
export interface TemplateFormValues {
  name: string;
  title: string;
  introduction: string;
  columns: string;
  sections: string[];
  defaultAudience: string;
  logoAlt: string;
  removeLogo: boolean;
  version: string;
}

export const emptyTemplateValues = (): TemplateFormValues => ({
  name: '', title: 'Improvement plan: progress report', introduction: 'This report sets out progress on {plan} as at {date}.',
  columns: defaultColumnNames.join('\n'), sections: sectionsToList(allSections), defaultAudience: '', logoAlt: '', removeLogo: false, version: '0',
});

export const templateValuesOf = (row: ReportTemplateRow): TemplateFormValues => ({
  name: row.name, title: row.title, introduction: row.introduction, columns: row.columns.join('\n'), sections: sectionsToList(row.sections),
  defaultAudience: row.default_audience ?? '', logoAlt: row.logo_alt ?? '', removeLogo: false, version: String(row.version),
});

export function templateFormValues(body: Record<string, unknown>): TemplateFormValues {
  return {
    name: textField(body, 'name'), title: textField(body, 'title'), introduction: textField(body, 'introduction'),
    columns: textField(body, 'columns'), sections: asArray(body.sections).filter((id) => (sectionIds as readonly string[]).includes(id)),
    defaultAudience: textField(body, 'defaultAudience'), logoAlt: textField(body, 'logoAlt'), removeLogo: body.removeLogo === 'yes',
    version: textField(body, 'version'),
  };
}

const schema = z.object({
  name: z.string().trim().min(1, 'Enter a name for the template, for example Quarterly Cabinet report').max(100, 'The name must be 100 characters or fewer'),
  title: z.string().trim().min(1, 'Enter the title the report is printed with').max(200, 'The title must be 200 characters or fewer'),
  introduction: z.string().trim().max(5000, 'The introduction must be 5,000 characters or fewer'),
  columns: z
    .string()
    .transform(textareaLines)
    .pipe(z.array(z.string().max(100, 'Each column name must be 100 characters or fewer')).min(1, 'Enter at least one column, one to a line').max(30, 'A report can have up to 30 columns')),
  defaultAudience: z.string().trim().max(100, 'The audience must be 100 characters or fewer'),
  logoAlt: z.string().trim().max(200, 'The logo’s description must be 200 characters or fewer'),
});

export interface TemplateForm {
  name: string;
  title: string;
  introduction: string;
  columns: string[];
  sections: ReportSections;
  defaultAudience: string | null;
  logoAlt: string | null;
  removeLogo: boolean;
}

export function parseTemplateForm(values: TemplateFormValues): { ok: true; form: TemplateForm } | { ok: false; issues: FieldIssue[] } {
  const parsed = schema.safeParse(values);
  if (!parsed.success) return { ok: false, issues: issuesOf(parsed.error).map((issue) => ({ ...issue, path: issue.path.split('.')[0] ?? '' })) };
  const sections = sectionsFromList(values.sections);
  if (!sectionIds.some((id) => sections[id])) return { ok: false, issues: [{ path: 'sections', message: 'Select at least one part of the report' }] };
  const { defaultAudience, logoAlt, ...rest } = parsed.data;
  return { ok: true, form: { ...rest, sections, defaultAudience: defaultAudience || null, logoAlt: logoAlt || null, removeLogo: values.removeLogo } };
}
