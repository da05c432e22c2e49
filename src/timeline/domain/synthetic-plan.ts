import { addDays, addMonths, format, lastDayOfMonth } from 'date-fns';
import type { Relation } from '../../relations/domain/relation.ts';
import type { TimelineItem } from './timeline-model.ts';

const FY_START = new Date(2025, 3, 1);
const NO_DATES = { start: null, end: null, revisedEnd: null, complete: false, plannedMonths: [] };

export interface SyntheticPlan {
  title: string;
  period: { start: string; end: string };
  fyStartMonth: number;
  today: string;
  items: TimelineItem[];
  relations: Relation[];
}

/**
 * A made-up plan over 2025/26 (April–March) for benches and tests: priorities › outcomes › measures › actions
 * (4 levels), each action planned over one to three months, one action in ten with a revised date, and
 * `dependencyShare × actions` depends-on relations, each on an earlier action (so there is never a loop).
 * The same arguments always give the same plan.
 */
export function buildSyntheticPlan(actions: number, dependencyShare = 0.1): SyntheticPlan {
  const random = seeded(20251);
  const items: TimelineItem[] = [];
  const actionIds: string[] = [];
  const heading = (id: string, parentId: string | null, ref: string, kind: string): void => {
    const title = `${kind === 'section' ? 'Priority' : kind === 'outcome' ? 'Outcome' : 'Measure'} ${ref}`;
    items.push({ id, parentId, ref, title, kind, lead: null, ...NO_DATES });
  };
  for (let p = 1; actionIds.length < actions; p += 1) {
    heading(`p${p}`, null, `CP${p}`, 'section');
    for (let o = 1; o <= 3 && actionIds.length < actions; o += 1) {
      heading(`o${p}.${o}`, `p${p}`, `${p}.${o}`, 'outcome');
      for (let m = 1; m <= 3 && actionIds.length < actions; m += 1) {
        const measure = `${p}.${o}.${m}`;
        heading(`m${measure}`, `o${p}.${o}`, measure, 'measure');
        for (let a = 1; a <= 6 && actionIds.length < actions; a += 1) {
          const action = syntheticAction(`${measure}.${a}`, `m${measure}`, random);
          items.push(action);
          actionIds.push(action.id);
        }
      }
    }
  }
  const relations = syntheticRelations(actionIds, Math.round(actions * dependencyShare), random);
  const [title, period] = [`Synthetic plan of ${actions} actions`, { start: '2025-04-01', end: '2026-03-31' }];
  return { title, period, fyStartMonth: 4, today: '2025-10-15', items, relations };
}

function syntheticAction(ref: string, parentId: string, random: () => number): TimelineItem {
  const first = Math.floor(random() * 10);
  const months = Array.from({ length: 1 + Math.floor(random() * 3) }, (_, k) => addMonths(FY_START, first + k));
  const end = lastDayOfMonth(months.at(-1) as Date);
  const slipped = random() < 0.1;
  return {
    id: `a${ref}`,
    parentId,
    ref,
    title: `Action ${ref}: deliver & report <on time>`,
    kind: 'action',
    lead: ['PS', 'JG', 'HB', 'GR'][Math.floor(random() * 4)] ?? null,
    start: format(months[0] as Date, 'yyyy-MM-dd'),
    end: format(end, 'yyyy-MM-dd'),
    revisedEnd: slipped ? format(addDays(end, 15 + Math.floor(random() * 75)), 'yyyy-MM-dd') : null,
    complete: first < 2 && !slipped,
    plannedMonths: months.map((month) => format(month, 'yyyy-MM')),
  };
}

function syntheticRelations(actionIds: readonly string[], count: number, random: () => number): Relation[] {
  const relations: Relation[] = [];
  const seen = new Set<string>();
  for (let tries = 0; relations.length < count && tries < count * 20; tries += 1) {
    const dependent = 1 + Math.floor(random() * (actionIds.length - 1));
    const predecessor = Math.max(0, dependent - 1 - Math.floor(random() * 40));
    const [fromId, toId] = [actionIds[dependent], actionIds[predecessor]];
    if (fromId === undefined || toId === undefined || seen.has(`${fromId}>${toId}`)) continue;
    seen.add(`${fromId}>${toId}`);
    relations.push({ fromId, toId, type: 'depends_on', lagDays: random() < 0.2 ? 7 : 0 });
  }
  return relations;
}

/** mulberry32: a small, well-known seeded generator, so the plan is the same on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
