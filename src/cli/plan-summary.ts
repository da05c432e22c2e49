import type { ImportedPlan } from '../imports/imported-plan.ts';

/** What a person reads when they import without --json: the title, how many items of each kind, the warnings. */
export function planSummary(plan: ImportedPlan): string {
  const counts = new Map<string, number>();
  for (const item of plan.items) counts.set(item.kind, (counts.get(item.kind) ?? 0) + 1);
  const kinds = [...counts].map(([kind, n]) => `${n} ${kind}${n === 1 ? '' : 's'}`).join(', ') || 'no items';
  const lines = [`${plan.plan.title}: ${kinds}; ${plan.plan.narrative.length} lines of narrative.`];
  for (const warning of plan.warnings) lines.push(`warning (${warning.where}): ${warning.message}`);
  return lines.join('\n');
}
