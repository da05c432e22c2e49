import type { FastifyInstance } from 'fastify';

const nextLoopTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Requests start one per event-loop turn, in the order they arrived.
 *
 * libuv accepts one new connection per loop turn (libuv pull request 3696), and on PGlite a request runs from start
 * to finish without waiting on I/O (its queries run in this process). Under load one loop turn would then run every
 * request that is waiting, and a user who had just connected waited that whole turn for each turn before being
 * connected: with 50 users on the plan page, some waited over 10 s while others were served in 0.5 s. Starting one
 * request per turn keeps each turn short, so new connections are accepted promptly and requests are served first
 * come, first served. Costs one setImmediate per request; on PostgreSQL requests still overlap while they wait on it.
 */
export function installRequestTurns(app: FastifyInstance): void {
  let previous: Promise<void> = Promise.resolve();
  app.addHook('onRequest', () => {
    const mine = previous;
    previous = mine.then(nextLoopTurn);
    return mine;
  });
}
