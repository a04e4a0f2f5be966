/** The OpenAPI tags, one per area of the API. */
export enum ApiTag {
  Auth = 'Auth',
  Users = 'Users',
  Organizations = 'Organizations',
  People = 'People',
  Events = 'Events',
  Sessions = 'Sessions',
  Agenda = 'Agenda',
  Invitations = 'Invitations',
  Registrations = 'Registrations',
  Attendance = 'Attendance',
  Health = 'Health',
}
