/** Staff roles, from the most to the least powerful. */
export const USER_ROLES = ['admin', 'organizer', 'staff'] as const;
export type UserRole = (typeof USER_ROLES)[number];
