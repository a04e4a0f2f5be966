import ICAL from 'ical.js';
import type request from 'supertest';
import { pdfText } from './support/pdf-text';
import { createPerson } from './support/catalog';
import { apiRequests, binary, expectProblem, startTestApp, type TestApp } from './support/test-app';

interface Version {
  number: number;
  publishedBy: string | null;
  note: string | null;
  itemCount: number;
  acknowledgedConflicts: { kind: string }[];
  changes: { added: number; moved: number; changed: number; cancelled: number };
}

interface AgendaItem {
  id: string;
  title: string;
  startsAt: string;
  endsAt: string;
  roomName: string | null;
  holders: { role: string; name: string; personId: string | null }[];
  sequence: number;
}

interface Agenda {
  version: number | null;
  person: { id: string; name: string } | null;
  items: AgendaItem[];
}

/** The VEVENTs of an iCalendar text, as ical.js reads them. */
function calendarEvents(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      sequence: event.sequence,
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
    };
  });
}

describe('Agenda publishing and formats (e2e)', () => {
  let t: TestApp;
  let organizer: string;
  let staff: string;

  beforeAll(async () => {
    t = await startTestApp();
    [organizer, staff] = await Promise.all([t.tokenFor('organizer'), t.tokenFor('staff')]);
  });
  afterAll(() => t.close());

  const { post, get, patch, del } = apiRequests(
    () => t,
    () => organizer,
  );
  const anonymous = (path: string) => t.http.get(`/api/v1${path}`);

  /** An event on 28–30 June 2022 whose Sekjen speaks at two overlapping items on 29 June. */
  async function eventWithClash(slug: string) {
    const event = (
      await post('/events', {
        slug,
        title: 'Workshop Pengelolaan Kehumasan',
        timeZone: 'Asia/Jakarta',
        startDate: '2022-06-28',
        endDate: '2022-06-30',
        venue: { name: 'El Royal Hotel', city: 'Jakarta Utara' },
        rooms: [{ name: 'Ballroom', capacity: 200 }],
      }).expect(201)
    ).body as { id: string; rooms: { id: string }[] };
    const sekjen = await createPerson(t, {
      titlesBefore: 'Dr. Drs. H.',
      name: 'Suhajar Diantoro',
      titlesAfter: 'M.Si',
    });
    const moderator = await createPerson(t, { name: 'Moderator Sesi' });
    const item = async (body: object) =>
      (
        (await post(`/events/${event.id}/sessions`, { type: 'workshop', ...body }).expect(201))
          .body as { id: string }
      ).id;
    const sesi1 = await item({
      title: 'Sesi 1: Perencanaan Pengelolaan Media Sosial Pemerintah',
      startsAt: '2022-06-29T08:00',
      endsAt: '2022-06-29T11:00',
      roomId: event.rooms[0]?.id,
      roles: [
        { role: 'speaker', personId: sekjen.id },
        { role: 'moderator', personId: moderator.id },
      ],
    });
    const sesi2 = await item({
      title: 'Sesi 2: Pemetaan dan Strategi Publikasi',
      startsAt: '2022-06-29T10:00',
      endsAt: '2022-06-29T12:00',
      roles: [{ role: 'moderator', personId: sekjen.id }],
    });
    return { eventId: event.id, sekjen, moderator, sesi1, sesi2 };
  }

  it('should refuse to publish over hard conflicts unless acknowledged, and not publish twice unchanged', async () => {
    const { eventId, sesi1, sesi2 } = await eventWithClash('publish-conflicts');
    expectProblem(await anonymous(`/events/${eventId}/agenda`), 404, 'AGENDA_NOT_PUBLISHED');
    const refused = expectProblem(
      await post(`/events/${eventId}/agenda/publish`, {}),
      409,
      'AGENDA_HARD_CONFLICTS',
    );
    expect(refused.errors?.[0]?.field).toBe('acknowledgeConflicts');
    expect(refused.conflicts).toEqual([
      expect.objectContaining({ kind: 'person_double_booked', itemIds: [sesi1, sesi2] }),
    ]);
    expect((await anonymous(`/events/${eventId}/agenda/versions`).expect(200)).body).toEqual({
      versions: [],
    });

    const version = (
      await post(`/events/${eventId}/agenda/publish`, {
        acknowledgeConflicts: true,
        note: 'Versi pertama',
      }).expect(201)
    ).body as Version;
    expect(version).toMatchObject({
      number: 1,
      note: 'Versi pertama',
      itemCount: 2,
      changes: { added: 2, moved: 0, changed: 0, cancelled: 0 },
    });
    expect(version.acknowledgedConflicts.map((c) => c.kind)).toEqual(['person_double_booked']);
    expectProblem(
      await post(`/events/${eventId}/agenda/publish`, { acknowledgeConflicts: true }),
      409,
      'AGENDA_UNCHANGED',
    );
  });

  it('should keep earlier versions readable and list what moved, changed, was added and cancelled', async () => {
    const { eventId, sesi1, sesi2, sekjen } = await eventWithClash('publish-versions');
    await patch(`/events/${eventId}/sessions/${sesi2}`, {
      startsAt: '2022-06-29T13:00',
      endsAt: '2022-06-29T15:00',
    }).expect(200);
    const penutupan = (
      (
        await post(`/events/${eventId}/sessions`, {
          type: 'closing',
          title: 'Penutupan',
          startsAt: '2022-06-30T14:00',
          endsAt: '2022-06-30T14:30',
        }).expect(201)
      ).body as { id: string }
    ).id;
    await post(`/events/${eventId}/agenda/publish`, {}).expect(201);

    // Version 2: Sesi 1 moves, Sesi 2 changes title, the closing is cancelled, a dinner is added.
    await patch(`/events/${eventId}/sessions/${sesi1}`, {
      startsAt: '2022-06-29T08:30',
      endsAt: '2022-06-29T11:30',
    }).expect(200);
    await patch(`/events/${eventId}/sessions/${sesi2}`, { title: 'Sesi 2 (diperbarui)' }).expect(
      200,
    );
    await del(`/events/${eventId}/sessions/${penutupan}`).expect(204);
    const dinner = (
      (
        await post(`/events/${eventId}/sessions`, {
          type: 'other',
          title: 'Makan Malam',
          startsAt: '2022-06-28T19:00',
          endsAt: '2022-06-28T20:00',
        }).expect(201)
      ).body as { id: string }
    ).id;
    await post(`/events/${eventId}/agenda/publish`, {}).expect(201);

    const list = (await anonymous(`/events/${eventId}/agenda/versions`).expect(200)).body as {
      versions: Version[];
    };
    expect(list.versions.map((v) => [v.number, v.changes])).toEqual([
      [2, { added: 1, moved: 1, changed: 1, cancelled: 1 }],
      [1, { added: 3, moved: 0, changed: 0, cancelled: 0 }],
    ]);

    const diff = (await anonymous(`/events/${eventId}/agenda/versions/2/diff?from=1`).expect(200))
      .body as {
      from: number;
      to: number;
      changes: {
        kind: string;
        itemId: string;
        fields: string[];
        before: AgendaItem | null;
        after: AgendaItem | null;
        personIds: string[];
      }[];
    };
    expect(diff.changes.map((c) => [c.kind, c.itemId, c.fields])).toEqual([
      ['added', dinner, []],
      ['moved', sesi1, ['start', 'end']],
      ['changed', sesi2, ['title']],
      ['cancelled', penutupan, []],
    ]);
    const moved = diff.changes[1];
    expect(moved?.before?.startsAt).toBe('2022-06-29T08:00:00+07:00');
    expect(moved?.after?.startsAt).toBe('2022-06-29T08:30:00+07:00');
    expect(moved?.personIds).toContain(sekjen.id);
    // Without `from`, the diff is against the version before; from=0, against nothing.
    expect((await anonymous(`/events/${eventId}/agenda/versions/2/diff`).expect(200)).body).toEqual(
      diff,
    );
    const first = (await anonymous(`/events/${eventId}/agenda/versions/1/diff`).expect(200))
      .body as typeof diff;
    expect(first.changes.map((c) => c.kind)).toEqual(['added', 'added', 'added']);

    const v1 = (await anonymous(`/events/${eventId}/agenda/versions/1`).expect(200)).body as Agenda;
    const latest = (await anonymous(`/events/${eventId}/agenda`).expect(200)).body as Agenda;
    expect(v1.version).toBe(1);
    expect(v1.items.map((i) => i.title)).toEqual([
      'Sesi 1: Perencanaan Pengelolaan Media Sosial Pemerintah',
      'Sesi 2: Pemetaan dan Strategi Publikasi',
      'Penutupan',
    ]);
    expect(latest.version).toBe(2);
    expect(latest.items.map((i) => [i.title, i.sequence])).toEqual([
      ['Makan Malam', 0],
      ['Sesi 1: Perencanaan Pengelolaan Media Sosial Pemerintah', 1],
      ['Sesi 2 (diperbarui)', 1],
    ]);

    // iCalendar: the same UIDs across versions, SEQUENCE rising with the change, times in UTC.
    const ics1 = await anonymous(`/events/${eventId}/agenda/versions/1?format=ics`).expect(200);
    const ics2 = await anonymous(`/events/${eventId}/agenda`)
      .set('Accept', 'text/calendar')
      .expect(200);
    expect(ics2.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const before = calendarEvents(ics1.text);
    const after = calendarEvents(ics2.text);
    const of = (events: typeof before, id: string) => events.find((e) => e.uid === `${id}@rakor`);
    expect(of(before, sesi1)).toMatchObject({ sequence: 0, start: '2022-06-29T01:00:00.000Z' });
    expect(of(after, sesi1)).toMatchObject({ sequence: 1, start: '2022-06-29T01:30:00.000Z' });
    expect(of(after, penutupan)).toBeUndefined();
    expect(after).toHaveLength(3);
  });

  it('should hand the agenda out as PDF, HTML and CSV in Bahasa Indonesia', async () => {
    const { eventId } = await eventWithClash('publish-formats');
    await post(`/events/${eventId}/agenda/publish`, { acknowledgeConflicts: true }).expect(201);

    const pdf = await anonymous(`/events/${eventId}/agenda`)
      .set('Accept', 'application/pdf')
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe(
      'inline; filename="susunan-acara-publish-formats-v1.pdf"',
    );
    const bytes = pdf.body as Buffer;
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = await pdfText(bytes);
    expect(text).toContain('SUSUNAN ACARA');
    expect(text).toContain('Rabu, 29 Juni 2022');
    expect(text).toContain('08.00–11.00 WIB');
    expect(text).toContain('Sesi 1: Perencanaan Pengelolaan Media Sosial Pemerintah');
    expect(text).toContain('Narasumber: Dr. Drs. H. Suhajar Diantoro, M.Si');
    expect(text).toContain('Halaman 1 dari 1');

    const html = await anonymous(`/events/${eventId}/agenda?format=html`).expect(200);
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(html.text).toContain('<html lang="id">');
    expect(html.text).toContain('Rabu, 29 Juni 2022');

    const csv = await anonymous(`/events/${eventId}/agenda?format=csv`).expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8; header=present');
    const lines = csv.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toMatch(/^Tanggal,Hari,Mulai,Selesai/);
    expect(lines.filter((l) => l.startsWith('2022-06-29'))).toHaveLength(2);
  });

  it('should give each person their own calendar of the items they hold a role in', async () => {
    const { eventId, moderator, sesi1 } = await eventWithClash('publish-person');
    await post(`/events/${eventId}/agenda/publish`, { acknowledgeConflicts: true }).expect(201);
    const ics = await anonymous(
      `/events/${eventId}/agenda?personId=${moderator.id}&format=ics`,
    ).expect(200);
    expect(ics.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(calendarEvents(ics.text).map((e) => e.uid)).toEqual([`${sesi1}@rakor`]);
    const json = (await anonymous(`/events/${eventId}/agenda?personId=${moderator.id}`).expect(200))
      .body as Agenda;
    expect(json.person).toEqual({ id: moderator.id, name: 'Moderator Sesi' });
    expect(json.items.map((i) => i.id)).toEqual([sesi1]);
    expectProblem(
      await anonymous(`/events/${eventId}/agenda?personId=00000000-0000-4000-8000-000000000000`),
      404,
      'PERSON_NOT_FOUND',
    );
  });

  it('should let organizers publish, staff read the draft, and everyone read what is published', async () => {
    const { eventId } = await eventWithClash('publish-access');
    expectProblem(
      await post(`/events/${eventId}/agenda/publish`, { acknowledgeConflicts: true }, staff),
      403,
      'ROLE_FORBIDDEN',
    );
    expectProblem(
      await t.http.post(`/api/v1/events/${eventId}/agenda/publish`).send({}),
      401,
      'TOKEN_MISSING',
    );
    expectProblem(await anonymous(`/events/${eventId}/agenda/draft`), 401, 'TOKEN_MISSING');
    const draft = (await get(`/events/${eventId}/agenda/draft`, {}, staff).expect(200))
      .body as Agenda;
    expect(draft.version).toBeNull();
    expect(draft.items).toHaveLength(2);
    await post(`/events/${eventId}/agenda/publish`, { acknowledgeConflicts: true }).expect(201);
    await anonymous(`/events/${eventId}/agenda`).expect(200);
    await anonymous(`/events/${eventId}/agenda/versions/1?format=pdf`).expect(200);
  });

  it('should refuse bad requests with a problem naming what is wrong', async () => {
    const { eventId } = await eventWithClash('publish-bad-input');
    await post(`/events/${eventId}/agenda/publish`, { acknowledgeConflicts: true }).expect(201);
    const field = (response: request.Response, status: number, code: string) =>
      expectProblem(response, status, code).errors?.map((e) => e.field);

    expect(
      field(await anonymous(`/events/${eventId}/agenda?format=xml`), 400, 'VALIDATION_FAILED'),
    ).toEqual(['format']);
    expect(
      field(
        await anonymous(`/events/${eventId}/agenda`).set('Accept', 'image/png'),
        406,
        'AGENDA_FORMAT_NOT_ACCEPTABLE',
      ),
    ).toEqual(['format']);
    expect(
      field(await anonymous(`/events/${eventId}/agenda/versions/0`), 400, 'VALIDATION_FAILED'),
    ).toEqual(['number']);
    expect(
      field(await anonymous(`/events/${eventId}/agenda/versions/satu`), 400, 'VALIDATION_FAILED'),
    ).toEqual(['number']);
    expectProblem(
      await anonymous(`/events/${eventId}/agenda/versions/9`),
      404,
      'AGENDA_VERSION_NOT_FOUND',
    );
    const invalid = async (path: string) =>
      field(await anonymous(`/events/${eventId}${path}`), 400, 'VALIDATION_FAILED');
    expect(await invalid('/agenda/versions/1/diff?from=x')).toEqual(['from']);
    expect(await invalid('/agenda/versions/1/diff?from=-1')).toEqual(['from']);
    expect(await invalid('/agenda?personId=someone')).toEqual(['personId']);
    expectProblem(
      await anonymous(`/events/${eventId}/agenda/versions/3/diff`),
      404,
      'AGENDA_VERSION_NOT_FOUND',
    );
    expectProblem(
      await anonymous(`/events/${eventId}/agenda/versions/1/diff?from=4`),
      404,
      'AGENDA_VERSION_NOT_FOUND',
    );
    expectProblem(
      await anonymous('/events/00000000-0000-4000-8000-000000000000/agenda'),
      404,
      'EVENT_NOT_FOUND',
    );
    expectProblem(
      await anonymous('/events/00000000-0000-4000-8000-000000000000/agenda/versions'),
      404,
      'EVENT_NOT_FOUND',
    );
    expect(
      field(
        await post(`/events/${eventId}/agenda/publish`, { acknowledgeConflicts: 'ya' }),
        400,
        'VALIDATION_FAILED',
      ),
    ).toEqual(['acknowledgeConflicts']);
    expect(
      field(
        await post(`/events/${eventId}/agenda/publish`, { note: 'x'.repeat(501) }),
        400,
        'VALIDATION_FAILED',
      ),
    ).toEqual(['note']);
    // Nothing was published by the refused requests.
    const list = (await anonymous(`/events/${eventId}/agenda/versions`).expect(200)).body as {
      versions: unknown[];
    };
    expect(list.versions).toHaveLength(1);
  });
});
