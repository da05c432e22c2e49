import type { Db } from '../db/connection.ts';
import type { Actor } from '../auth/actor.ts';
import type { Mailer } from '../mail/mailer.ts';
import { publicationMoment } from '../publishing/publication-dates.ts';
import type { PublicationScope } from '../publishing/publication-scope.ts';
import type { PublicationService } from '../publishing/publication-service.ts';
import { fieldViewOf } from '../publishing/publishing-rules.ts';
import { publishingSettingsOf } from '../publishing/publishing-rules.ts';
import { claimNotice, deleteFollow, insertFollow, isFollowing, listFollows, pendingNotices, releaseNotice } from './follow-repository.ts';
import { publishedLabel, updateLines } from './portal-labels.ts';

/**
 * Members follow actions and are e-mailed when a new update becomes visible to members (its publication day comes,
 * or "publish now"). Each notice is claimed in the database before it is sent, so several nodes never send twice.
 */
export function createFollowService(db: Db, publication: PublicationService, mail: Mailer, baseUrl: string, log: { warn: (o: object, m: string) => void }) {
  return {
    async follow(actor: Actor, planId: string, itemId: string): Promise<void> {
      const scope = await publication.scope({ organisationId: actor.organisationId }, planId, 'members');
      await publication.item(scope, itemId);
      await insertFollow(db, actor.organisationId, actor.userId, itemId);
    },

    async unfollow(actor: Actor, planId: string, itemId: string): Promise<void> {
      await publication.scope({ organisationId: actor.organisationId }, planId, 'members');
      await deleteFollow(db, actor.organisationId, actor.userId, itemId);
    },

    isFollowing: (actor: Actor, itemId: string) => isFollowing(db, actor.userId, itemId),

    /** What a member follows in published plans, named as members may see them. */
    async following(actor: Actor) {
      const rows = await listFollows(db, actor.organisationId, actor.userId);
      return rows
        .filter((row) => publishingSettingsOf(row.settings).published)
        .map((row) => {
          const view = fieldViewOf(row, 'members');
          const label = publishedLabel({ kind: row.kind, ...(view.sees('ref') ? { ref: row.ref } : {}), ...(view.sees('title') ? { title: row.title } : {}) }, 120);
          return { planId: row.planId, planTitle: row.planTitle, itemId: row.itemId, label };
        });
    },

    /** Sends the notices that are due at `now`; returns how many e-mails were sent. */
    async notifyDue(now = new Date()): Promise<number> {
      const pending = await pendingNotices(db);
      const scopes = new Map<string, PublicationScope | null>();
      let sent = 0;
      for (const row of pending) {
        const key = `${row.organisation_id}|${row.plan_id}`;
        if (!scopes.has(key)) scopes.set(key, await publication.scope({ organisationId: row.organisation_id }, row.plan_id, 'members', now).catch(() => null));
        const scope = scopes.get(key);
        if (!scope) continue;
        const moment = publicationMoment(row, scope.papers, scope.releasedUpTo, now);
        if (!moment) continue;
        const claim = { organisationId: row.organisation_id, userId: row.user_id, updateId: row.updateId };
        if (moment.getTime() <= new Date(row.followedAt).getTime()) {
          await claimNotice(db, { ...claim, sent: false });
          continue;
        }
        if (!(await claimNotice(db, { ...claim, sent: true }))) continue;
        try {
          const { item, updates } = await publication.item(scope, row.item_id);
          const update = updates.find((u) => u.id === row.updateId);
          if (!update) {
            // Not among what members may see of this action: recorded as not sent, never as sent.
            await releaseNotice(db, row.user_id, row.updateId);
            await claimNotice(db, { ...claim, sent: false });
            continue;
          }
          const label = publishedLabel(item, 120);
          const link = `${baseUrl}/members/plans/${scope.planId}/items/${item.id}`;
          await mail.send({
            to: row.email,
            subject: `New update on ${label}`,
            text: [`Dear ${row.name},`, '', `There is a new update on ${label} in ${scope.plan.title}.`, '', ...updateLines(update), '', `Read it, or stop following the action, here:`, link, ''].join('\n'),
          });
          sent += 1;
        } catch (error) {
          log.warn({ err: error, updateId: row.updateId }, 'follow notice not sent; it will be tried again');
          await releaseNotice(db, row.user_id, row.updateId);
        }
      }
      return sent;
    },
  };
}

export type FollowService = ReturnType<typeof createFollowService>;
