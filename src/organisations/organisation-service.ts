import type { Db } from '../db/connection.ts';
import type { Actor } from '../auth/actor.ts';
import type { CorporatePriority } from '../db/schema.ts';
import { requireAnyRole } from '../auth/permissions.ts';
import { recordAudit } from '../audit/audit-repository.ts';
import { notFound } from '../errors.ts';
import { findOrganisation, updateOrganisationSettings } from './organisation-repository.ts';

export function createOrganisationService(db: Db) {
  return {
    async getSettings(actor: Actor) {
      requireAnyRole(actor, 'change organisation settings', 'admin');
      const organisation = await findOrganisation(db, actor.organisationId);
      if (!organisation) throw notFound('The organisation');
      return organisation;
    },

    async updateSettings(actor: Actor, values: { name: string; fyStartMonth: number; corporatePriorities: CorporatePriority[] }) {
      requireAnyRole(actor, 'change organisation settings', 'admin');
      await db.transaction().execute(async (trx) => {
        const before = await findOrganisation(trx, actor.organisationId);
        const after = await updateOrganisationSettings(trx, actor.organisationId, values);
        await recordAudit(trx, actor, { entityType: 'organisation', entityId: actor.organisationId, action: 'update', before, after });
      });
    },
  };
}
