import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Services } from '../services.ts';
import type { Actor } from '../auth/actor.ts';
import { actorOf } from '../web/sessions.ts';
import { uuidParam } from '../web/params.ts';
import { readForm } from '../web/multipart.ts';
import { singleError, textField, type FormErrors } from '../web/form-errors.ts';
import { SHEET_COLUMNS } from './sheet-columns.ts';
import type { RowProblem } from './sheet-check.ts';
import type { SheetFile, SheetPreview } from './update-sheet-service.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const columnKeys = SHEET_COLUMNS.map((c) => c.key) as [(typeof SHEET_COLUMNS)[number]['key'], ...(typeof SHEET_COLUMNS)[number]['key'][]];
const rowsSchema = z.array(z.object({ rowNumber: z.number().int().min(2), cells: z.partialRecord(z.enum(columnKeys), z.string().max(20_000)) })).max(10_000);

const sendSheet = (reply: FastifyReply, file: SheetFile) =>
  reply.header('content-type', XLSX_TYPE).header('content-disposition', `attachment; filename="${file.fileName}"`).header('x-content-type-options', 'nosniff').send(file.data);

interface PageState {
  preview?: Extract<SheetPreview, { ok: true }>;
  problems?: RowProblem[];
  errors?: FormErrors;
  flash?: string;
}

export function updateSheetRoutes(app: FastifyInstance, services: Services): void {
  const sheets = services.reminders.sheets;
  const render = async (reply: FastifyReply, actor: Actor, planId: string, state: PageState, status = 200) => {
    const page = await sheets.page(actor, planId);
    return reply.status(status).render('update-sheets/views/update-sheet.njk', {
      pageTitle: `Update sheet: ${page.plan.title}`,
      ...page,
      ...state,
      rowsJson: state.preview ? JSON.stringify(state.preview.rows) : '',
    });
  };

  app.get('/my-actions/sheet.xlsx', async (request, reply) => sendSheet(reply, await sheets.leadSheet(actorOf(request))));

  app.get('/plans/:planId/update-sheet.xlsx', async (request, reply) => sendSheet(reply, await sheets.planSheet(actorOf(request), uuidParam(request, 'planId'))));

  app.get('/plans/:planId/update-sheet', async (request, reply) => {
    const saved = Number((request.query as Record<string, unknown>).saved);
    const flash = Number.isInteger(saved) && saved > 0 ? `${saved} draft update${saved === 1 ? '' : 's'} saved. Check each one and submit it for review from My actions.` : undefined;
    return render(reply, actorOf(request), uuidParam(request, 'planId'), flash ? { flash } : {});
  });

  app.post('/plans/:planId/update-sheet', async (request, reply) => {
    const actor = actorOf(request);
    const planId = uuidParam(request, 'planId');
    const { files } = await readForm(request);
    const file = files.find((f) => f.field === 'sheet');
    if (!file) return render(reply, actor, planId, { errors: singleError('sheet', 'Choose the filled-in update sheet to upload') }, 400);
    const preview = await sheets.preview(actor, planId, { fileName: file.fileName, data: file.data });
    if (!preview.ok) return render(reply, actor, planId, { errors: singleError('sheet', preview.message) }, 400);
    return render(reply, actor, planId, { preview, problems: preview.check.problems }, preview.check.problems.length ? 400 : 200);
  });

  app.post('/plans/:planId/update-sheet/confirm', async (request, reply) => {
    const actor = actorOf(request);
    const planId = uuidParam(request, 'planId');
    let rows: unknown;
    try {
      rows = JSON.parse(textField(request.body as Record<string, unknown>, 'rows'));
    } catch {
      rows = null;
    }
    const parsed = rowsSchema.safeParse(rows);
    if (!parsed.success) return render(reply, actor, planId, { errors: singleError('sheet', 'The checked rows did not arrive intact. Upload the sheet again.') }, 400);
    const result = await sheets.confirm(actor, planId, parsed.data);
    if (result.saved === 0) {
      const problems = result.check.problems;
      const errors = problems.length ? undefined : singleError('sheet', 'There was nothing to save. Upload the sheet again.');
      return render(reply, actor, planId, { ...(problems.length ? { problems } : {}), ...(errors ? { errors } : {}) }, 400);
    }
    return reply.redirect(`/plans/${planId}/update-sheet?saved=${result.saved}`, 303);
  });
}
