import { subDays, format } from 'date-fns';
import type { Meeting } from '../db/schema.ts';

/**
 * When approved updates are published. An update is published once BOTH it is approved AND the papers for the first
 * meeting its period feeds are out (the meeting date less the plan's days, calendar days), or when the plan owner
 * chose "publish now" after it was approved. Nothing is published before then. Days are UK days (Europe/London).
 */

const londonDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

const days = new Map<number, string>();

/** The day it is in the UK at a moment, yyyy-mm-dd. */
export function ukDate(at: Date): string {
  const time = at.getTime();
  const known = days.get(time);
  if (known) return known;
  const day = londonDay.format(at);
  if (days.size > 5000) days.clear();
  days.set(time, day);
  return day;
}

const londonOffset = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeZoneName: 'shortOffset' });
const midnights = new Map<string, Date>();

/** The moment a UK day starts (midnight in London, GMT or BST). */
export function ukMidnight(day: string): Date {
  const known = midnights.get(day);
  if (known) return known;
  const utc = new Date(`${day}T00:00:00Z`);
  const offsetName = londonOffset.formatToParts(utc).find((part) => part.type === 'timeZoneName')?.value;
  const hours = Number(/GMT([+-]\d+)/.exec(offsetName ?? '')?.[1] ?? 0);
  const midnight = new Date(utc.getTime() - hours * 3_600_000);
  if (midnights.size > 5000) midnights.clear();
  midnights.set(day, midnight);
  return midnight;
}

/** The day the papers go out for a period: its first meeting less `daysBefore` days; null without a meeting. */
export function papersDateOf(meetings: readonly Meeting[], daysBefore: number): string | null {
  const first = meetings
    .map((meeting) => meeting.date)
    .filter((date) => /^\d{4}-\d{2}-\d{2}$/.test(date))
    .sort()[0];
  return first ? format(subDays(new Date(`${first}T12:00:00Z`), daysBefore), 'yyyy-MM-dd') : null;
}

export interface PeriodWithMeetings {
  id: string;
  label: string;
  meetings: Meeting[];
}

/** The papers day of every period (null: no meeting yet, so only "publish now" can publish its updates). */
export function papersDates(periods: readonly PeriodWithMeetings[], daysBefore: number): Map<string, string | null> {
  return new Map(periods.map((period) => [period.id, papersDateOf(period.meetings, daysBefore)]));
}

/** Periods whose papers are out on `today`: their approved updates are published. */
export function publishedPeriodIds(papers: ReadonlyMap<string, string | null>, today: string): string[] {
  return [...papers].filter(([, date]) => date !== null && date <= today).map(([id]) => id);
}

export interface PublishableUpdate {
  period_id: string | null;
  reviewed_at: Date | string | null;
}

/**
 * The moment an approved update is (or was) published, or null while it is not. `releasedUpTo` is the plan's latest
 * "publish now" (ISO), `now` the moment of asking.
 */
export function publicationMoment(update: PublishableUpdate, papers: ReadonlyMap<string, string | null>, releasedUpTo: string | null, now: Date): Date | null {
  if (!update.reviewed_at) return null;
  const reviewed = new Date(update.reviewed_at);
  const candidates: Date[] = [];
  const papersDay = update.period_id ? papers.get(update.period_id) : null;
  if (papersDay && papersDay <= ukDate(now)) {
    const out = ukMidnight(papersDay);
    candidates.push(out > reviewed ? out : reviewed);
  }
  if (releasedUpTo && reviewed.getTime() <= Date.parse(releasedUpTo)) candidates.push(new Date(releasedUpTo));
  const earliest = candidates.sort((a, b) => a.getTime() - b.getTime())[0];
  return earliest && earliest.getTime() <= now.getTime() ? earliest : null;
}

/** The UK day an update was published on, or null while it is not published. */
export function publicationDay(update: PublishableUpdate, papers: ReadonlyMap<string, string | null>, releasedUpTo: string | null, now: Date): string | null {
  const moment = publicationMoment(update, papers, releasedUpTo, now);
  return moment ? ukDate(moment) : null;
}
