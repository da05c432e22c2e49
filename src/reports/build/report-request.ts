import type { ReportSectionId, ReportSections } from '../model/report-model.ts';
import type { ReportFilters } from './report-filters.ts';

/** What an officer asks for on the report builder: the plan(s), the moment, the audience, filters and parts. */
export interface ReportRequest {
  planId: string;
  /** Further plans of the organisation reported alongside the first. */
  otherPlanIds: string[];
  templateId: string | null;
  /** A reporting period: the report is as at its end (or today, while it is running). */
  periodId: string | null;
  /** yyyy-mm-dd; null with no period means today. */
  asAt: string | null;
  /** Empty: the template's usual audience. */
  audience: string;
  filters: ReportFilters;
  /** null: the template's sections (or every section without a template). */
  sections: ReportSections | null;
}

export const sectionIds: readonly ReportSectionId[] = ['cover', 'summary', 'exceptions', 'changes', 'fullTable', 'implications', 'measures', 'risks'];

export const sectionLabels: Readonly<Record<ReportSectionId, string>> = {
  cover: 'Cover and introduction',
  summary: 'Summary counts and chart',
  exceptions: 'Exceptions (red and amber, overdue, revised dates, corrective actions)',
  changes: 'Changes since the last issued pack',
  fullTable: 'The full table',
  implications: 'Wider implications (financial, legal, risk, equality, HR, climate)',
  measures: 'Appendix: measures',
  risks: 'Appendix: risks',
};

export const allSections: ReportSections = {
  cover: true, summary: true, exceptions: true, changes: true, fullTable: true, implications: true, measures: true, risks: true,
};

export const standardAudiences: readonly string[] = ['Cabinet', 'Scrutiny', 'Programme Board', 'Audit and Governance Committee'];

export function sectionsFromList(chosen: readonly string[]): ReportSections {
  const set = new Set(chosen);
  return Object.fromEntries(sectionIds.map((id) => [id, set.has(id)])) as unknown as ReportSections;
}

/** The chosen parts' ids; a part a stored template does not mention (added since) is not chosen. */
export const sectionsToList = (sections: Partial<ReportSections>) => sectionIds.filter((id) => sections[id] === true);
