import type { Actor } from '../auth/actor.ts';
import type { PublicationScope } from './publication-scope.ts';

/** A measure of success as published. */
export interface PublishedMeasure {
  ref: string | null;
  name: string;
  unit: string;
  baseline: string | null;
  target: string | null;
  latest: string | null;
  latestPeriod: string | null;
  rag: string;
  ragLabel: string;
  trendLabel: string | null;
}

/** A risk as published (only when the plan publishes its risk detail). */
export interface PublishedRisk {
  ref: string | null;
  title: string;
  owner: string;
  inherent: string | null;
  residual: string | null;
  target: string | null;
  rag: string;
  status: string;
  nextReviewDate: string;
}

type Rating = { text: string } | null;

/** The measures feature's read functions, when that feature is there (see src/measures/measures-feature.ts). */
export interface PlanWideSources {
  measuresFor?: (actor: Actor, planId: string) => Promise<PublishedMeasure[]>;
  risksFor?: (actor: Actor, planId: string) => Promise<{ ref: string | null; title: string; owner: string; inherent: Rating; residual: Rating; target: Rating; rag: string; status: string; nextReviewDate: string }[]>;
}

/** The measures feature reads as a (read-only) officer of the organisation; publication reads need no user, so none is named; the visibility rules then decide what is shown. */
const publicationActor = (scope: PublicationScope): Actor => ({
  userId: '00000000-0000-0000-0000-000000000000',
  organisationId: scope.organisationId,
  organisationName: scope.organisation.name,
  name: 'Publication',
  email: '',
  roles: new Set(['viewer']),
  personIds: [],
});

export function createPlanWideData(sources: PlanWideSources) {
  return {
    /** The plan's measures, or null when the audience may not see them (or measures are not built). */
    async measures(scope: PublicationScope): Promise<PublishedMeasure[] | null> {
      if (!scope.view.sees('measures') || !sources.measuresFor) return null;
      const rows = await sources.measuresFor(publicationActor(scope), scope.planId);
      return rows.map((m) => ({ ref: m.ref, name: m.name, unit: m.unit, baseline: m.baseline, target: m.target, latest: m.latest, latestPeriod: m.latestPeriod, rag: m.rag, ragLabel: m.ragLabel, trendLabel: m.trendLabel }));
    },

    /** The plan's risk register, or null when the audience may not see risk detail. */
    async risks(scope: PublicationScope): Promise<PublishedRisk[] | null> {
      if (!scope.view.sees('risks') || !sources.risksFor) return null;
      const rows = await sources.risksFor(publicationActor(scope), scope.planId);
      return rows.map((r) => ({
        ref: r.ref,
        title: r.title,
        owner: r.owner,
        inherent: r.inherent?.text ?? null,
        residual: r.residual?.text ?? null,
        target: r.target?.text ?? null,
        rag: r.rag,
        status: r.status,
        nextReviewDate: r.nextReviewDate,
      }));
    },
  };
}
