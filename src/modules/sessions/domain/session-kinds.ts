/** What an agenda item is. `meal_prayer` is ISHOMA (istirahat, sholat, makan). */
export const SESSION_TYPES = [
  'opening',
  'remarks',
  'report',
  'keynote',
  'plenary',
  'panel',
  'workshop',
  'discussion',
  'break',
  'meal_prayer',
  'closing',
  'other',
] as const;
export type SessionType = (typeof SESSION_TYPES)[number];

/** What a person or organization does in an agenda item. `official` opens or closes it. */
export const SESSION_ROLES = [
  'speaker',
  'moderator',
  'mc',
  'note_taker',
  'official',
  'reporter',
  'panelist',
] as const;
export type SessionRole = (typeof SESSION_ROLES)[number];
