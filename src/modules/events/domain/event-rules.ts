import { foldForSearch, searchTextOf } from '../../../common/text/search-text';
import { daysBetween } from '../../../common/time/zoned-time';

/** The longest event, in days counted inclusively. */
export const MAX_EVENT_DAYS = 31;

export const SLUG_MAX_LENGTH = 100;

/** Lower-case ASCII words joined by hyphens, as the database's CK_events_slug allows. */
export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * A slug from a title: accents dropped, case folded, anything but letters and digits turned into
 * hyphens, at most 100 characters cut at a hyphen where one is near. Empty when the title has no
 * Latin letters or digits.
 */
export function slugify(title: string): string {
  const words = foldForSearch(title)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (words.length <= SLUG_MAX_LENGTH) return words;
  const cut = words.slice(0, SLUG_MAX_LENGTH + 1);
  const lastHyphen = cut.lastIndexOf('-');
  const head = lastHyphen >= SLUG_MAX_LENGTH / 2 ? cut.slice(0, lastHyphen) : cut.slice(0, -1);
  return head.replace(/-+$/, '');
}

/**
 * Why these local dates cannot be an event's, or undefined when they can: the end is not before
 * the start, and the event lasts at most 31 days counting both.
 */
export function eventDatesRefusal(startDate: string, endDate: string): string | undefined {
  const days = daysBetween(startDate, endDate) + 1;
  if (days < 1) return `endDate ${endDate} is before startDate ${startDate}.`;
  if (days > MAX_EVENT_DAYS) {
    return `An event lasts at most ${MAX_EVENT_DAYS} days; ${startDate} to ${endDate} is ${days} days.`;
  }
  return undefined;
}

/** Why a registration window cannot be, or undefined when it can: it must close after it opens. */
export function registrationWindowRefusal(
  opensAt: Date | null,
  closesAt: Date | null,
): string | undefined {
  if (opensAt === null || closesAt === null || closesAt > opensAt) return undefined;
  return 'registrationClosesAt must be after registrationOpensAt.';
}

/** The folded name by which rooms of one event must differ ("Ruang Rapat" = "RUANG  rapat"). */
export function roomNameKey(name: string): string {
  const folded = foldForSearch(name);
  return (folded === '' ? name.trim().toLowerCase() : folded).slice(0, 100);
}

/** The index of the first name whose folded form repeats an earlier one, or undefined. */
export function firstRepeatedName(names: readonly string[]): number | undefined {
  const seen = new Set<string>();
  for (const [index, name] of names.entries()) {
    const key = roomNameKey(name);
    if (seen.has(key)) return index;
    seen.add(key);
  }
  return undefined;
}

/** Start date, then slug: events list in the order they happen. */
export function eventSortKey(startDate: string, slug: string): string {
  return `${startDate}|${slug}`;
}

/** What the event search scans: title, slug and venue, folded. */
export function eventSearchText(event: {
  title: string;
  slug: string;
  venueName: string | null;
  venueAddress: string | null;
  venueCity: string | null;
}): string {
  return searchTextOf(
    event.title,
    event.slug,
    event.venueName,
    event.venueCity,
    event.venueAddress,
  );
}
