import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../services.ts';
import type { Actor } from '../auth/actor.ts';
import { actorOf } from '../web/sessions.ts';
import { uuidParam } from '../web/params.ts';
import { formErrorsFromIssues, textField, type FormErrors } from '../web/form-errors.ts';
import { AppError } from '../errors.ts';
import { canEditPlan } from '../auth/permissions.ts';
import type { Item, Plan } from '../db/schema.ts';
import { itemFormValues, parseItemForm, type ItemFormValues } from './item-form.ts';
import { itemFormOptions } from './item-form-options.ts';
import { kindText, relationRows, targetMeaning } from './item-page-view-model.ts';
import { ancestorsOf, buildTree, itemLabel } from '../plans/plan-tree.ts';
import { historyEntries } from '../audit/history-view-model.ts';

const SAVED_MESSAGES: Record<string, string> = {
  draft: 'Your draft update has been saved. It has not been sent for review.',
  submitted: 'Your update has been submitted for review.',
  approved: 'The update has been approved.',
  returned: 'The update has been returned to the lead.',
};

interface FormContext {
  plan: Plan;
  item?: Item;
  values: ItemFormValues;
  errors?: FormErrors;
  status?: number;
}

async function renderItemForm(reply: FastifyReply, services: Services, actor: Actor, context: FormContext) {
  const options = await services.itemFormData.load(actor, context.plan.id);
  return reply.status(context.status ?? 200).render('items/views/item-form.njk', {
    pageTitle: context.item ? `Edit ${itemLabel(context.item, 60)}` : 'Add an item',
    backLink: context.item ? `/plans/${context.plan.id}/items/${context.item.id}` : `/plans/${context.plan.id}`,
    ...itemFormOptions(context.values, { ...options, ...(context.item ? { excludeSubtreeOf: context.item.id } : {}) }),
    ...context,
  });
}

const valuesOf = (item: Item, people: { role: string; personId: string }[]): ItemFormValues => ({
  kind: item.kind,
  ref: item.ref ?? '',
  title: item.title,
  detail: item.detail ?? '',
  priority: item.priority ?? '',
  corporatePriorities: item.corporate_priorities,
  targetText: item.target_text ?? '',
  resources: item.resources ?? '',
  leads: people.filter((p) => p.role === 'lead').map((p) => p.personId),
  leadMember: people.find((p) => p.role === 'lead_member')?.personId ?? '',
  parentId: item.parent_id ?? '',
});

/** A conflict or a bad choice from the service re-renders the form with the typed values kept. */
async function formFailure(error: unknown, render: (errors: FormErrors, status: number) => Promise<FastifyReply>) {
  if (error instanceof AppError && (error.code === 'conflict' || error.code === 'invalid_input')) {
    return render(formErrorsFromIssues([{ path: error.where ?? 'title', message: error.message }]), error.status);
  }
  throw error;
}

const ids = (request: FastifyRequest) => ({ planId: uuidParam(request, 'planId'), itemId: uuidParam(request, 'itemId') });

