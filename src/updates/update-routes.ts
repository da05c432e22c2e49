import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Services } from '../services.ts';
import type { Actor } from '../auth/actor.ts';
import { actorOf } from '../web/sessions.ts';
import { uuidParam } from '../web/params.ts';
import { formErrorsFrom, formErrorsFromIssues, textField, type FormErrors } from '../web/form-errors.ts';
import { AppError, InvalidFields } from '../errors.ts';
import { readForm } from '../web/multipart.ts';
import { itemLabel } from '../plans/plan-tree.ts';
import { RAG_LABELS } from './domain/plan-rules.ts';
import { parseUpdateForm, reviewFormSchema, updateFormValues, type UpdateFormValues } from './update-form.ts';
import { updateFormOptions, updateRow, valuesFromUpdate } from './update-view-model.ts';

async function renderUpdateForm(reply: FastifyReply, services: Services, actor: Actor, planId: string, itemId: string, values: UpdateFormValues | null, errors?: FormErrors, status = 200) {
  const ctx = await services.updates.context(actor, planId, itemId);
  const draft = await services.updates.draftFor(actor, planId, itemId);
  const formValues = values ?? valuesFromUpdate(draft);
  const panel = await services.updatePanels.itemPanel(actor, ctx.plan, ctx.item);
  return reply.status(status).render('updates/views/update-form.njk', {
    pageTitle: `Update ${itemLabel(ctx.item, 60)}`,
    plan: ctx.plan,
    item: ctx.item,
    draft,
    values: formValues,
    errors,
    panel,
    ...updateFormOptions(formValues, ctx.rules),
    backLink: `/plans/${planId}/items/${itemId}`,
  });
}

export function updateRoutes(app: FastifyInstance, services: Services): void {
  app.get('/plans/:planId/items/:itemId/update', async (request, reply) => {
    const actor = actorOf(request);
    const planId = uuidParam(request, 'planId');
    const itemId = uuidParam(request, 'itemId');
    const ctx = await services.updates.context(actor, planId, itemId);
    if (!ctx.canUpdate) throw new AppError('forbidden', 'You can only post updates on the actions you lead. Ask the plan owner to make you a lead of this action.');
    return renderUpdateForm(reply, services, actor, planId, itemId, null);
  });

  app.post('/plans/:planId/items/:itemId/update', async (request, reply) => {
    const actor = actorOf(request);
    const planId = uuidParam(request, 'planId');
    const itemId = uuidParam(request, 'itemId');
    const { fields, files } = await readForm(request);
    const values = updateFormValues(fields);
    const parsed = parseUpdateForm(values);
    if (!parsed.ok) return renderUpdateForm(reply, services, actor, planId, itemId, values, formErrorsFromIssues(parsed.issues), 400);
    const draftId = textField(fields, 'draftId');
    try {
      await services.updates.saveUpdate(actor, planId, itemId, parsed.form, {
        ...(draftId ? { draftId, version: Number(textField(fields, 'version')) } : {}),
        files: files.filter((f) => f.field === 'evidence').map((f) => ({ fileName: f.fileName, data: f.data })),
      });
    } catch (error) {
      if (error instanceof InvalidFields) return renderUpdateForm(reply, services, actor, planId, itemId, values, formErrorsFromIssues(error.issues), 400);
      if (error instanceof AppError && (error.code === 'invalid_input' || error.code === 'conflict')) {
        return renderUpdateForm(reply, services, actor, planId, itemId, values, formErrorsFromIssues([{ path: error.where ?? 'narrative', message: error.message }]), error.status);
      }
      throw error;
    }
    const flash = parsed.form.intent === 'submit' ? 'submitted' : 'draft';
    return reply.redirect(`/plans/${planId}/items/${itemId}?saved=${flash}`, 303);
  });

  const renderUpdate = async (reply: FastifyReply, actor: Actor, updateId: string, errors?: FormErrors, values?: Record<string, string>, status = 200) => {
    const { update, plan, item, canReview } = await services.updates.getUpdate(actor, updateId);
    const chosen = values?.ragConfirmed ?? update.rag_proposed ?? '';
    return reply.status(status).render('updates/views/update.njk', {
      pageTitle: `Update on ${itemLabel(item, 60)}`,
      update: updateRow(update),
      raw: update,
      plan,
      item,
      canReview: canReview && update.state === 'submitted',
      ragItems: (['red', 'amber', 'green', 'blue'] as const).map((r) => ({ value: r, text: RAG_LABELS[r], checked: chosen === r })),
      values: values ?? {},
      errors,
      evidence: await services.updatePanels.evidenceOf(actor, update.id),
      backLink: `/plans/${plan.id}/items/${item.id}`,
    });
  };

  app.get('/updates/:updateId', async (request, reply) => renderUpdate(reply, actorOf(request), uuidParam(request, 'updateId')));

  app.post('/updates/:updateId/review', async (request, reply) => {
    const actor = actorOf(request);
    const updateId = uuidParam(request, 'updateId');
    const body = request.body as Record<string, unknown>;
    const values = { decision: textField(body, 'decision'), ragConfirmed: textField(body, 'ragConfirmed'), comment: textField(body, 'comment') };
    const parsed = reviewFormSchema.safeParse(values);
    if (!parsed.success) return renderUpdate(reply, actor, updateId, formErrorsFrom(parsed.error), values, 400);
    const reviewed = await services.updates.review(actor, updateId, parsed.data);
    return reply.redirect(`/plans/${reviewed.plan_id}/items/${reviewed.item_id}?saved=${parsed.data.decision === 'approve' ? 'approved' : 'returned'}`, 303);
  });

  app.get('/updates/:updateId/evidence/:fileId', async (request, reply) => {
    const actor = actorOf(request);
    const file = await services.updatePanels.evidenceFile(actor, uuidParam(request, 'updateId'), uuidParam(request, 'fileId'));
    return reply
      .header('content-type', file.content_type)
      .header('content-disposition', `attachment; filename="${file.file_name.replace(/[^\w.\- ]/g, '_')}"`)
      .header('x-content-type-options', 'nosniff')
      .send(file.data);
  });

  app.get('/reviews', async (request, reply) => {
    const actor = actorOf(request);
    const queue = await services.updatePanels.reviewQueue(actor);
    return reply.render('updates/views/reviews.njk', { pageTitle: 'Updates to review', queue });
  });

  app.get('/my-actions', async (request, reply) => {
    const actor = actorOf(request);
    const groups = await services.myActions.list(actor);
    return reply.render('updates/views/my-actions.njk', { pageTitle: 'My actions', ...groups });
  });

  app.get('/plans/:planId/slippage', async (request, reply) => {
    const actor = actorOf(request);
    const page = await services.updatePanels.slippage(actor, uuidParam(request, 'planId'));
    return reply.render('updates/views/slippage.njk', { pageTitle: `Slippage: ${page.plan.title}`, ...page });
  });
}
