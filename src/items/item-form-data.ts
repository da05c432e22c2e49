import type { Db } from '../db/connection.ts';
import type { Actor } from '../auth/actor.ts';
import { listPeople } from '../people/person-repository.ts';
import { findOrganisation } from '../organisations/organisation-repository.ts';
import { listPlanItems } from './item-repository.ts';

/** What the item form offers: the organisation's people and corporate priorities, and the plan's items as parents. */
export function createItemFormData(db: Db) {
  return {
    async load(actor: Actor, planId: string) {
      const [people, organisation, items] = await Promise.all([
        listPeople(db, actor.organisationId),
        findOrganisation(db, actor.organisationId),
        listPlanItems(db, actor.organisationId, planId),
      ]);
      return { people, priorities: organisation?.corporate_priorities ?? [], items };
    },
  };
}
