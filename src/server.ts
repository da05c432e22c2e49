import pino from 'pino';
import { ConfigError, readConfig, type Config } from './config.ts';
import { openDatabase } from './db/connection.ts';
import { migrateToLatest } from './db/migrate.ts';
import { createServices } from './services.ts';
import { buildApp } from './app.ts';
import { sessionSecretFor } from './secret-file.ts';

async function main(config: Config) {
  const log = pino({ level: config.logLevel });
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.databasePoolSize,
    pgliteSharedBuffers: config.pgliteSharedBuffers,
    onIdleConnectionError: (error) => log.warn({ err: error }, 'the database dropped an idle connection; another will be opened'),
  });
  const applied = await migrateToLatest(database.db as never);
  if (applied.length) log.info({ applied }, 'database migrated');
  const secret = sessionSecretFor(config.sessionSecret, config.dataDir);
  const services = createServices(database.db, { secret, baseUrl: config.baseUrl, smtpUrl: config.smtpUrl, mailFrom: config.mailFrom, log, databaseKind: database.kind });
  const app = await buildApp(services, { secret, secureCookies: config.secureCookies, logLevel: config.logLevel, trustProxy: config.secureCookies });
  const stopScheduler = config.schedulerEnabled ? await startBackgroundJobs(services) : async () => {};

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'shutting down');
    await stopScheduler();
    await app.close();
    await database.close();
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  const where = database.kind === 'pglite' ? `embedded PGlite database in ${config.dataDir}` : 'PostgreSQL';
  process.stdout.write(`\nWaymark is running at ${config.baseUrl} on the ${where}.\n`);
  const token = await services.setup.currentToken();
  if (token) process.stdout.write(`\nFirst run: create your organisation and its administrator here (one-time link):\n  ${config.baseUrl}/setup?token=${token}\n\n`);
}

const FOLLOW_NOTICES_EVERY_MS = 5 * 60 * 1000;

/**
 * Timed work, on nodes where SCHEDULER is on: reminders (one node at a time on PostgreSQL) and members' follow
 * e-mails (each claimed in the database before it is sent, so two nodes never send one twice). Returns a stop function.
 */
async function startBackgroundJobs(services: ReturnType<typeof createServices>): Promise<() => Promise<void>> {
  const stopReminders = await services.reminders.scheduler.start();
  const notices = setInterval(() => {
    services.api.follows.notifyDue().catch((error: unknown) => services.options.log.error({ err: error }, 'follow notices failed'));
  }, FOLLOW_NOTICES_EVERY_MS);
  notices.unref();
  return async () => {
    clearInterval(notices);
    await stopReminders();
  };
}

try {
  await main(readConfig());
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 1;
  } else {
    process.stderr.write(`Waymark could not start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
