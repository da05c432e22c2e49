import { format, parseISO } from 'date-fns';

/** "2025-09-30" → "30 September 2025". */
export function formatReportDate(isoDate: string): string {
  return format(parseISO(isoDate), 'd MMMM yyyy');
}

const londonDateTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit',
});

/** An ISO instant as UK local time: "14 October 2025 at 10:30". */
export function formatGeneratedAt(isoDateTime: string): string {
  return londonDateTime.format(new Date(isoDateTime));
}

const counts = new Intl.NumberFormat('en-GB');

/** 2000 → "2,000". */
export function formatCount(count: number): string {
  return counts.format(count);
}
