import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Services } from '../services.ts';
import type { Actor } from '../auth/actor.ts';
import { actorOf } from '../web/sessions.ts';
import { isUuid, uuidParam } from '../web/params.ts';
import { readForm } from '../web/multipart.ts';
import { singleError, textField, type FormErrors } from '../web/form-errors.ts';
import { AppError, FileTooLarge } from '../errors.ts';
import { importPreview, PREVIEW_ROWS, ROLE_LABELS } from './import-preview-view-model.ts';

async function renderUpload(reply: FastifyReply, services: Services, actor: Actor, planId: string | null, errors?: FormErrors, status = 200) {
  const plan = planId ? await services.plans.getPlan(actor, planId) : null;
  return reply.status(status).render('imports/views/upload.njk', { pageTitle: plan ? `Import into ${plan.title}` : 'Import a plan', plan, errors, backLink: plan ? `/plans/${plan.id}` : '/plans' });
}

export function importRoutes(app: FastifyInstance, services: Services): void {
  const service = services.imports;

  app.get('/imports/new', async (request, reply) => {
    const planId = textField(request.query as Record<string, unknown>, 'plan');
    return renderUpload(reply, services, actorOf(request), isUuid(planId) ? planId : null);
  });

  app.post('/imports', async (request, reply) => {
    const actor = actorOf(request);
    const form = await readForm(request).catch((error: unknown) => {
      if (error instanceof FileTooLarge) return error;
      throw error;
    });
    if (form instanceof FileTooLarge) {
      const planId = isUuid(form.fields.planId) ? form.fields.planId : null;
      return renderUpload(reply, services, actor, planId, singleError('file', form.message), form.status);
    }
    const { fields, files } = form;
    const planId = isUuid(fields.planId) ? fields.planId : null;
    const file = files.find((f) => f.field === 'file');
    if (!file) return renderUpload(reply, services, actor, planId, singleError('file', 'Select the file your plan is in'), 400);
    try {
      const id = await service.upload(actor, file.fileName, file.data, planId);
      return reply.redirect(`/imports/${id}`, 303);
    } catch (error) {
      if (error instanceof AppError && error.code === 'import_failed') {
        return renderUpload(reply, services, actor, planId, singleError('file', error.where ? `${error.message} (${error.where})` : error.message), 422);
      }
      throw error;
    }
  });

  app.get('/imports/:importId', async (request, reply) => {
    const actor = actorOf(request);
    const { session, document, mappingUsed, plan } = await service.preview(actor, uuidParam(request, 'importId'));
    return reply.render('imports/views/preview.njk', {
      pageTitle: `Check the import of ${session.file_name}`,
      importId: session.id,
      fileName: session.file_name,
      plan,
      title: session.options.title ?? document.plan.plan.title,
      levelLabels: session.options.levelLabels ?? [],
      narrative: document.plan.plan.narrative,
      warnings: document.plan.warnings,
      mappingUsed,
      // The first PREVIEW_ROWS items by default; ?rows=all lists every one (a 5,000-action workbook is a long page).
      ...importPreview(document.plan, document.columns, (request.query as { rows?: unknown }).rows === 'all' ? Infinity : PREVIEW_ROWS),
    });
  });

  app.post('/imports/:importId/choices', async (request, reply) => {
    const actor = actorOf(request);
    const id = uuidParam(request, 'importId');
    const body = request.body as Record<string, unknown>;
    const columnRoles: Record<string, string> = {};
    for (const [key, value] of Object.entries(body)) {
      if (key.startsWith('role:') && typeof value === 'string' && value in ROLE_LABELS) columnRoles[key.slice(5)] = value;
    }
    const levelLabels = textField(body, 'levelLabels').split(/\r?\n|›|>/).map((l) => l.trim().slice(0, 50)).filter(Boolean).slice(0, 6);
    const title = textField(body, 'title').trim().slice(0, 200);
    await service.choose(actor, id, { ...(title ? { title } : {}), columnRoles, levelLabels });
    return reply.redirect(`/imports/${id}#columns`, 303);
  });

  app.post('/imports/:importId/confirm', async (request, reply) => {
    const actor = actorOf(request);
    const result = await service.confirm(actor, uuidParam(request, 'importId'));
    return reply.redirect(`/plans/${result.planId}?imported=${result.created + result.updated}`, 303);
  });

  app.post('/imports/:importId/cancel', async (request, reply) => {
    const actor = actorOf(request);
    await service.cancel(actor, uuidParam(request, 'importId'));
    return reply.redirect('/plans', 303);
  });

  app.get('/imports/demo', async (request, reply) => {
    actorOf(request);
    return reply.render('imports/views/demo.njk', { pageTitle: 'Load the demonstration plans', backLink: '/plans' });
  });

  app.post('/imports/demo', async (request, reply) => {
    const results = await service.importDemo(actorOf(request));
    return reply.redirect(`/plans?demo=${results.length}`, 303);
  });
}
