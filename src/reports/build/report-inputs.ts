import { format } from 'date-fns';
import type { Meeting, Period, Plan, ReportTemplateRow } from '../../db/schema.ts';
import { InvalidFields } from '../../errors.ts';
import type { ReportLogo } from '../model/report-model.ts';
import { formatReportDate } from '../writers/report-dates.ts';

/** The first day a plan can be reported on: when it was created or when its period began, whichever is earlier. */
export function earliestReportDate(plan: Pick<Plan, 'created_at' | 'period_start'>): string {
  const created = format(plan.created_at, 'yyyy-MM-dd');
  return plan.period_start !== null && plan.period_start < created ? plan.period_start : created;
}

/**
 * The report's as-at day: a period's end (today while the period is running), else the date asked for, else
 * today. A day before the plan existed or after today is refused, naming the dates that can be used.
 */
export function resolveAsAt(plan: Pick<Plan, 'title' | 'created_at' | 'period_start'>, asked: string | null, period: Period | null, today: string): string {
  const day = period !== null ? (period.period_end < today ? period.period_end : today) : (asked ?? today);
  const earliest = earliestReportDate(plan);
  const path = period !== null ? 'period' : 'asAt';
  if (day < earliest) {
    throw new InvalidFields([{ path, message: `The date to report as at must be on or after ${formatReportDate(earliest)}, the earliest date “${plan.title}” can be reported on` }]);
  }
  if (day > today) throw new InvalidFields([{ path, message: 'The date to report as at must be today or in the past' }]);
  return day;
}

const maxLogo = { width: 240, height: 96 };

/** The template's logo for the report, drawn no larger than 240 × 96 CSS pixels, keeping its shape. */
export function templateLogo(template: ReportTemplateRow | null, organisationName: string): ReportLogo | null {
  if (!template?.logo || !template.logo_media_type || !template.logo_width || !template.logo_height) return null;
  const scale = Math.min(1, maxLogo.width / template.logo_width, maxLogo.height / template.logo_height);
  return {
    mediaType: template.logo_media_type,
    base64: template.logo.toString('base64'),
    alt: template.logo_alt?.trim() || `${organisationName} logo`,
    width: Math.max(1, Math.round(template.logo_width * scale)),
    height: Math.max(1, Math.round(template.logo_height * scale)),
  };
}

/** What the plan calls the items a report counts: its last level label ("Action" → action/actions). */
export function itemNounOf(levelLabels: readonly string[]): { singular: string; plural: string; heading: string } {
  const heading = levelLabels.at(-1)?.trim() || 'Action';
  const singular = heading.toLowerCase();
  const plural = /s$/.test(singular) ? singular : /[^aeiou]y$/.test(singular) ? `${singular.slice(0, -1)}ies` : `${singular}s`;
  return { singular, plural, heading };
}

/** "Date of meeting" for the front sheet: the period's meeting whose name mentions the audience. */
export function meetingFor(period: Period | null, audience: string): Meeting | null {
  const wanted = audience.toLowerCase();
  return period?.meetings.find((meeting) => meeting.name.toLowerCase().includes(wanted) || wanted.includes(meeting.name.toLowerCase())) ?? null;
}
