import type { Db } from '../../db/connection.ts';
import type { ItemPersonRole, PersonKind } from '../../db/schema.ts';
import type { ImportedItem } from '../imported-plan.ts';

const key = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();
const BODY = /\b(committee|board|group|team|panel|forum|partnership|cabinet|executive|council|cmt|smt|emt|dmt|working party|unions?)\b/i;
const INITIALS = /^[A-Z]{1,4}t?$/;

export function personKindOf(name: string, member: boolean): PersonKind {
  if (member) return 'member';
  return BODY.test(name) ? 'body' : 'officer';
}

/**
 * The people a plan names ("PS", "Director of Corporate Resources", "Standards Committee"), matched to the
 * organisation's people by name or initials, and created when new. Returns name → person id.
 */
export async function resolvePeople(trx: Db, organisationId: string, wanted: { name: string; member: boolean }[]): Promise<Map<string, string>> {
  const existing = await trx.selectFrom('people').where('organisation_id', '=', organisationId).select(['id', 'name', 'initials']).execute();
  const byKey = new Map<string, string>();
  for (const p of existing) {
    byKey.set(key(p.name), p.id);
    if (p.initials) byKey.set(key(p.initials), p.id);
  }
  const toCreate = new Map<string, { name: string; member: boolean }>();
  for (const w of wanted) {
    const k = key(w.name);
    if (k && !byKey.has(k) && !toCreate.has(k)) toCreate.set(k, w);
  }
  if (toCreate.size > 0) {
    const rows = await trx
      .insertInto('people')
      .values(
        [...toCreate.values()].map((w) => ({
          organisation_id: organisationId,
          name: w.name.trim(),
          initials: INITIALS.test(w.name.trim()) ? w.name.trim() : null,
          kind: personKindOf(w.name, w.member),
        })),
      )
      .returning(['id', 'name'])
      .execute();
    for (const row of rows) byKey.set(key(row.name), row.id);
  }
  const result = new Map<string, string>();
  for (const w of wanted) {
    const id = byKey.get(key(w.name));
    if (id) result.set(w.name, id);
  }
  return result;
}

export interface ItemLead {
  organisation_id: string;
  item_id: string;
  person_id: string;
  role: Extract<ItemPersonRole, 'lead' | 'lead_member'>;
  position: number;
}

/** Each item's lead officers and lead member as item_people rows, by item id; a person once per role. */
export function itemLeads(items: readonly ImportedItem[], itemIds: readonly string[], people: ReadonlyMap<string, string>, organisationId: string): Map<string, ItemLead[]> {
  const leads = new Map<string, ItemLead[]>();
  items.forEach((item, index) => {
    const itemId = itemIds[index] as string;
    const named = [
      ...item.leads.map((name, position) => ({ name, role: 'lead' as const, position })),
      ...(item.leadMember ? [{ name: item.leadMember, role: 'lead_member' as const, position: 0 }] : []),
    ];
    const list: ItemLead[] = [];
    for (const p of named) {
      const personId = people.get(p.name);
      if (personId && !list.some((l) => l.person_id === personId && l.role === p.role)) list.push({ organisation_id: organisationId, item_id: itemId, person_id: personId, role: p.role, position: p.position });
    }
    leads.set(itemId, list);
  });
  return leads;
}
