import type { Db } from '../db/connection.ts';
import type { Actor } from '../auth/actor.ts';
import { canAdminister, requireAnyRole, requireOfficer } from '../auth/permissions.ts';
import { recordAudit } from '../audit/audit-repository.ts';
import { forbidden, invalidInput, notFound } from '../errors.ts';
import { findUser } from '../users/user-repository.ts';
import type { PersonForm } from './person-form.ts';
import { countLeadershipsOf, deletePerson, findPerson, insertPerson, listPeople, updatePerson } from './person-repository.ts';

export type PeopleService = ReturnType<typeof createPeopleService>;

const valuesOf = (form: PersonForm) => ({ ...form });

export function createPeopleService(db: Db) {
  async function checkUser(actor: Actor, form: PersonForm) {
    if (form.userId && !(await findUser(db, actor.organisationId, form.userId))) throw invalidInput('Select a user from the list', 'userId');
  }
  /** A linked user leads the person's items and may post their updates, so only an admin may set or change the link. */
  function checkLinkChange(actor: Actor, form: PersonForm, current: string | null) {
    if (form.userId !== current && !canAdminister(actor)) throw forbidden('link a person to a Waymark user. Ask an organisation admin to do it');
  }
  return {
    listPeople(actor: Actor) {
      requireOfficer(actor);
      return listPeople(db, actor.organisationId);
    },

    async getPerson(actor: Actor, id: string) {
      requireOfficer(actor);
      const person = await findPerson(db, actor.organisationId, id);
      if (!person) throw notFound('The person');
      return person;
    },

    async createPerson(actor: Actor, form: PersonForm) {
      requireAnyRole(actor, 'add people', 'admin', 'plan_owner', 'editor');
      checkLinkChange(actor, form, null);
      await checkUser(actor, form);
      return db.transaction().execute(async (trx) => {
        const person = await insertPerson(trx, actor.organisationId, valuesOf(form));
        await recordAudit(trx, actor, { entityType: 'person', entityId: person.id, action: 'create', after: person });
        return person;
      });
    },

    async updatePerson(actor: Actor, id: string, form: PersonForm) {
      requireAnyRole(actor, 'change people', 'admin', 'plan_owner', 'editor');
      await checkUser(actor, form);
      return db.transaction().execute(async (trx) => {
        const before = await findPerson(trx, actor.organisationId, id);
        if (!before) throw notFound('The person');
        checkLinkChange(actor, form, before.user_id);
        const after = await updatePerson(trx, actor.organisationId, id, valuesOf(form));
        await recordAudit(trx, actor, { entityType: 'person', entityId: id, action: 'update', before, after });
        return after;
      });
    },

    async deletePerson(actor: Actor, id: string) {
      requireAnyRole(actor, 'remove people', 'admin');
      return db.transaction().execute(async (trx) => {
        const before = await findPerson(trx, actor.organisationId, id);
        if (!before) throw notFound('The person');
        const leads = await countLeadershipsOf(trx, actor.organisationId, id);
        if (leads > 0) throw invalidInput(`${before.name} leads ${leads} item${leads === 1 ? '' : 's'}. Choose other leads for them first.`, 'name');
        await deletePerson(trx, actor.organisationId, id);
        await recordAudit(trx, actor, { entityType: 'person', entityId: id, action: 'delete', before });
      });
    },
  };
}
