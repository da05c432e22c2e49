import { asArray, textField, type FieldIssue } from '../../web/form-errors.ts';
import { datePartsFrom, parseDateParts, type DateParts } from '../../web/date-input.ts';
import { isUuid } from '../../web/params.ts';
import { ragCodeSchema } from '../model/rag.ts';
import { sectionIds, sectionsFromList, type ReportRequest } from './report-request.ts';

/** The report builder's fields as typed (kept when the form is shown again with errors). */
export interface ReportFormValues {
  plans: string[];
  template: string;
  period: string;
  asAt: DateParts;
  audience: string;
  audienceOther: string;
  theme: string;
  lead: string;
  rag: string;
  status: string;
  /** None ticked: the template's parts (every part without a template). */
  sections: string[];
}

export function reportFormValues(input: Record<string, unknown>): ReportFormValues {
  const text = (key: string, max = 200) => textField(input, key).trim().slice(0, max);
  return {
    plans: asArray(input.plans).filter(isUuid).slice(0, 20),
    template: text('template', 40),
    period: text('period', 40),
    asAt: datePartsFrom(input, 'asAt'),
    audience: text('audience', 100),
    audienceOther: text('audienceOther', 100),
    theme: text('theme', 500),
    lead: text('lead', 40),
    rag: text('rag', 10),
    status: text('status', 100),
    sections: asArray(input.sections).filter((id) => (sectionIds as readonly string[]).includes(id)),
  };
}

const optionalId = (value: string) => (isUuid(value) ? value : null);
const optionalText = (value: string) => (value === '' ? null : value);

/** The request the form describes, or what is wrong with it, field by field. */
export function parseReportForm(planId: string, values: ReportFormValues): { ok: true; request: ReportRequest } | { ok: false; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const asAt = parseDateParts(values.asAt, 'The date to report as at');
  if ('error' in asAt) issues.push({ path: 'asAt', message: asAt.error });
  const audience = values.audience === 'other' ? values.audienceOther : values.audience;
  if (values.audience === 'other' && audience === '') {
    issues.push({ path: 'audienceOther', message: 'Enter who the report is for, for example Employment Panel' });
  }
  const rag = values.rag === '' ? null : ragCodeSchema.safeParse(values.rag);
  if (rag !== null && !rag.success) issues.push({ path: 'rag', message: 'Select a RAG rating from the list' });
  if (issues.length > 0 || 'error' in asAt) return { ok: false, issues };
  return {
    ok: true,
    request: {
      planId,
      otherPlanIds: values.plans.filter((id) => id !== planId),
      templateId: optionalId(values.template),
      periodId: optionalId(values.period),
      asAt: asAt.iso,
      audience,
      filters: {
        theme: optionalText(values.theme),
        leadPersonId: optionalId(values.lead),
        rag: rag?.success ? rag.data : null,
        status: optionalText(values.status),
      },
      sections: values.sections.length > 0 ? sectionsFromList(values.sections) : null,
    },
  };
}

/** The query string that asks for the same report again (preview, downloads, the issue form's hidden fields). */
export function reportQueryPairs(values: ReportFormValues): [string, string][] {
  const pairs: [string, string][] = [
    ...values.plans.map((id): [string, string] => ['plans', id]),
    ['template', values.template], ['period', values.period],
    ['asAt-day', values.asAt.day], ['asAt-month', values.asAt.month], ['asAt-year', values.asAt.year],
    ['audience', values.audience], ['audienceOther', values.audienceOther],
    ['theme', values.theme], ['lead', values.lead], ['rag', values.rag], ['status', values.status],
    ...values.sections.map((id): [string, string] => ['sections', id]),
  ];
  return pairs.filter(([, value]) => value !== '');
}

export const reportQueryString = (values: ReportFormValues) => new URLSearchParams(reportQueryPairs(values)).toString();
