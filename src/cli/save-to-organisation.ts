import { readConfig } from '../config.ts';
import { openDatabase } from '../db/connection.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { createServices } from '../services.ts';
import { sessionSecretFor } from '../secret-file.ts';
import type { Actor } from '../auth/actor.ts';
import { AppError } from '../errors.ts';

/**
 * `waymark import FILE --org SLUG`: saves the plan into the organisation's database (DATABASE_URL or DATA_DIR, as
 * `npm start` uses), as its first administrator. Returns a one-line summary, or throws with a one-line reason.
 */
export async function saveToOrganisation(file: string, bytes: Uint8Array, slug: string): Promise<string> {
  const config = readConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(database.db as never);
    const organisation = await database.db.selectFrom('organisations').where('slug', '=', slug).selectAll().executeTakeFirst();
    if (!organisation) throw new AppError('not_found', `no organisation with the slug "${slug}"`);
    const admin = await database.db
      .selectFrom('users as u')
      .innerJoin('user_roles as r', 'r.user_id', 'u.id')
      .where('u.organisation_id', '=', organisation.id)
      .where('r.role', '=', 'admin')
      .where('u.disabled_at', 'is', null)
      .orderBy('u.created_at')
      .select(['u.id', 'u.name', 'u.email'])
      .executeTakeFirst();
    if (!admin) throw new AppError('not_found', `"${slug}" has no administrator to import as`);
    const actor: Actor = { userId: admin.id, organisationId: organisation.id, organisationName: organisation.name, name: `${admin.name} (command line)`, email: admin.email, roles: new Set(['admin']), personIds: [] };
    const services = createServices(database.db, { secret: sessionSecretFor(config.sessionSecret, config.dataDir), baseUrl: config.baseUrl, smtpUrl: undefined, mailFrom: config.mailFrom, log: { info: () => {}, warn: () => {}, error: () => {} } });
    const result = await services.imports.importFile(actor, file, bytes);
    return `saved plan ${result.planId}: ${result.created} items, ${result.updates} updates, ${result.relations} links`;
  } finally {
    await database.close();
  }
}
