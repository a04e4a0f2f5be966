/**
 * What changed in an agenda between two published versions: items added, cancelled, moved (to
 * another time or room) and changed (title, type, role holders…), with the people and
 * organizations each change concerns, so that they can be told.
 */

/** One item as a published version froze it. Times are epoch milliseconds, half-open. */
export interface VersionItem {
  id: string;
  title: string;
  type: string;
  description: string | null;
  start: number | null;
  end: number | null;
  roomId: string | null;
  track: string | null;
  holders: readonly { role: string; personId: string | null; organizationId: string | null }[];
}

/** The fields of an item a diff compares; `start`, `end` and `roomId` make a move. */
export const COMPARED_FIELDS = [
  'start',
  'end',
  'roomId',
  'title',
  'type',
  'description',
  'track',
  'holders',
] as const;
export type ComparedField = (typeof COMPARED_FIELDS)[number];

const PLACEMENT: readonly ComparedField[] = ['start', 'end', 'roomId'];

export type ItemChange =
  | { kind: 'added'; itemId: string; after: VersionItem; concerns: Concerned }
  | { kind: 'cancelled'; itemId: string; before: VersionItem; concerns: Concerned }
  | {
      kind: 'moved' | 'changed';
      itemId: string;
      before: VersionItem;
      after: VersionItem;
      /** Every compared field that differs, in COMPARED_FIELDS order. */
      fields: ComparedField[];
      concerns: Concerned;
    };

/** Who should hear of a change: the holders before and after it, each once, sorted. */
export interface Concerned {
  personIds: string[];
  organizationIds: string[];
}

/**
 * The changes from `from` to `to`, matched by item id. An item whose time or room differs is
 * `moved` (whatever else changed with it); one that differs otherwise is `changed`. Sorted by
 * the item's start in `to` (or in `from` for a cancelled item), unscheduled items last, then by
 * id, so the same versions always give the same list.
 */
export function diffVersions(
  from: readonly VersionItem[],
  to: readonly VersionItem[],
): ItemChange[] {
  const before = new Map(from.map((item) => [item.id, item]));
  const after = new Map(to.map((item) => [item.id, item]));
  const changes: ItemChange[] = [];
  for (const item of to) {
    const old = before.get(item.id);
    if (!old) {
      changes.push({ kind: 'added', itemId: item.id, after: item, concerns: concerned(item) });
      continue;
    }
    const fields = COMPARED_FIELDS.filter((field) => !sameField(old, item, field));
    if (fields.length === 0) continue;
    changes.push({
      kind: fields.some((field) => PLACEMENT.includes(field)) ? 'moved' : 'changed',
      itemId: item.id,
      before: old,
      after: item,
      fields,
      concerns: concerned(old, item),
    });
  }
  for (const item of from) {
    if (!after.has(item.id)) {
      changes.push({ kind: 'cancelled', itemId: item.id, before: item, concerns: concerned(item) });
    }
  }
  return changes.sort(byPlace);
}

function sameField(a: VersionItem, b: VersionItem, field: ComparedField): boolean {
  if (field !== 'holders') return a[field] === b[field];
  return (
    a.holders.length === b.holders.length &&
    a.holders.every((holder, index) => {
      const other = b.holders[index];
      return (
        other !== undefined &&
        holder.role === other.role &&
        holder.personId === other.personId &&
        holder.organizationId === other.organizationId
      );
    })
  );
}

function concerned(...items: VersionItem[]): Concerned {
  const people = new Set<string>();
  const organizations = new Set<string>();
  for (const holder of items.flatMap((item) => item.holders)) {
    if (holder.personId !== null) people.add(holder.personId);
    if (holder.organizationId !== null) organizations.add(holder.organizationId);
  }
  return { personIds: [...people].sort(), organizationIds: [...organizations].sort() };
}

function placeOf(change: ItemChange): number {
  const item = change.kind === 'cancelled' ? change.before : change.after;
  return item.start ?? Number.POSITIVE_INFINITY;
}

function byPlace(a: ItemChange, b: ItemChange): number {
  return placeOf(a) - placeOf(b) || (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0);
}