export function itemRoutes(app: FastifyInstance, services: Services): void {
  app.get('/plans/:planId/items/new', async (request, reply) => {
    const actor = actorOf(request);
    const plan = await services.plans.getPlan(actor, uuidParam(request, 'planId'));
    const parent = textField(request.query as Record<string, unknown>, 'parent');
    const values = itemFormValues({ kind: parent ? 'action' : 'section', parentId: parent });
    return renderItemForm(reply, services, actor, { plan, values });
  });

  app.post('/plans/:planId/items/new', async (request, reply) => {
    const actor = actorOf(request);
    const plan = await services.plans.getPlan(actor, uuidParam(request, 'planId'));
    const values = itemFormValues(request.body as Record<string, unknown>);
    const render = (errors: FormErrors, status: number) => renderItemForm(reply, services, actor, { plan, values, errors, status });
    const parsed = parseItemForm(values);
    if (!parsed.ok) return render(formErrorsFromIssues(parsed.issues), 400);
    try {
      const item = await services.items.createItem(actor, plan.id, parsed.form);
      return reply.redirect(`/plans/${plan.id}/items/${item.id}`, 303);
    } catch (error) {
      return formFailure(error, render);
    }
  });

  app.get('/plans/:planId/items/:itemId', async (request, reply) => {
    const actor = actorOf(request);
    const { planId, itemId } = ids(request);
    const page = await services.items.getItemPage(actor, planId, itemId);
    const ancestors = ancestorsOf(page.all, itemId);
    const children = buildTree(page.all.filter((i) => i.parent_id === itemId));
    const extra = await services.itemExtras.load(actor, page.plan, page.item);
    const saved = textField(request.query as Record<string, unknown>, 'saved');
    return reply.render('items/views/item.njk', {
      ...page,
      ...extra,
      savedMessage: SAVED_MESSAGES[saved] ?? null,
      pageTitle: itemLabel(page.item, 60),
      canEdit: canEditPlan(actor, page.plan),
      kindLabel: kindText(page.item.kind),
      targetMeaning: targetMeaning(page.item),
      leads: page.people.filter((p) => p.role === 'lead'),
      leadMembers: page.people.filter((p) => p.role === 'lead_member'),
      customValues: Object.entries(page.item.custom_values),
      relationRows: relationRows(itemId, page.relations),
      children: children.map((c) => ({ ...c.item, kindLabel: kindText(c.item.kind) })),
      history: historyEntries(page.history),
      breadcrumbs: [
        { text: 'Plans', href: '/plans' },
        { text: page.plan.title, href: `/plans/${planId}` },
        ...ancestors.map((a) => ({ text: itemLabel(a, 40), href: `/plans/${planId}/items/${a.id}` })),
      ],
    });
  });

  app.get('/plans/:planId/items/:itemId/edit', async (request, reply) => {
    const actor = actorOf(request);
    const { planId, itemId } = ids(request);
    const page = await services.items.getItemPage(actor, planId, itemId);
    return renderItemForm(reply, services, actor, { plan: page.plan, item: page.item, values: valuesOf(page.item, page.people) });
  });

  app.post('/plans/:planId/items/:itemId/edit', async (request, reply) => {
    const actor = actorOf(request);
    const { planId, itemId } = ids(request);
    const plan = await services.plans.getPlan(actor, planId);
    const item = await services.items.getItem(actor, planId, itemId);
    const body = request.body as Record<string, unknown>;
    const values = { ...itemFormValues(body), parentId: item.parent_id ?? '' };
    const render = (errors: FormErrors, status: number) => renderItemForm(reply, services, actor, { plan, item, values, errors, status });
    const parsed = parseItemForm(values);
    if (!parsed.ok) return render(formErrorsFromIssues(parsed.issues), 400);
    try {
      await services.items.updateItem(actor, planId, itemId, Number(body.version), parsed.form);
      return reply.redirect(`/plans/${planId}/items/${itemId}`, 303);
    } catch (error) {
      return formFailure(error, render);
    }
  });

  app.get('/plans/:planId/items/:itemId/move', async (request, reply) => {
    const actor = actorOf(request);
    const { planId, itemId } = ids(request);
    const page = await services.items.getItemPage(actor, planId, itemId);
    return renderMove(reply, services, actor, page.plan, page.item, { parentId: page.item.parent_id ?? '', position: String(page.item.position + 1) });
  });

  app.post('/plans/:planId/items/:itemId/move', async (request, reply) => {
    const actor = actorOf(request);
    const { planId, itemId } = ids(request);
    const plan = await services.plans.getPlan(actor, planId);
    const item = await services.items.getItem(actor, planId, itemId);
    const body = request.body as Record<string, unknown>;
    const values = { parentId: textField(body, 'parentId'), position: textField(body, 'position') };
    const position = Number(values.position);
    if (!/^\d{1,5}$/.test(values.position.trim()) || position < 1) {
      const errors = formErrorsFromIssues([{ path: 'position', message: 'Position must be a whole number, 1 or more' }]);
      return renderMove(reply, services, actor, plan, item, values, errors, 400);
    }
    try {
      await services.items.moveItem(actor, planId, itemId, values.parentId || null, position - 1);
      return reply.redirect(`/plans/${planId}/items/${itemId}`, 303);
    } catch (error) {
      return formFailure(error, (errors, status) => renderMove(reply, services, actor, plan, item, values, errors, status));
    }
  });

  app.get('/plans/:planId/items/:itemId/delete', async (request, reply) => {
    const actor = actorOf(request);
    const { planId, itemId } = ids(request);
    const page = await services.items.getItemPage(actor, planId, itemId);
    const beneath = page.all.filter((i) => ancestorsOf(page.all, i.id).some((a) => a.id === itemId)).length;
    return reply.render('items/views/item-delete.njk', { pageTitle: `Delete ${itemLabel(page.item, 60)}`, ...page, beneath, backLink: `/plans/${planId}/items/${itemId}` });
  });

  app.post('/plans/:planId/items/:itemId/delete', async (request, reply) => {
    const actor = actorOf(request);
    const { planId, itemId } = ids(request);
    await services.items.deleteItem(actor, planId, itemId);
    return reply.redirect(`/plans/${planId}`, 303);
  });
}

async function renderMove(
  reply: FastifyReply,
  services: Services,
  actor: Actor,
  plan: Plan,
  item: Item,
  values: { parentId: string; position: string },
  errors?: FormErrors,
  status = 200,
) {
  const options = await services.itemFormData.load(actor, plan.id);
  const formValues = itemFormValues({ parentId: values.parentId });
  return reply.status(status).render('items/views/item-move.njk', {
    pageTitle: `Move ${itemLabel(item, 60)}`,
    plan,
    item,
    values,
    errors,
    parentItems: itemFormOptions(formValues, { ...options, excludeSubtreeOf: item.id }).parentItems,
    backLink: `/plans/${plan.id}/items/${item.id}`,
  });
}
