/** The OpenAPI tags, one per area of the API. */
export enum ApiTag {
  Auth = 'Auth',
  Users = 'Users',
  Health = 'Health',
}
