import type { AgendaItem } from './agenda-types';

/** Breaks (coffee) and ISHOMA: items that pause the program rather than hold it. */
export function isBreak(item: { type: AgendaItem['type'] }): boolean {
  return item.type === 'break' || item.type === 'meal_prayer';
}

/** The item's persons and organizations, as distinct keys (`p:<id>`, `o:<id>`). */
export function holderKeys(item: AgendaItem): Set<string> {
  const keys = new Set<string>();
  for (const h of item.holders) {
    if (h.personId) keys.add(`p:${h.personId}`);
    if (h.organizationId) keys.add(`o:${h.organizationId}`);
  }
  return keys;
}

/** The list under `key`, created empty on first use: for indexes kept in maps of lists. */
export function listOf<K, V>(map: Map<K, V[]>, key: K): V[] {
  let list = map.get(key);
  if (!list) {
    list = [];
    map.set(key, list);
  }
  return list;
}

/** Adds `value` to the list under `key`. */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  listOf(map, key).push(value);
}
