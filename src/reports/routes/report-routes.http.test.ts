import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAs, type Session, type TestApp } from '../../../test/support/test-app.ts';
import { createUser } from '../../../test/factories/factories.ts';
import { importSeed004 } from '../reports.test-support.ts';

let test: TestApp;
let admin: Session;
let planId: string;
beforeAll(async () => {
  test = await createTestApp();
  const { user, actor } = await createUser(test.database.db, { roles: ['admin'] });
  admin = await signInAs(test, user);
  planId = await importSeed004(test.services, actor);
});
afterAll(async () => test.close());

/** Issues a pack through the form and waits for the progress page to hand over to the pack's page. */
async function issue(session: Session, form: Record<string, string>): Promise<string> {
  const posted = await session.post(`/plans/${planId}/reports/issue`, form);
  expect(posted.statusCode, posted.body).toBe(303);
  const progress = posted.headers.location as string;
  await test.services.reports.jobs.idle();
  const done = await session.get(progress);
  expect(done.statusCode).toBe(303);
  return done.headers.location as string;
}

describe('the report builder', () => {
  it('shows the form with the plan’s themes, periods and audiences', async () => {
    const page = await admin.get(`/plans/${planId}/reports`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Build a report');
    expect(page.body).toContain('<option value="Community Leadership">Community Leadership</option>');
    expect(page.body).toContain('Audit and Governance Committee');
    expect(page.body).toContain('aria-current="page">Reports</a>');
  });

  it('previews the report with its stylesheet and download links named after the plan, audience and date', async () => {
    const page = await admin.get(`/plans/${planId}/reports/preview?audience=Scrutiny&sections=summary&sections=exceptions`);
    expect(page.statusCode, page.body).toBe(200);
    expect(page.body).toContain('<link rel="stylesheet" href="/reports/report.css">');
    expect(page.body).toContain('27 actions as at');
    expect(page.body).toMatch(/-scrutiny-\d{4}-\d{2}-\d{2}\.docx/);
    expect(page.body).not.toContain('Progress in full');
    const link = /href="(\/plans\/[^"]+\/reports\/download\/csv\?[^"]+)"/.exec(page.body)?.[1]?.replace(/&amp;/g, '&') ?? '';
    expect(link).toMatch(/&preview=[\w-]+$/);
    const previewed = await admin.get(link);
    expect(previewed.statusCode).toBe(200);
    expect(previewed.headers['content-disposition']).toMatch(/-scrutiny-\d{4}-\d{2}-\d{2}\.csv"/);
    const css = await admin.get('/reports/report.css');
    expect(css.headers['content-type']).toContain('text/css');
    expect(css.body).toContain('@page { size: A4 landscape;');
  });

  it('downloads each format with its name in Content-Disposition', async () => {
    for (const [format, type] of [['docx', 'wordprocessingml'], ['pdf', 'application/pdf'], ['xlsx', 'spreadsheetml'], ['csv', 'text/csv'], ['html', 'text/html']]) {
      const file = await admin.get(`/plans/${planId}/reports/download/${format}?audience=other&audienceOther=Employment%20Panel`);
      expect(file.statusCode, format).toBe(200);
      expect(file.headers['content-type']).toContain(type);
      expect(file.headers['content-disposition']).toMatch(new RegExp(`^attachment; filename="004-7622686e2fdd218b-employment-panel-\\d{4}-\\d{2}-\\d{2}\\.${format}"`));
    }
  });

  it('gives no file for bad input: the form again with a message', async () => {
    const early = await admin.get(`/plans/${planId}/reports/download/docx?audience=Cabinet&asAt-day=30&asAt-month=9&asAt-year=2013`);
    expect(early.statusCode).toBe(400);
    expect(early.headers['content-disposition']).toBeUndefined();
    expect(early.body).toContain('The date to report as at must be on or after');
    const empty = await admin.get(`/plans/${planId}/reports/download/pdf?audience=Cabinet&theme=Scrutiny&status=Not%20started`);
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('No actions match the filters you chose');
    const noAudience = await admin.get(`/plans/${planId}/reports/preview`);
    expect(noAudience.statusCode).toBe(400);
    expect(noAudience.body).toContain('Select who the report is for');
  });
});

describe('issued packs', () => {
  it('issues a pack, lists it, downloads its files, and compares it with a later one', async () => {
    const first = await issue(admin, { audience: 'Cabinet', packTitle: 'Cabinet, October 2013' });
    expect(first).toMatch(new RegExp(`^/plans/${planId}/reports/packs/[0-9a-f-]{36}\\?issued=1$`));
    const page = await admin.get(first);
    expect(page.body).toContain('The pack has been issued.');
    expect(page.body).toContain('27 actions as at');
    const packPath = first.split('?')[0] ?? '';
    const csv = await admin.get(`${packPath}/files/csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toMatch(/-cabinet-\d{4}-\d{2}-\d{2}\.csv"/);

    const db = test.database.db;
    const item = await db.selectFrom('items').where('plan_id', '=', planId).where('ref', '=', '26').select(['id', 'organisation_id']).executeTakeFirstOrThrow();
    const now = new Date();
    await db.insertInto('updates').values({
      organisation_id: item.organisation_id, plan_id: planId, item_id: item.id, state: 'approved', as_of: '2013-10-31', status: 'On target',
      rag_proposed: 'green', rag_confirmed: 'green', narrative: 'Open day booked for November.', author_name: 'Lead', reviewer_name: 'Reviewer',
      submitted_at: now, reviewed_at: now, updated_at: now,
    }).execute();
    const second = await issue(admin, { audience: 'Cabinet', packTitle: 'Cabinet, November 2013' });
    const list = await admin.get(`/plans/${planId}/reports/packs`);
    expect(list.body).toContain('Cabinet, October 2013');
    expect(list.body).toContain('Cabinet, November 2013');
    const secondHtml = await admin.get(`${second.split('?')[0] ?? ''}/files/html`);
    expect(secondHtml.body).toContain('Changes since Cabinet, October 2013');
    const from = packPath.split('/').at(-1) ?? '';
    const to = second.split('?')[0]?.split('/').at(-1) ?? '';
    const comparison = await admin.get(`/plans/${planId}/reports/compare?from=${from}&to=${to}`);
    expect(comparison.statusCode).toBe(200);
    expect(comparison.body).toContain('What changed from Cabinet, October 2013 to Cabinet, November 2013');
    expect(comparison.body).toMatch(/<td class="govuk-table__cell">26<\/td><td class="govuk-table__cell">Hold an Open Day[^<]*<\/td><td class="govuk-table__cell">Not started<\/td><td class="govuk-table__cell">On target<\/td>/);
  });
});
