import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestApp, signInAs, type Session, type TestApp } from '../../test/support/test-app.ts';
import { createItem, createPlan, createUser } from '../../test/factories/factories.ts';

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp();
});
afterAll(async () => test.close());

async function setting() {
  const db = test.database.db;
  const admin = await createUser(db, { roles: ['admin'] });
  const organisationId = admin.actor.organisationId;
  const lead = await createUser(db, { organisationId, roles: ['lead'], name: 'Lee Lead' });
  const other = await createUser(db, { organisationId, roles: ['lead'], name: 'Olga Other' });
  const plan = await createPlan(db, { organisationId, periodStart: '2025-04-01', title: 'Peer Challenge Plan' });
  const mine = await createItem(db, { planId: plan.id, ref: '1.1', title: 'Engage consultants', position: 1, targetText: '31/03/26', targetStart: '2026-03-31', targetEnd: '2026-03-31', leadPersonIds: [lead.person!.id] });
  const also = await createItem(db, { planId: plan.id, ref: '1.2', title: 'Public consultation', position: 2, leadPersonIds: [lead.person!.id] });
  const theirs = await createItem(db, { planId: plan.id, ref: '1.3', title: 'Trader survey', position: 3, leadPersonIds: [other.person!.id] });
  return { admin, lead, plan, mine, also, theirs, session: await signInAs(test, lead.user) };
}

async function workbookOf(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

function upload(session: Session, planId: string, data: Buffer, fileName = 'sheet.xlsx') {
  const boundary = '----waymark-test-boundary';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${session.csrf}\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="sheet"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return test.app.inject({ method: 'POST', url: `/plans/${planId}/update-sheet`, headers: { cookie: session.cookie, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body });
}

const hiddenRows = (html: string) => (html.match(/name="rows" value="([^"]*)"/)?.[1] ?? '').replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
const draftsOf = (planId: string) => test.database.db.selectFrom('updates').where('plan_id', '=', planId).where('state', '=', 'draft').selectAll().execute();

describe('bulk update sheets', () => {
  it('downloads the lead’s actions, previews the filled-in rows, and saves them all as drafts on confirmation', async () => {
    const { plan, mine, also, session } = await setting();
    const download = await session.get(`/plans/${plan.id}/update-sheet.xlsx`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toContain('spreadsheetml');
    const workbook = await workbookOf(download.rawPayload);
    const sheet = workbook.getWorksheet('Peer Challenge Plan')!;
    expect([2, 3, 4].map((r) => sheet.getCell(`A${r}`).value)).toEqual(['1.1', '1.2', null]);

    const mySheet = await workbookOf((await session.get('/my-actions/sheet.xlsx')).rawPayload);
    expect(mySheet.getWorksheet('Peer Challenge Plan')?.rowCount).toBe(3);

    sheet.getCell('E2').value = 'At risk';
    sheet.getCell('F2').value = 'Amber';
    sheet.getCell('G2').value = 'Worse';
    sheet.getCell('I2').value = '-5% on the budget; consultants appointed late';
    sheet.getCell('K2').value = '30/06/2026';
    sheet.getCell('L2').value = 'Procurement took longer';
    const preview = await upload(session, plan.id, Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('Draft updates to be saved (1)');
    expect(preview.body).toContain('1 row was left blank');
    expect(await draftsOf(plan.id)).toEqual([]);

    const confirm = await session.post(`/plans/${plan.id}/update-sheet/confirm`, { rows: hiddenRows(preview.body) });
    expect(confirm.statusCode).toBe(303);
    expect(confirm.headers.location).toBe(`/plans/${plan.id}/update-sheet?saved=1`);
    const [draft] = await draftsOf(plan.id);
    expect(draft).toMatchObject({ item_id: mine.id, status: 'At risk', rag_proposed: 'amber', direction: 'worse', narrative: '-5% on the budget; consultants appointed late', revised_target_text: '30/06/2026', revised_target_end: '2026-06-30', source: 'sheet' });
    expect((await session.get(`/plans/${plan.id}/update-sheet?saved=1`)).body).toContain('1 draft update saved');

    // A second upload replaces the draft rather than adding another.
    sheet.getCell('E2').value = 'On target';
    sheet.getCell('E3').value = 'Not started';
    const again = await upload(session, plan.id, Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(again.body).toContain('Replaces the saved draft');
    await session.post(`/plans/${plan.id}/update-sheet/confirm`, { rows: hiddenRows(again.body) });
    const drafts = await draftsOf(plan.id);
    expect(drafts.map((d) => [d.item_id, d.status]).sort()).toEqual([[mine.id, 'On target'], [also.id, 'Not started']].sort());
  });

  it('lists every wrong row — unknown ref, bad date, bad status and RAG, another lead’s action — and saves nothing', async () => {
    const { plan, session } = await setting();
    const workbook = await workbookOf((await session.get(`/plans/${plan.id}/update-sheet.xlsx`)).rawPayload);
    const sheet = workbook.getWorksheet('Peer Challenge Plan')!;
    sheet.getCell('E2').value = 'On target';
    sheet.getCell('K2').value = 'sometime soon';
    sheet.getCell('L2').value = 'Because';
    sheet.getCell('E3').value = 'Finished';
    sheet.getCell('F3').value = 'Purple';
    sheet.addRow(['9.9', '', '', '', 'On target']);
    sheet.addRow(['1.3', '', '', '', 'On target']);
    const response = await upload(session, plan.id, Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(response.statusCode).toBe(400);
    const text = response.body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain('The sheet has 5 problems: nothing has been saved');
    expect(text).toContain('2 1.1 Revised target date Enter the revised target date as a date Waymark can read');
    expect(text).toContain('3 1.2 Status “Finished” is not one of this plan’s statuses');
    expect(text).toContain('3 1.2 RAG “Purple” is not one of Red, Amber, Green or Blue');
    expect(text).toContain('4 9.9 Ref There is no action “9.9” in this plan');
    expect(text).toContain('5 1.3 Ref You cannot update this action: you can only update the actions you lead (Olga Other)');
    expect(response.body).not.toContain('name="rows"');
    expect(await draftsOf(plan.id)).toEqual([]);
  });

  it('says so when the upload is not an Excel workbook', async () => {
    const { plan, session } = await setting();
    const response = await upload(session, plan.id, Buffer.from('Ref,Status\n1.1,On target\n'), 'sheet.csv');
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('The file is not an Excel workbook (.xlsx)');
    expect(await draftsOf(plan.id)).toEqual([]);
  });
});
