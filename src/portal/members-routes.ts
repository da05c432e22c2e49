import type { FastifyInstance } from 'fastify';
import type { FastifyRequest } from 'fastify';
import { actorOf } from '../web/sessions.ts';
import { requireAnyRole } from '../auth/permissions.ts';
import { ALL_ROLES, type Actor } from '../auth/actor.ts';
import { uuidParam } from '../web/params.ts';
import type { PortalPages } from './portal-pages.ts';
import { PORTAL_PAGE_SIZE } from './portal-pages.ts';
import type { FollowService } from './follow-service.ts';
import { sendEvidence } from './public-routes.ts';

/**
 * The members' area: anyone signed in to the organisation (councillors have the role `member`) sees its published
 * plans with members-only fields too, and can follow actions to be e-mailed when a new update is published.
 */
/** Anyone with a role in the organisation (councillors have `member`); a user without any role is refused. */
function memberOf(request: FastifyRequest): Actor {
  const actor = actorOf(request);
  requireAnyRole(actor, 'see the members’ area', ...ALL_ROLES);
  return actor;
}

export function membersRoutes(app: FastifyInstance, pages: PortalPages, follows: FollowService): void {
  app.get('/members', async (request, reply) => {
    const actor = memberOf(request);
    const [page, following] = await Promise.all([pages.organisation({ organisationId: actor.organisationId }), follows.following(actor)]);
    return reply.render('portal/views/organisation.njk', { ...page, following, pageTitle: 'Members’ area', heading: 'Members’ area', audience: 'members', base: '/members' });
  });

  app.get('/members/plans/:planId', async (request, reply) => {
    const actor = memberOf(request);
    const page = await pages.plan({ organisationId: actor.organisationId }, uuidParam(request, 'planId'), 'members', request.query as Record<string, unknown>);
    return reply.render('portal/views/plan.njk', { ...page, pageTitle: `${page.plan.title} – members’ view`, audience: 'members', base: '/members', pageSize: PORTAL_PAGE_SIZE });
  });

  app.get('/members/plans/:planId/items/:itemId', async (request, reply) => {
    const actor = memberOf(request);
    const itemId = uuidParam(request, 'itemId');
    const page = await pages.item({ organisationId: actor.organisationId }, uuidParam(request, 'planId'), itemId, 'members');
    const following = await follows.isFollowing(actor, itemId);
    const done = (request.query as Record<string, unknown>).done;
    const flash = done === 'followed' ? 'You are following this action' : done === 'unfollowed' ? 'You have stopped following this action' : undefined;
    return reply.render('portal/views/item.njk', { ...page, follow: { following }, flash, pageTitle: `${page.heading} – members’ view`, audience: 'members', base: '/members' });
  });

  app.post('/members/plans/:planId/items/:itemId/follow', async (request, reply) => {
    const planId = uuidParam(request, 'planId');
    const itemId = uuidParam(request, 'itemId');
    await follows.follow(memberOf(request), planId, itemId);
    return reply.redirect(`/members/plans/${planId}/items/${itemId}?done=followed`, 303);
  });

  app.post('/members/plans/:planId/items/:itemId/unfollow', async (request, reply) => {
    const planId = uuidParam(request, 'planId');
    const itemId = uuidParam(request, 'itemId');
    await follows.unfollow(memberOf(request), planId, itemId);
    return reply.redirect(`/members/plans/${planId}/items/${itemId}?done=unfollowed`, 303);
  });

  app.get('/members/plans/:planId/evidence/:fileId', async (request, reply) => {
    const actor = memberOf(request);
    const file = await pages.evidence({ organisationId: actor.organisationId }, uuidParam(request, 'planId'), uuidParam(request, 'fileId'), 'members');
    return sendEvidence(reply, file);
  });
}
