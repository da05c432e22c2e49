import { dayNumber, ukDate } from './day-number.ts';
import type { KnockOn } from './knock-on.ts';

/**
 * Why the suggested RAG of a dependent is at risk, e.g.
 * "At risk from 1.2: its revised date 30/06/2015 is 45 days after this action's start".
 */
export function knockOnReason(knockOn: KnockOn): string {
  const finish = ukDate(knockOn.predecessorFinish);
  const gap = dayNumber(knockOn.predecessorFinish) + knockOn.lagDays - dayNumber(knockOn.comparedDate);
  const mine = knockOn.comparedWith === 'start' ? "this action's start" : "this action's target date";
  const lag = knockOn.lagDays === 0 ? '' : ` with a lag of ${days(knockOn.lagDays)}`;
  if (knockOn.finishKind === 'projected') {
    const via = knockOn.viaRefs.join(', ');
    const what = `${knockOn.predecessorRef} is now expected to finish ${finish}${lag}`;
    return `At risk from ${knockOn.sourceRef} via ${via}: ${what}, ${days(gap)} after ${mine}`;
  }
  const date = knockOn.finishKind === 'revised' ? 'revised date' : 'target date';
  return `At risk from ${knockOn.sourceRef}: its ${date} ${finish}${lag} is ${days(gap)} after ${mine}`;
}

function days(count: number): string {
  return `${count} ${Math.abs(count) === 1 ? 'day' : 'days'}`;
}
