import type { Db } from '../../db/connection.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Plan } from '../../db/schema.ts';
import { addRelationsInTransaction } from '../../relations/relation-writer.ts';
import type { ImportedItem } from '../imported-plan.ts';
import { importedLinks } from './imported-links.ts';

/**
 * Saves the links the document's text makes, inside the import's transaction, through the relations feature: the
 * same checks as the item page (no self relation, no duplicate, no loop) and an audit entry each. A link the plan
 * already has is skipped quietly (a re-import); one that would make a loop is left out and its reason returned.
 */
export async function saveImportedLinks(
  trx: Db,
  actor: Actor,
  plan: Plan,
  items: readonly ImportedItem[],
  itemIds: readonly string[],
): Promise<{ saved: number; leftOut: string[] }> {
  const candidates = importedLinks(items).map((link) => ({
    fromItemId: itemIds[link.from] as string,
    toItemId: itemIds[link.to] as string,
    type: link.type,
    lagDays: 0,
    note: link.note,
  }));
  if (candidates.length === 0) return { saved: 0, leftOut: [] };
  const { added, refused } = await addRelationsInTransaction(trx, actor, plan, candidates);
  const leftOut = refused
    .filter(({ problem }) => problem.code !== 'duplicate_relation' && problem.code !== 'self_relation')
    .map(({ problem }) => problem.message);
  return { saved: added.length, leftOut };
}
