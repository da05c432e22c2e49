import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Services } from '../services.ts';
import type { Actor } from '../auth/actor.ts';
import { actorOf } from '../web/sessions.ts';
import { uuidParam } from '../web/params.ts';
import type { FormErrors } from '../web/form-errors.ts';
import { flashOf, formErrorsOf } from '../measures/route-helpers.ts';
import { IMPLICATION_CATEGORIES, implicationFormValues, type ImplicationFormValues } from './implication-form.ts';
import type { Implication } from './implication-service.ts';

const valuesOf = (implications: Implication[]): ImplicationFormValues => {
  const found = (key: string) => implications.find((implication) => implication.category === key);
  const texts = Object.fromEntries(IMPLICATION_CATEGORIES.map(({ key }) => [key, found(key)?.text ?? ''])) as ImplicationFormValues['texts'];
  const amount = found('financial')?.amount;
  return { texts, financialAmount: amount === null || amount === undefined ? '' : String(amount), otherHeading: found('other')?.heading ?? '' };
};

/** The plan's wider implications: a page to read them and a form to change them. */
export function implicationRoutes(app: FastifyInstance, services: Services): void {
  const implications = services.measures.implications;

  const renderForm = async (reply: FastifyReply, actor: Actor, planId: string, values: ImplicationFormValues | null, errors?: FormErrors, status = 200) => {
    const page = await implications.page(actor, planId);
    return reply.status(status).render('implications/views/implications-form.njk', {
      pageTitle: 'Edit wider implications',
      plan: page.plan,
      categories: IMPLICATION_CATEGORIES,
      values: values ?? valuesOf(page.implications),
      errors,
      backLink: `/plans/${planId}/implications`,
    });
  };

  app.get('/plans/:planId/implications', async (request, reply) => {
    const page = await implications.page(actorOf(request), uuidParam(request, 'planId'));
    const missing = IMPLICATION_CATEGORIES.filter(({ key }) => !page.implications.some((implication) => implication.category === key));
    return reply.render('implications/views/implications.njk', { pageTitle: `Wider implications: ${page.plan.title}`, ...page, missing, flash: flashOf(request.query, { saved: 'Wider implications saved' }) });
  });

  app.get('/plans/:planId/implications/edit', async (request, reply) => renderForm(reply, actorOf(request), uuidParam(request, 'planId'), null));

  app.post('/plans/:planId/implications/edit', async (request, reply) => {
    const actor = actorOf(request);
    const planId = uuidParam(request, 'planId');
    const values = implicationFormValues(request.body as Record<string, unknown>);
    try {
      await implications.save(actor, planId, values);
      return reply.redirect(`/plans/${planId}/implications?saved=saved`, 303);
    } catch (error) {
      const { errors, status } = formErrorsOf(error, 'financial');
      return renderForm(reply, actor, planId, values, errors, status);
    }
  });
}
