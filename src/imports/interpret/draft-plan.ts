import type { SourceRef } from '../grid-model.ts';
import type { ImportedItemKind } from '../imported-plan.ts';
import { headerKey, levelOf, type Role } from './column-roles.ts';

/**
 * The plan while it is being read: items with their raw cell texts (merged as rows wrap and pages repeat), the
 * references seen in each section, narrative lines and warnings. finalize-item.ts turns it into an ImportedPlan.
 */
export interface DraftValue {
  role: Role;
  key: string;
  parts: string[];
  asOf: string | null;
}

export interface DraftItem {
  kind: ImportedItemKind;
  ref: string | null;
  printedRef: string | null;
  parent: number | null;
  title: string;
  detail: string[];
  values: Map<string, DraftValue>;
  months: Set<string>;
  source: SourceRef;
}

export class DraftPlan {
  readonly items: DraftItem[] = [];
  readonly narrative: string[] = [];
  readonly warnings: { message: string; where: string }[] = [];
  private readonly refs = new Map<string, number[]>();
  private readonly fieldKeys = new Map<string, string>();
  private readonly children = new Map<string, number>();

  add(item: Omit<DraftItem, 'values' | 'months' | 'detail'> & { detail?: string[] }): number {
    const index = this.items.length;
    this.items.push({ ...item, detail: item.detail ?? [], values: new Map(), months: new Set() });
    const childKey = `${item.parent ?? -1}|${item.kind}|${sameTitle(item.title)}`;
    if (!this.children.has(childKey)) this.children.set(childKey, index);
    if (item.ref !== null) {
      const key = this.refKey(item.kind === 'section' ? null : this.sectionOf(item.parent), item.ref);
      this.refs.set(key, [...(this.refs.get(key) ?? []), index]);
    }
    return index;
  }

  /** Items with this ref in the given section (null: outside any section, or the sections themselves). */
  byRef(section: number | null, ref: string, kind?: ImportedItemKind): number[] {
    const found = this.refs.get(this.refKey(kind === 'section' ? null : section, ref)) ?? [];
    return kind === undefined ? found : found.filter((i) => this.items[i]?.kind === kind);
  }

  /** The first item of this kind and title (as it was when added) under the parent. */
  child(parent: number | null, kind: ImportedItemKind, title: string): number | null {
    return this.children.get(`${parent ?? -1}|${kind}|${sameTitle(title)}`) ?? null;
  }

  sectionOf(index: number | null): number | null {
    for (let at = index; at !== null; at = this.items[at]?.parent ?? null) {
      if (this.items[at]?.kind === 'section') return at;
    }
    return null;
  }

  level(index: number): number {
    const kind = this.items[index]?.kind ?? 'milestone';
    return levelOf(kind);
  }

  /** Adds a cell's text to an item; false when the item already holds exactly that text. */
  addValue(index: number, role: Role, key: string, text: string, asOf: string | null = null): boolean {
    const item = this.items[index];
    if (!item || text.trim() === '') return false;
    const shownKey = this.fieldKey(key);
    const mapKey = `${role}|${headerKey(shownKey)}`;
    const value = item.values.get(mapKey) ?? { role, key: shownKey, parts: [], asOf };
    item.values.set(mapKey, value);
    if (value.parts.includes(text)) return false;
    value.parts.push(text);
    return true;
  }

  warn(message: string, where: SourceRef): void {
    if (!this.warnings.some((w) => w.message === message && w.where === where.label)) this.warnings.push({ message, where: where.label });
  }

  /** The first spelling of a column header names it for the whole plan. */
  private fieldKey(key: string): string {
    const canonical = headerKey(key) || key;
    const known = this.fieldKeys.get(canonical);
    if (known !== undefined) return known;
    this.fieldKeys.set(canonical, key);
    return key;
  }

  private refKey(section: number | null, ref: string): string {
    return `${section ?? -1}|${ref}`;
  }
}

/** Titles that differ only in case, spacing, final punctuation or a "(continued)" are the same title. */
export function sameTitle(title: string): string {
  return title
    .toLowerCase()
    .replace(/\(\s*continued\s*\)/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
