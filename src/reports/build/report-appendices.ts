import type { Actor } from '../../auth/actor.ts';
import { ragCodeSchema } from '../model/rag.ts';
import { directionSchema, type ReportImplication, type ReportMeasure, type ReportRisk } from '../model/report-model.ts';

/** A measure as the measures feature summarises it (src/measures/measure-model.ts). */
export interface MeasureLike {
  ref: string | null;
  name: string;
  unit: string | null;
  baseline: string | null;
  target: string | null;
  latest: string | null;
  latestPeriod?: string | null;
  rag: string;
  trend: string | null;
}

/** A risk as the risk register summarises it (src/risks/risk-queries.ts). */
export interface RiskLike {
  ref: string | null;
  title: string;
  owner: string | null;
  inherent: { text: string } | null;
  residual: { text: string } | null;
  target: { text: string } | null;
  rag: string;
  status?: string;
}

/** One heading of a plan's wider implications (src/implications/implication-repository.ts). */
export interface ImplicationLike {
  category: string;
  label: string;
  heading: string | null;
  text: string;
  amount: number | null;
}

/**
 * What a report takes from other features when they are there: the plan's wider implications, the measures and risks for
 * the appendices, and the knock-on reasons of late dependencies for suggested ratings. Each is optional.
 */
export interface ReportSources {
  implicationsFor?: ((actor: Actor, planId: string) => Promise<readonly ImplicationLike[]>) | undefined;
  measuresFor?: ((actor: Actor, planId: string) => Promise<readonly MeasureLike[]>) | undefined;
  risksFor?: ((actor: Actor, planId: string) => Promise<readonly RiskLike[]>) | undefined;
  knockOn?: ((actor: Actor, planId: string) => Promise<Map<string, string>>) | undefined;
}

const ragOf = (value: string) => ragCodeSchema.catch('none').parse(value);

export function reportMeasure(measure: MeasureLike): ReportMeasure {
  const name = measure.ref ? `${measure.ref} ${measure.name}` : measure.name;
  const latest = measure.latest === null ? null : measure.latestPeriod ? `${measure.latest} (${measure.latestPeriod})` : measure.latest;
  return {
    name, unit: measure.unit, baseline: measure.baseline, target: measure.target, latest,
    rag: ragOf(measure.rag), trend: directionSchema.nullable().catch(null).parse(measure.trend),
  };
}

export function reportRisk(risk: RiskLike): ReportRisk {
  return {
    ref: risk.ref, title: risk.title, owner: risk.owner, inherent: risk.inherent?.text ?? null,
    residual: risk.residual?.text ?? null, target: risk.target?.text ?? null, rag: ragOf(risk.rag),
  };
}

export function reportImplication(implication: ImplicationLike): ReportImplication {
  return {
    category: implication.category,
    heading: implication.heading ? `${implication.label}: ${implication.heading}` : implication.label,
    text: implication.text,
    amount: implication.amount,
  };
}

/**
 * The plan's wider implications, measures and open risks, as the report shows them (as they are now: none of them
 * has a history); empty when not chosen or when the feature is not there.
 */
export async function loadAppendices(
  sources: ReportSources, actor: Actor, planId: string, wanted: { implications: boolean; measures: boolean; risks: boolean },
) {
  const [implications, measures, risks] = await Promise.all([
    wanted.implications && sources.implicationsFor ? sources.implicationsFor(actor, planId) : Promise.resolve([]),
    wanted.measures && sources.measuresFor ? sources.measuresFor(actor, planId) : Promise.resolve([]),
    wanted.risks && sources.risksFor ? sources.risksFor(actor, planId) : Promise.resolve([]),
  ]);
  return {
    implications: implications.map(reportImplication),
    measures: measures.map(reportMeasure),
    risks: risks.filter((risk) => risk.status !== 'closed').map(reportRisk),
  };
}
