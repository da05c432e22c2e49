import type { FastifyInstance } from 'fastify';

export function staticPageRoutes(app: FastifyInstance): void {
  app.get('/accessibility', async (_request, reply) => reply.render('web/views/accessibility.njk', { pageTitle: 'Accessibility statement' }));
  app.get('/welcome', async (request, reply) => {
    if (!request.actor) return reply.redirect('/sign-in');
    return reply.render('web/views/welcome.njk', { pageTitle: 'Waymark is ready' });
  });
}
