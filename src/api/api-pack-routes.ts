import type { FastifyInstance } from 'fastify';
import type { Actor } from '../auth/actor.ts';
import type { AnonymousLimits } from '../portal/rate-limits.ts';
import { ApiProblem } from './api-problems.ts';
import { apiRoute } from './api-http.ts';
import { operation } from './api-operations.ts';
import { audienceOf } from './api-token-service.ts';

interface PackRow {
  id: string;
  title: string;
  note: string | null;
  audience: string;
  as_at: string;
  issued_at: Date;
  issued_by_name: string;
}

/** The reports feature's pack listing, when that feature is there (src/reports/packs/pack-service.ts). */
export type PackLister = (actor: Actor, planId: string) => Promise<{ packs: PackRow[] }>;

/** Issued report packs, for officers' tokens: a pack is a frozen copy of everything, not only what is published. */
export function apiPackRoutes(api: FastifyInstance, listPacks: PackLister | undefined, limits: AnonymousLimits): void {
  apiRoute(api, operation('listReportPacks'), limits, async ({ caller, params }) => {
    const actor = caller?.actor;
    if (!actor || audienceOf(actor) !== 'internal') throw new ApiProblem(403, 'forbidden', 'Report packs are for officers', 'Published information is at /api/v1/plans/{planId}/items.');
    if (!listPacks) return { data: [] };
    const planId = params.planId as string;
    const { packs } = await listPacks(actor, planId);
    return {
      data: packs.map((pack) => ({
        id: pack.id,
        title: pack.title,
        note: pack.note,
        audience: pack.audience,
        asAt: pack.as_at,
        issuedAt: new Date(pack.issued_at).toISOString(),
        issuedBy: pack.issued_by_name,
        html: `/plans/${planId}/reports/packs/${pack.id}`,
      })),
    };
  });
}
