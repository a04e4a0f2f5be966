/** An event's life: drafted, published for registration, closed to it, held; or called off. */
export const EVENT_STATUSES = ['draft', 'published', 'closed', 'completed', 'cancelled'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

const NEXT: Record<EventStatus, readonly EventStatus[]> = {
  draft: ['published', 'cancelled'],
  published: ['closed', 'cancelled'],
  closed: ['completed', 'cancelled'],
  completed: [],
  cancelled: [],
};

/** The statuses an event may move to from `from`. */
export function nextStatuses(from: EventStatus): readonly EventStatus[] {
  return NEXT[from];
}

/** The statuses from which an event may move to `to`. */
export function statusesLeadingTo(to: EventStatus): EventStatus[] {
  return EVENT_STATUSES.filter((from) => NEXT[from].includes(to));
}

/** Why an event cannot move from `from` to `to`, or undefined when it may. */
export function transitionRefusal(from: EventStatus, to: EventStatus): string | undefined {
  if (NEXT[from].includes(to)) return undefined;
  const rule =
    'An event moves draft → published → closed → completed, and may be cancelled before it is completed';
  if (from === to) return `The event is already ${to}.`;
  if (NEXT[from].length === 0) return `${rule}; a ${from} event does not change status any more.`;
  return `${rule}; from ${from} it may only become ${NEXT[from].join(' or ')}, not ${to}.`;
}

/** Completed and cancelled events are records: their rooms and sessions no longer change. */
export function isReadOnly(status: EventStatus): boolean {
  return status === 'completed' || status === 'cancelled';
}
