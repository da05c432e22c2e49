import type { Db } from '../db/connection.ts';
import { createItem } from '../../test/factories/factories.ts';

/** For tests only: seed 001's shape, three re-inspection recommendations with 14, 15 and 12 proposals beneath them. */
export const SEED_001_PROPOSALS = [14, 15, 12] as const;

export async function buildSeed001Shape(db: Db, planId: string) {
  const letters = 'ABCDEFGHIJKLMNO';
  const recommendations = [];
  const proposals = [];
  for (const [index, count] of SEED_001_PROPOSALS.entries()) {
    const number = index + 1;
    const recommendation = await createItem(db, {
      planId,
      kind: 'section',
      ref: String(number),
      position: index,
      title: `Recommendation ${number}: The Council must ensure improvement ${number} is sustained`,
    });
    recommendations.push(recommendation);
    for (let position = 0; position < count; position += 1) {
      const letter = letters[position] ?? String(position);
      proposals.push(await createItem(db, { planId, parentId: recommendation.id, kind: 'action', ref: letter, position, title: `Proposal ${number}${letter} answering recommendation ${number}` }));
    }
  }
  return { recommendations, proposals };
}
