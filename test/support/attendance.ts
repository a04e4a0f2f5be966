import { buildDelegate, eventWithDelegations } from './registration';
import type { TestApp } from './test-app';

/** A confirmed delegate of an attendance test event. */
export interface Delegate {
  id: string;
  code: string;
  displayName: string;
}

/**
 * A published event on 2030-06-28 to 2030-06-30 (Asia/Jakarta) with `count` confirmed delegates
 * spread over delegations of `perDelegation` seats each, and optionally one more registration that
 * the delegate cancelled.
 */
export async function eventWithDelegates(
  t: TestApp,
  options: {
    slug: string;
    count: number;
    perDelegation?: number;
    settings?: Record<string, unknown>;
  },
): Promise<{ eventId: string; delegates: Delegate[]; cancelled: Delegate }> {
  const perDelegation = options.perDelegation ?? 2;
  const delegations = Math.ceil((options.count + 1) / perDelegation);
  const { eventId, invitations } = await eventWithDelegations(t, {
    slug: options.slug,
    delegations,
    quota: perDelegation,
    settings: options.settings,
  });
  const registered: Delegate[] = [];
  for (let i = 0; i <= options.count; i++) {
    const invitation = invitations[Math.floor(i / perDelegation)];
    const response = await t.http
      .post(`/api/v1/events/${eventId}/registrations`)
      .send(buildDelegate({ invitationToken: invitation?.token }))
      .expect(201);
    const body = response.body as Delegate & { status: string };
    if (body.status !== 'confirmed') throw new Error(`registration ${i} is ${body.status}`);
    registered.push({ id: body.id, code: body.code, displayName: body.displayName });
  }
  const cancelled = registered.pop() as Delegate;
  await t.http.delete(`/api/v1/registrations/${cancelled.code}`).expect(200);
  return { eventId, delegates: registered, cancelled };
}
