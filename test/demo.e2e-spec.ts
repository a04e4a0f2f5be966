import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_EVENT_SLUG, loadReferenceWorkshop } from '../src/demo/reference-workshop';
import { provisionDatabase } from './support/test-database';
import { startService } from './support/service-process';
import { ADMIN, startTestApp, TEST_SECRET, type TestApp } from './support/test-app';

const DEMO_CLI = join(__dirname, '..', 'dist', 'src', 'cli', 'demo.js');

interface Session {
  title: string;
  type: string;
  day: string | null;
  startsAt: string | null;
  endsAt: string | null;
  durationMinutes: number;
  room: { name: string } | null;
  roles: {
    role: string;
    person: { displayName: string } | null;
    organization: { name: string } | null;
  }[];
}

/** Runs `npm run demo`'s program (built by `npm test`) against a database, as an operator would. */
function runDemoCli(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [DEMO_CLI], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', AUTH_SECRET: TEST_SECRET, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, output })));
}

describe('Demo data (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  /** Every row of the catalog's tables, so that a second load can be shown to change nothing. */
  async function snapshot(): Promise<unknown[]> {
    const tables = [
      'organizations',
      'people',
      'events',
      'rooms',
      'sessions',
      'session_role_holders',
      'agenda_plans',
      'agenda_versions',
      'invitations',
      'event_seats',
      'registrations',
      'check_ins',
      'attendance_days',
      'attendance_chains',
    ];
    return Promise.all(
      tables.map((table) => t.dataSource.query(`SELECT * FROM ${table} ORDER BY 1`)),
    );
  }

  it('should load the workshop with its nine program items and role holders, once', async () => {
    const first = await loadReferenceWorkshop(t.app);
    expect(first.created).toEqual({ organizations: 3, people: 4, events: 1, sessions: 9 });
    expect(first.participants).toEqual({ ministriesAndAgencies: 23, regionalGovernments: 34 });
    expect(first.agenda).toEqual({ created: true, version: 1 });
    expect(first.delegations).toEqual({ created: true, invitations: 57, registrations: 4 });
    // 12 scans (one of them a check-out) and 3 statuses set by the organizer.
    expect(first.attendance).toEqual({ recorded: 15, chainLength: 15 });

    const before = await snapshot();
    const second = await loadReferenceWorkshop(t.app);
    expect(second.created).toEqual({ organizations: 0, people: 0, events: 0, sessions: 0 });
    expect(second.found).toEqual({ organizations: 26, people: 4, events: 1, sessions: 9 });
    expect(second.eventId).toBe(first.eventId);
    expect(second.agenda).toEqual({ created: false, version: 1 });
    expect(second.delegations).toEqual({ created: false, invitations: 57, registrations: 4 });
    expect(second.attendance).toEqual({ recorded: 0, chainLength: 15 });
    expect(await snapshot()).toEqual(before);

    const token = await t.tokenFor('staff');
    const event = await t.http
      .get(`/api/v1/events/${first.eventId}`)
      .auth(token, { type: 'bearer' })
      .expect(200);
    expect(event.body).toMatchObject({
      slug: DEMO_EVENT_SLUG,
      organizer: { name: 'Pusat Penerangan', acronym: 'Puspen Kemendagri' },
      venue: { name: 'El Royal Hotel', city: 'Jakarta Utara' },
      timeZone: 'Asia/Jakarta',
      startDate: '2022-06-28',
      endDate: '2022-06-30',
      status: 'published',
      rooms: [{ name: 'Ballroom', capacity: 200 }],
    });

    const response = await t.http
      .get(`/api/v1/events/${first.eventId}/sessions`)
      .auth(token, { type: 'bearer' })
      .expect(200);
    const sessions = (response.body as { items: Session[] }).items;
    const holders = (session: Session | undefined) =>
      session?.roles.map((holder) => [
        holder.role,
        holder.person?.displayName ?? holder.organization?.name,
      ]);
    // The generated rundown: the nine program items with two coffee breaks and ISHOMA each day.
    expect(
      sessions.map((session) => [
        session.type,
        session.startsAt?.slice(0, 16),
        session.endsAt?.slice(11, 16),
        session.durationMinutes,
      ]),
    ).toEqual([
      ['report', '2022-06-28T19:00', '19:15', 15],
      ['opening', '2022-06-28T19:15', '19:45', 30],
      ['discussion', '2022-06-28T19:45', '21:15', 90],
      ['workshop', '2022-06-29T08:00', '11:00', 180],
      ['break', '2022-06-29T11:00', '11:15', 15],
      ['meal_prayer', '2022-06-29T12:00', '13:00', 60],
      ['workshop', '2022-06-29T13:00', '16:00', 180],
      ['workshop', '2022-06-30T08:00', '09:30', 90],
      ['workshop', '2022-06-30T09:30', '11:00', 90],
      ['break', '2022-06-30T11:00', '11:15', 15],
      ['meal_prayer', '2022-06-30T12:00', '13:00', 60],
      ['workshop', '2022-06-30T13:00', '14:00', 60],
      ['closing', '2022-06-30T14:00', '14:30', 30],
    ]);
    expect(sessions[0]).toMatchObject({
      title: 'Laporan Kepala Pusat Penerangan Kemendagri',
      room: { name: 'Ballroom' },
    });
    const program = sessions.filter((s) => s.type !== 'break' && s.type !== 'meal_prayer');
    expect(holders(program[0])).toEqual([['reporter', 'Benni Irwan']]);
    expect(holders(program[1])).toEqual([['official', 'Dr. Drs. H. Suhajar Diantoro, M.Si']]);
    expect(holders(program[2])).toEqual([['speaker', 'Dr. Drs. H. Suhajar Diantoro, M.Si']]);
    expect(holders(program[3])).toEqual([
      ['speaker', 'Tim Grid Story Factory'],
      ['moderator', 'Moh Ilham A Hamudy'],
    ]);

    // The delegations: two seats each; Muhammad Iswanto registered for Aceh.
    const aceh = await t.http
      .get(`/api/v1/events/${first.eventId}/registrations`)
      .query({ q: 'iswanto' })
      .auth(token, { type: 'bearer' })
      .expect(200);
    expect((aceh.body as { items: unknown[] }).items).toEqual([
      expect.objectContaining({
        displayName: 'Muhammad Iswanto, SSTP MM',
        status: 'confirmed',
        organization: expect.objectContaining({ name: 'Aceh' }),
      }),
    ]);

    // The sample delegates' attendance, in a valid chain: Muhammad Iswanto came all three days.
    const chain = await t.http
      .get(`/api/v1/events/${first.eventId}/attendance/chain`)
      .auth(token, { type: 'bearer' })
      .expect(200);
    expect(chain.body).toMatchObject({ valid: true, length: 15 });
    const iswanto = await t.dataSource.query<{ day: string; status: string }[]>(
      `SELECT to_char(d.day, 'YYYY-MM-DD') AS day, d.status FROM attendance_days d
         JOIN registrations r ON r.id = d.registration_id
        WHERE r.email = 'muhammad.iswanto@example.com' ORDER BY d.day`,
    );
    expect(iswanto).toEqual([
      { day: '2022-06-28', status: 'hadir' },
      { day: '2022-06-29', status: 'hadir' },
      { day: '2022-06-30', status: 'hadir' },
    ]);

    // Published as version 1, readable by anyone.
    const agenda = await t.http.get(`/api/v1/events/${first.eventId}/agenda`).expect(200);
    expect(agenda.body).toMatchObject({ version: 1 });
    expect((agenda.body as { items: unknown[] }).items).toHaveLength(13);
  });

  it('should load through `npm run demo` into the configured database, twice alike', async () => {
    const database = await provisionDatabase();
    try {
      const first = await runDemoCli(database.env);
      expect(first).toEqual({
        code: 0,
        output: expect.stringContaining('created: 3 organizations, 4 people, 1 events, 9 sessions'),
      });
      const second = await runDemoCli(database.env);
      expect(second).toEqual({
        code: 0,
        output: expect.stringContaining('created: 0 organizations, 0 people, 0 events, 0 sessions'),
      });
    } finally {
      await database.drop();
    }
  });

  it('should migrate a new embedded database before loading', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rakor-demo-'));
    try {
      const run = await runDemoCli({ DATA_DIR: join(dir, 'data') });
      expect(run).toEqual({
        code: 0,
        output: expect.stringContaining('taking part: 23 ministries and agencies, 34 provinces'),
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('should load the workshop at start when DEMO_DATA is true', async () => {
    const database = await provisionDatabase();
    const service = startService({
      ...database.env,
      DEMO_DATA: 'true',
      AUTH_SECRET: TEST_SECRET,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
    });
    try {
      const base = await service.listening();
      const login = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(ADMIN),
      });
      const { accessToken } = (await login.json()) as { accessToken: string };
      const events = await fetch(`${base}/api/v1/events?q=${DEMO_EVENT_SLUG}`, {
        headers: { authorization: `Bearer ${accessToken}` },
      });
      const page = (await events.json()) as { items: { slug: string }[] };
      expect(page.items.map((event) => event.slug)).toEqual([DEMO_EVENT_SLUG]);
      expect(service.output()).toContain('Reference workshop ready');
    } finally {
      await service.stop();
      await database.drop();
    }
  });
});
