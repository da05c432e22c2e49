import type { AddressInfo } from 'node:net';
import { createTestApp, type TestApp } from './test-app.ts';

/** The test app listening on a free loopback port, for a real browser. */
export async function startLiveApp(options: { smtpUrl?: string } = {}): Promise<TestApp & { baseUrl: string }> {
  const probe = await createTestApp(options);
  await probe.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = probe.app.server.address() as AddressInfo;
  return { ...probe, baseUrl: `http://127.0.0.1:${port}` };
}
