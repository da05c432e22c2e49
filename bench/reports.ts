import { createTestApp } from '../test/support/test-app.ts';
import { createUser } from '../test/factories/factories.ts';
import { insertBenchPlan } from './support/bench-plan.ts';
import { measure, printFigures, type Figure } from './support/measure.ts';
import { noFilters } from '../src/reports/build/report-filters.ts';
import type { ReportRequest } from '../src/reports/build/report-request.ts';
import { storePack } from '../src/reports/packs/pack-issue.ts';
import type { ReportFormat } from '../src/db/schema.ts';
import { format, subDays } from 'date-fns';
import { sql } from 'kysely';
import { loadavg } from 'node:os';

/**
 * Issue 6: a committee report of a 2,000-action plan in PGlite, built from the database (approved updates, revised
 * dates, the last issued pack to compare with) and written in each format. `npx tsx bench/reports.ts [runs]`.
 * The targets are for a download from the preview page, which reuses the model the preview built (see
 * src/reports/preview-models.ts); the model's own build time and a download that rebuilds it are shown beside them.
 */
const actions = Number(process.env.BENCH_ACTIONS ?? 2000);
const runs = Math.max(3, Number(process.argv[2] ?? 15));
const test = await createTestApp();
const db = test.database.db;
const { user, actor } = await createUser(db, { roles: ['admin'] });
const { plan, actionIds } = await insertBenchPlan(db, actor.organisationId, user.id, actions);
// A quarter's mix of ratings: 30% achieved, 45% on target, 15% amber, 7% red, 3% not started; a tenth change next quarter.
const ratingOf = (i: number, round: number) => {
  const bucket = (i * 37 + (i % 10 === 0 ? round * 50 : 0)) % 100;
  if (bucket < 30) return ['Achieved', 'blue'] as const;
  if (bucket < 75) return ['On target', 'green'] as const;
  if (bucket < 90) return ['At risk', 'amber'] as const;
  if (bucket < 97) return ['Off target', 'red'] as const;
  return ['Not started', null] as const;
};
const day = (date: Date) => format(date, 'yyyy-MM-dd');
const asAt = subDays(new Date(), 56);
const lastQuarter = subDays(asAt, 91);

async function approveAll(round: number, reviewedAt: Date) {
  const rows = actionIds.map((itemId, i) => {
    const [status, rag] = ratingOf(i, round);
    return {
      organisation_id: actor.organisationId, plan_id: plan.id, item_id: itemId, state: 'approved' as const, as_of: day(reviewedAt), status, rag_proposed: rag, rag_confirmed: rag,
      narrative: `Quarter ${round + 1}: the working group met and agreed the draft; consultation with partners and residents follows, reporting to the Programme Board.`,
      corrective_action: rag === 'red' || rag === 'amber' ? 'Re-programme to the next quarter; the Programme Board is monitoring.' : null,
      author_name: 'Bench lead', reviewer_name: 'Bench reviewer', submitted_at: reviewedAt, reviewed_at: reviewedAt, updated_at: reviewedAt,
    };
  });
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('updates').values(rows.slice(i, i + 500)).execute();
}

// Two thirds of the actions are due a year later, so a realistic share is overdue as at the report's date.
await sql`update items set target_start = target_start + 365, target_end = target_end + 365, target_text = replace(target_text, '/2026', '/2027')
  where plan_id = ${plan.id} and kind = 'action' and position % 3 <> 0`.execute(db);
await approveAll(0, subDays(lastQuarter, 10));
const request: ReportRequest = {
  planId: plan.id, otherPlanIds: [], templateId: null, periodId: null, asAt: day(asAt), audience: 'Cabinet', filters: noFilters, sections: null,
};
const previous = await test.services.reports.build(actor, { ...request, asAt: day(lastQuarter) });
await storePack(db, actor, previous, request, { title: 'Cabinet, last quarter', note: null });
await approveAll(1, subDays(asAt, 10));
await db.insertInto('date_revisions').values(actionIds.filter((_, i) => i % 10 === 3).map((itemId) => ({
  organisation_id: actor.organisationId, plan_id: plan.id, item_id: itemId, from_text: 'March 2026', to_text: 'September 2027', to_end: '2027-09-30',
  reason: 'Waiting for the restructure agreed by Cabinet', agreed_by_name: 'Programme Board', agreed_at: subDays(asAt, 15),
}))).execute();

const reports = test.services.reports;
const build = () => reports.build(actor, request);
const { model } = await build();
const { token } = await reports.preview(actor, request);
const formats: { format: ReportFormat; target: number }[] = [
  { format: 'pdf', target: 1000 }, { format: 'docx', target: 1000 }, { format: 'xlsx', target: 500 }, { format: 'csv', target: 100 }, { format: 'html', target: 200 },
];
const figures: Figure[] = [{ name: 'model from the database (preview)', ...(await measure(build, runs, 2)) }];
for (const { format, target } of formats) {
  figures.push({ name: `${format.toUpperCase()} download from the preview`, ...(await measure(() => reports.download(actor, request, format, {}, token), runs, 1)), target });
}
for (const { format } of formats) {
  figures.push({ name: `${format.toUpperCase()} download, model rebuilt`, ...(await measure(() => reports.download(actor, request, format), Math.ceil(runs / 2), 1)) });
}
printFigures(
  `Committee report, ${model.summary.total} actions, ${model.rows.length} rows, ${model.exceptions.revisedDates.length} revised dates, `
  + `${model.changes?.entries.length ?? 0} changes since the last pack (${test.database.kind}), ${runs} runs, load average ${loadavg()[0]?.toFixed(1)}`,
  figures,
);
await test.close();
