import type { Actor } from '../auth/actor.ts';
import type { PublicationScope } from './publication-scope.ts';
import { publicationMoment } from './publication-dates.ts';

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

/**
 * Whether a reader may see a dated entry yet (a measure's actual, a risk review), given the reporting period it
 * belongs to (null: none) and when it was entered. Passed to the measures feature; undefined means everything.
 */
export type ReleasedYet = (entry: { periodId: string | null; at: Date }) => boolean;

/**
 * Officers see every actual and review; members and the public only those published by the rule approved updates
 * follow (publication-dates.ts): the papers of their period are out, or "publish now" came after them.
 */
export function releasedYetFor(scope: PublicationScope): ReleasedYet | undefined {
  if (scope.audience === 'internal') return undefined;
  return (entry) => publicationMoment({ period_id: entry.periodId, reviewed_at: entry.at }, scope.papers, scope.releasedUpTo, scope.now) !== null;
}

/** The measures feature's read functions, when that feature is there (see src/measures/measures-feature.ts). */
export interface PlanWideSources {
  measuresFor?: (actor: Actor, planId: string, releasedYet?: ReleasedYet) => Promise<PublishedMeasure[]>;
  risksFor?: (actor: Actor, planId: string, releasedYet?: ReleasedYet) => Promise<{ ref: string | null; title: string; owner: string; inherent: Rating; residual: Rating; target: Rating; rag: string; status: string; nextReviewDate: string }[]>;
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
    /** The plan's measures (from published actuals only), or null when the audience may not see them (or measures are not built). */
    async measures(scope: PublicationScope): Promise<PublishedMeasure[] | null> {
      if (!scope.view.sees('measures') || !sources.measuresFor) return null;
      const rows = await sources.measuresFor(publicationActor(scope), scope.planId, releasedYetFor(scope));
      return rows.map((m) => ({ ref: m.ref, name: m.name, unit: m.unit, baseline: m.baseline, target: m.target, latest: m.latest, latestPeriod: m.latestPeriod, rag: m.rag, ragLabel: m.ragLabel, trendLabel: m.trendLabel }));
    },

    /** The plan's risk register (as of its published reviews), or null when the audience may not see risk detail. */
    async risks(scope: PublicationScope): Promise<PublishedRisk[] | null> {
      if (!scope.view.sees('risks') || !sources.risksFor) return null;
      const rows = await sources.risksFor(publicationActor(scope), scope.planId, releasedYetFor(scope));
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
