import pino from 'pino';
import { ConfigError, readConfig, type Config } from './config.ts';
import { openDatabase } from './db/connection.ts';
import { migrateToLatest } from './db/migrate.ts';
import { createServices } from './services.ts';
import { buildApp } from './app.ts';
import { sessionSecretFor } from './secret-file.ts';

async function main(config: Config) {
  const log = pino({ level: config.logLevel });
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
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

/** Reminders and other timed work; returns a stop function. */
async function startBackgroundJobs(services: ReturnType<typeof createServices>): Promise<() => Promise<void>> {
  return services.reminders.scheduler.start();
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
