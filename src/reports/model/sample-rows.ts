import { ragLabel } from './rag.ts';
import type { RagCode } from './rag.ts';
import type { ReportRow } from './report-model.ts';

/** Deterministic pseudo-random numbers (mulberry32), so sample reports are the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const sampleThemes = [
  'Community Leadership', 'Scrutiny', 'Organisational Culture', 'Financial Resilience', 'Customer Access', 'Governance',
];
const leads = [
  'Chief Executive', 'Head of Communications, Engagement and Cultural Services', 'Head of Legal and Democratic Services',
  'Director of Corporate Resources', 'Acting Head of HR, Payroll, FM and Estates', 'Head of Finance (S151 Officer)',
  'Customer Services Manager', 'Monitoring Officer',
];
const verbs = ['Review', 'Develop', 'Implement', 'Agree', 'Publish', 'Train staff on', 'Consult residents on', 'Audit'];
const subjects = [
  'the People Strategy', 'the council’s scheme of delegation', 'member role descriptions', 'the £200,000 contingency',
  'the complaints process', 'the medium term financial strategy', 'the risk register', 'the customer access strategy',
];
/** Dated targets in order (a revised date is always a later one), then targets with no fixed date. */
const datedTargets = ['July 2025', '30 September 2025', 'December 2025', 'Q4 2025/26', 'March 2026', '30 June 2026', 'December 2026'];
const targets = [...datedTargets, 'Ongoing', 'Quarterly'];
const narratives = [
  'Work in progress; the draft was considered by the Programme Board on 14 August 2025 – comments are being addressed.',
  'Consultation closed with 312 responses. Analysis shows support for the council’s proposals ↑ since Q1 → on track.',
  '- £20,000 forecast overspend; savings identified in the wider directorate budget.',
  'Recruitment to the post is under way. Interviews are planned for October and the project plan has been re-baselined '
  + 'to reflect the later start, with monthly reporting ■ to the Programme Board until the post is filled.',
  'Complete: the revised policy was approved by Cabinet and published on the website.',
];

interface StatusPick { status: string; rag: RagCode }
const statusPicks: StatusPick[] = [
  { status: 'Achieved', rag: 'blue' }, { status: 'On target', rag: 'green' }, { status: 'Not started', rag: 'none' },
  { status: 'Behind schedule', rag: 'amber' }, { status: 'At risk', rag: 'red' },
];
const statusWeights = [0.33, 0.37, 0.1, 0.12, 0.08];

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}

function pickStatus(random: () => number): StatusPick {
  let roll = random();
  for (const [index, weight] of statusWeights.entries()) {
    if (roll < weight) return statusPicks[index] as StatusPick;
    roll -= weight;
  }
  return statusPicks[1] as StatusPick;
}

function heading(itemId: string, ref: string, title: string, depth: number, theme: string): ReportRow {
  return {
    itemId, ref, title, kind: depth === 0 ? 'section' : 'outcome', depth, theme, leads: [], leadMember: null,
    target: '', revisedTarget: null, status: null, rag: 'none', direction: null, percentComplete: null,
    narrative: null, correctiveAction: null, cells: { ref, title, leads: '', target: '', status: '', rag: '', progress: '' },
  };
}

export function sampleAction(random: () => number, ref: string, theme: string): ReportRow {
  const { status, rag } = pickStatus(random);
  const target = pick(random, targets);
  const later = datedTargets.slice(datedTargets.indexOf(target) + 1);
  const revise = (rag === 'amber' || rag === 'red') && datedTargets.includes(target) && later.length > 0 && random() < 0.6;
  const revisedTarget = revise ? pick(random, later) : null;
  const rowLeads = random() < 0.2 ? [pick(random, leads), pick(random, leads)] : [pick(random, leads)];
  const narrative = rag === 'blue' ? narratives[4] as string : pick(random, narratives.slice(0, 4));
  const title = `${pick(random, verbs)} ${pick(random, subjects)}`;
  const targetCell = revisedTarget === null ? target : `${revisedTarget} (revised from ${target})`;
  return {
    itemId: `item-${ref}`, ref, title, kind: 'action', depth: 2, theme, leads: rowLeads,
    leadMember: 'Cllr J. Jones (Leader)', target, revisedTarget, status, rag,
    direction: rag === 'red' ? 'worse' : rag === 'amber' ? 'same' : 'improving',
    percentComplete: rag === 'blue' ? 100 : Math.floor(random() * 90),
    narrative, correctiveAction: rag === 'red' || rag === 'amber' ? 'Re-programme to next quarter; reported to the Programme Board.' : null,
    cells: { ref, title, leads: rowLeads.join('; '), target: targetCell, status, rag: ragLabel(rag), progress: narrative },
  };
}

/** Themes › areas for improvement › actions, refs "1", "1.2", "1.2.3", five actions to an area. */
export function sampleRows(actions: number, random: () => number): ReportRow[] {
  const rows: ReportRow[] = [];
  const areasPerTheme = Math.max(1, Math.ceil(actions / 5 / sampleThemes.length));
  let made = 0;
  for (const [t, theme] of sampleThemes.entries()) {
    if (made >= actions) break;
    rows.push(heading(`theme-${t + 1}`, `${t + 1}`, theme, 0, theme));
    for (let a = 1; a <= areasPerTheme && made < actions; a++) {
      const areaRef = `${t + 1}.${a}`;
      rows.push(heading(`area-${areaRef}`, areaRef, `Area for improvement ${areaRef}: ${pick(random, subjects)}`, 1, theme));
      for (let n = 1; n <= 5 && made < actions; n++, made++) rows.push(sampleAction(random, `${areaRef}.${n}`, theme));
    }
  }
  return rows;
}
