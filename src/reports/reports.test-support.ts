import { readFileSync } from 'node:fs';
import type { Actor } from '../auth/actor.ts';
import type { Services } from '../services.ts';
import { seedPath } from '../imports/interpret/test-seeds.ts';
import { noFilters } from './build/report-filters.ts';
import type { ReportRequest } from './build/report-request.ts';

/** For tests: seed 004 (a Peer Challenge plan with progress to 30 September 2013) imported for the actor. */
export async function importSeed004(services: Services, actor: Actor): Promise<string> {
  const path = seedPath('004');
  const { planId } = await services.imports.importFile(actor, path.split('/').pop() ?? '004.txt', readFileSync(path));
  return planId;
}

export const reportRequest = (planId: string, over: Partial<ReportRequest> = {}): ReportRequest => ({
  planId, otherPlanIds: [], templateId: null, periodId: null, asAt: null, audience: 'Cabinet', filters: noFilters, sections: null, ...over,
});

/** What seed 004 says of each action: its ref, lead officer(s) as imported and its status word. */
export const seed004Statuses: Readonly<Record<string, string>> = {
  1: 'Achieved', 2: 'Achieved', 3: 'Achieved', 4: 'Achieved', 5: 'Achieved', 6: 'On target', 7: 'Achieved',
  8: 'Achieved and more planned', 9: 'Achieved', 10: 'On target', 11: 'Achieved', 12: 'On target', 13: 'Achieved',
  14: 'On target', 15: 'On target', 16: 'On target', 17: 'On target', 18: 'On target', 19: 'On target', 20: 'Not started',
  21: 'Achieved', 22: 'Achieved', 23: 'On target', 24: 'Achieved', 25: 'Revised', 26: 'Not started', 27: 'On target',
};

/** The smallest PNG there is: one pixel. */
export const onePixelPng = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
