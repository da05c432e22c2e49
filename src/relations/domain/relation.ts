/** How two items of a plan are related. "A depends_on B": A cannot start until B finishes (plus the lag). */
export type RelationType = 'depends_on' | 'follows_on_from' | 'links_to' | 'duplicates';

export interface Relation {
  /** The dependent (the item that waits), for scheduling relations. */
  fromId: string;
  /** The predecessor (the item waited for), for scheduling relations. */
  toId: string;
  type: RelationType;
  /** Days after the predecessor's finish before the dependent may start; may be negative (an overlap). */
  lagDays: number;
}

/** Relations that constrain dates; links_to and duplicates carry no schedule. */
export function isScheduling(type: RelationType): boolean {
  return type === 'depends_on' || type === 'follows_on_from';
}

/** The lag that scheduling uses: follows_on_from always means straight after, with no lag. */
export function schedulingLag(relation: Relation): number {
  return relation.type === 'depends_on' ? relation.lagDays : 0;
}

/** links_to and duplicates read the same both ways round. */
export function isSymmetric(type: RelationType): boolean {
  return type === 'links_to' || type === 'duplicates';
}
