import type { SessionRole, SessionType } from '../../sessions/domain/session-kinds';
import { diffVersions, type VersionItem } from './version-diff';

/** A role holder as a version froze it: who, and the name shown at the time. */
export interface PublishedHolder {
  role: SessionRole;
  personId: string | null;
  organizationId: string | null;
  /** The person's display name with titles, or the team's name. */
  name: string;
}

/** One item of a published version: what a diff compares, plus what the outputs show. */
export interface PublishedItem extends VersionItem {
  type: SessionType;
  holders: PublishedHolder[];
  durationMinutes: number;
  /** The local day it is on (or meant for, while unscheduled). */
  day: string | null;
  roomName: string | null;
  /** iCalendar SEQUENCE: how many versions changed the item since it first appeared. */
  sequence: number;
}

/**
 * Gives each item its SEQUENCE against the version before: an item new to this version starts
 * at 0, one that a diff finds moved or changed rises by one, an unchanged one keeps its number.
 */
export function withSequences(
  previous: readonly PublishedItem[],
  items: readonly Omit<PublishedItem, 'sequence'>[],
): PublishedItem[] {
  const before = new Map(previous.map((item) => [item.id, item.sequence]));
  const candidates = items.map((item) => ({ ...item, sequence: 0 }));
  const changed = new Set(
    diffVersions(previous, candidates)
      .filter((change) => change.kind === 'moved' || change.kind === 'changed')
      .map((change) => change.itemId),
  );
  return candidates.map((item) => {
    const sequence = before.get(item.id);
    if (sequence === undefined) return item;
    return { ...item, sequence: changed.has(item.id) ? sequence + 1 : sequence };
  });
}
