/** Delegate fields an event may make required, beyond name and email which always are. */
export const DELEGATE_FIELDS = [
  'titles',
  'employmentType',
  'nip',
  'rankGrade',
  'position',
  'workUnit',
  'phone',
  'nik',
] as const;
export type DelegateField = (typeof DELEGATE_FIELDS)[number];

/** How registration for an event behaves; stored as JSON on the event. */
export interface EventSettings {
  /** Registrations wait for an organizer's approval. */
  approvalRequired: boolean;
  /** A full event or delegation puts further registrations on a waitlist instead of refusing. */
  waitlistEnabled: boolean;
  /** Seats a delegation gets unless its invitation says otherwise. */
  defaultDelegationSeats: number;
  requiredDelegateFields: DelegateField[];
  /**
   * Anyone may register without a delegation's invitation (counted against the event's capacity
   * only). Settings stored before this existed lack it: read it with `isOpenRegistration`.
   */
  openRegistration: boolean;
}

/** Whether the event takes registrations without an invitation; false when never set. */
export function isOpenRegistration(settings: Partial<EventSettings>): boolean {
  return settings.openRegistration === true;
}

export const DEFAULT_EVENT_SETTINGS: EventSettings = {
  approvalRequired: false,
  waitlistEnabled: true,
  defaultDelegationSeats: 2,
  requiredDelegateFields: ['position', 'phone'],
  openRegistration: false,
};

/** The settings an organizer changes; the others stay as they are. */
export type EventSettingsChange = Partial<EventSettings>;

/** Applies a change over settings, keeping fields the change leaves out. */
export function mergeEventSettings(
  base: EventSettings,
  change: EventSettingsChange,
): EventSettings {
  const defined = Object.fromEntries(
    Object.entries(change).filter(([, value]) => value !== undefined),
  ) as EventSettingsChange;
  return { ...base, ...defined };
}
