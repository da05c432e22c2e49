import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';

export function healthRoutes(app: FastifyInstance, db: Db): void {
  app.get('/health', { config: { csrf: false } }, async (_request, reply) => {
    try {
      await sql`select 1`.execute(db);
      return reply.send({ status: 'ok', database: 'ok' });
    } catch {
      return reply.status(503).send({ status: 'unavailable', database: 'unreachable' });
    }
  });
}
