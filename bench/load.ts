import autocannon from 'autocannon';
import { prepareDataDir, signInOverHttp, startServer, memoryOf } from './support/child-server.ts';

/**
 * Issue 10: 50 concurrent signed-in users on the plan page of a 2,000-action plan for 60 s (autocannon on loopback,
 * the real server in its own process), each asking for gzip as a browser does. Prints requests, errors, p50/p95/p99
 * latency, bytes per page and the server's peak RSS.
 * `LOAD_SECONDS=10` for a shorter run.
 */
const seconds = Number(process.env.LOAD_SECONDS ?? 60);
const prepared = await prepareDataDir(Number(process.env.BENCH_ACTIONS ?? 2000), 50);
const server = await startServer({ DATA_DIR: prepared.dataDir, DATABASE_URL: '' });
try {
  const users = prepared.cookies;
  await signInOverHttp(server.url, prepared.email); // the real form works too
  // One user opens the plan first, as on any working day: the load measures the page as served, not its first build.
  const warm = await fetch(`${server.url}/plans/${prepared.planId}`, { headers: { cookie: users[0] ?? '' } });
  if (warm.status !== 200) throw new Error(`the plan page answered ${warm.status}`);
  await warm.arrayBuffer();
  let next = 0;
  const times: number[] = [];
  const result = await autocannon({
    url: `${server.url}/plans/${prepared.planId}`,
    connections: 50,
    duration: seconds,
    setupClient: (client) => {
      // As a browser asks: the page comes gzipped (its rows compressed once, see src/web/kept-body.ts).
      client.setHeaders({ cookie: users[next++ % users.length] ?? '', 'accept-encoding': 'gzip, deflate, br' });
      client.on('response', (_status: number, _bytes: number, responseTime: number) => times.push(responseTime));
    },
  });
  times.sort((a, b) => a - b);
  const p95 = times[Math.floor(times.length * 0.95)] ?? 0;
  const memory = memoryOf(server.child.pid ?? 0);
  const failures = result.errors + result.timeouts + result.non2xx;
  process.stdout.write(
    `\nLoad: 50 signed-in users on the plan page for ${seconds} s (PGlite, 2,000 actions)\n` +
      `requests ${result.requests.total}, ${result.requests.average.toFixed(1)}/s; errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx} → ${failures === 0 ? 'no errors' : 'ERRORS'}\n` +
      `${(result.throughput.total / Math.max(1, result.requests.total) / 1024).toFixed(0)} KiB per page; latency p50 ${result.latency.p50} ms, p95 ${p95.toFixed(0)} ms, p99 ${result.latency.p99} ms\n` +
      `server peak RSS ${memory.peakMiB.toFixed(0)} MiB\n`,
  );
  process.exitCode = failures === 0 ? 0 : 1;
} finally {
  await server.stop();
}
