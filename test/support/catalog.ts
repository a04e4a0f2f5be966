import type { TestApp } from './test-app';

let built = 0;

export interface PersonInput {
  titlesBefore?: string | null;
  name: string;
  titlesAfter?: string | null;
  position?: string | null;
  organizationId?: string | null;
  nip?: string | null;
  email?: string | null;
  phone?: string | null;
}

/** A valid new-person body; override what the test is about. */
export function buildPerson(overrides: Partial<PersonInput> = {}): PersonInput {
  built += 1;
  return { name: `Peserta ${process.pid} ${built}`, position: 'Analis Kebijakan', ...overrides };
}

/** Creates a person through the API as an organizer; returns the response body. */
export async function createPerson(
  t: TestApp,
  overrides: Partial<PersonInput> = {},
): Promise<{ id: string; displayName: string } & PersonInput> {
  const response = await t.http
    .post('/api/v1/people')
    .auth(await t.tokenFor('organizer'), { type: 'bearer' })
    .send(buildPerson(overrides))
    .expect(201);
  return response.body as { id: string; displayName: string } & PersonInput;
}

export interface OrganizationInput {
  kind: string;
  name: string;
  acronym?: string | null;
  parentId?: string | null;
  regionCode?: string | null;
  timeZone?: string | null;
}

/** Creates an organization through the API as an organizer (an outside team by default). */
export async function createOrganization(
  t: TestApp,
  overrides: Partial<OrganizationInput> = {},
): Promise<{ id: string; name: string } & Record<string, unknown>> {
  built += 1;
  const response = await t.http
    .post('/api/v1/organizations')
    .auth(await t.tokenFor('organizer'), { type: 'bearer' })
    .send({ kind: 'external', name: `Tim ${process.pid} ${built}`, ...overrides })
    .expect(201);
  return response.body as { id: string; name: string } & Record<string, unknown>;
}
