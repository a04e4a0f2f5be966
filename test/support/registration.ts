import { createOrganization } from './catalog';
import type { TestApp } from './test-app';

let delegates = 0;

/** A valid registration body for a delegate; override what the test is about. */
export function buildDelegate(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  delegates += 1;
  return {
    titlesBefore: null,
    name: `Delegasi ${process.pid} ${delegates}`,
    titlesAfter: 'S.IP',
    position: 'Analis Kebijakan',
    phone: '0812-3456-7890',
    email: `delegasi.${process.pid}.${delegates}@example.go.id`,
    consent: { dataProcessing: true },
    ...overrides,
  };
}

/** A published event with a capacity, and `count` delegations of `quota` seats each. */
export async function eventWithDelegations(
  t: TestApp,
  options: {
    slug: string;
    capacity?: number | null;
    delegations: number;
    quota: number;
    settings?: Record<string, unknown>;
  },
): Promise<{
  eventId: string;
  invitations: { id: string; token: string; organizationId: string }[];
}> {
  const token = await t.tokenFor('organizer');
  const auth = { type: 'bearer' } as const;
  const event = await t.http
    .post('/api/v1/events')
    .auth(token, auth)
    .send({
      slug: options.slug,
      title: `Rapat Koordinasi ${options.slug}`,
      startDate: '2030-06-28',
      endDate: '2030-06-30',
      capacity: options.capacity ?? null,
      settings: { requiredDelegateFields: ['position'], ...options.settings },
    })
    .expect(201);
  const eventId = (event.body as { id: string }).id;
  await t.http
    .post(`/api/v1/events/${eventId}/status`)
    .auth(token, auth)
    .send({ status: 'published' })
    .expect(200);
  const invitations = [];
  for (let i = 0; i < options.delegations; i++) {
    const organization = await createOrganization(t);
    const invitation = await t.http
      .post(`/api/v1/events/${eventId}/invitations`)
      .auth(token, auth)
      .send({ organizationId: organization.id, seatQuota: options.quota })
      .expect(201);
    const body = invitation.body as { id: string; token: string };
    invitations.push({ id: body.id, token: body.token, organizationId: organization.id });
  }
  return { eventId, invitations };
}
