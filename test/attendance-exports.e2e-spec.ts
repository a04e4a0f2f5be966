import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { foldForSearch } from '../src/common/text/search-text';
import {
  neutralizeFormula,
  neutralizeFormulaSql,
  neutralizePhone,
  neutralizePhoneSql,
} from '../src/common/text/spreadsheet';
import { formatLongDay } from '../src/modules/agenda/domain/indonesian-format';
import { maskPhone } from '../src/modules/people/domain/phone';
import { type Delegate, eventWithDelegates } from './support/attendance';
import { createOrganization } from './support/catalog';
import { pdfText } from './support/pdf-text';
import { buildDelegate } from './support/registration';
import { apiRequests, binary, expectProblem, startTestApp, type TestApp } from './support/test-app';

/** A row of the JSON list. */
interface Row {
  no: number;
  displayName: string;
  nip: string | null;
  position: string | null;
  organization: string | null;
  phone: string | null;
  checkedInAt: string | null;
  status: string | null;
}

interface Registration {
  id: string;
  code: string;
  name: string;
  displayName: string;
  nip: string | null;
  position: string | null;
  phone: string | null;
  organization: { id: string; name: string } | null;
}

const STATUS_LABELS: Record<string, string> = {
  hadir: 'Hadir',
  izin: 'Izin',
  diwakili: 'Diwakili',
  tidak_hadir: 'Tidak Hadir',
};
const CSV_HEADER = ['No', 'Nama', 'NIP', 'Jabatan', 'Instansi', 'Telepon', 'Jam Hadir', 'Status'];
/** The printed forms (XLSX, PDF) add a column to sign in. */
const PAPER_HEADER = [...CSV_HEADER, 'Tanda Tangan'];
const BOM = '\uFEFF';

/** A CSV record as RFC 4180 writes it: quoted only when it holds a comma, quote or line break. */
function csvLine(cells: readonly string[]): string {
  return `${cells.map((cell) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)).join(',')}\n`;
}

/** What a CSV line of the row holds: text cells neutralized, the status as its label. */
function csvCells(row: Row): string[] {
  return [
    String(row.no),
    neutralizeFormula(row.displayName),
    neutralizeFormula(row.nip ?? ''),
    neutralizeFormula(row.position ?? ''),
    neutralizeFormula(row.organization ?? ''),
    neutralizePhone(row.phone ?? ''),
    row.checkedInAt ?? '',
    row.status === null ? '' : (STATUS_LABELS[row.status] ?? '?'),
  ];
}

describe('Attendance exports (e2e)', () => {
  let t: TestApp;
  let organizer: string;
  let staff: string;
  let eventId: string;
  let delegates: Delegate[];
  let ministryId: string;
  let formula: Registration;
  let plain: Registration;
  let pembukaan: string;
  let kelasA: string;
  let kelasB: string;
  let registrations: Registration[];
  /** The check-in times the check-ins answered, by registration id. */
  const times = new Map<string, string>();
  /** The export's chain headers before anything was recorded. */
  let emptyChain: { head: unknown; length: unknown };

  const { post, put, get } = apiRequests(
    () => t,
    () => staff,
  );
  const delegate = (index: number) => delegates[index] as Delegate;
  const exportList = (query: Record<string, string>, token = staff) =>
    get(`/events/${eventId}/attendance`, query, token);
  const exportFile = (query: Record<string, string>, token = staff) =>
    exportList(query, token).buffer(true).parse(binary);
  const listJson = async (query: Record<string, string>, token = staff) =>
    (await exportList(query, token).expect(200)).body as Row[];

  beforeAll(async () => {
    t = await startTestApp();
    [organizer, staff] = await Promise.all([t.tokenFor('organizer'), t.tokenFor('staff')]);
    ({ eventId, delegates } = await eventWithDelegates(t, { slug: 'hadir-export', count: 4 }));

    const before = await exportList({ date: '2030-06-29' }).expect(200);
    emptyChain = {
      head: before.headers['rakor-attendance-chain-head'],
      length: before.headers['rakor-attendance-chain-length'],
    };

    // A ministry's delegation, whose delegates write formulas where a name or a position goes.
    ministryId = (
      await createOrganization(t, { kind: 'ministry', name: `Kementerian Uji ${process.pid}` })
    ).id;
    const invitation = (
      await post(
        `/events/${eventId}/invitations`,
        { organizationId: ministryId, seatQuota: 2 },
        organizer,
      ).expect(201)
    ).body as { token: string };
    const register = async (overrides: Record<string, unknown>) =>
      (
        await t.http
          .post(`/api/v1/events/${eventId}/registrations`)
          .send(buildDelegate({ invitationToken: invitation.token, ...overrides }))
          .expect(201)
      ).body as Registration;
    formula = await register({
      name: 'Andi Formula',
      titlesBefore: 'Dr.',
      position: '=1+1',
      workUnit: '@SUM(A1)',
    });
    plain = await register({
      name: 'Budi Biasa',
      position: 'Kepala Bagian "Umum", Sekretariat',
      phone: '+6281311112222',
    });

    const session = async (type: string, title: string, startsAt: string, endsAt: string) =>
      (
        (
          await post(
            `/events/${eventId}/sessions`,
            { type, title, startsAt, endsAt, capacity: 10 },
            organizer,
          ).expect(201)
        ).body as { id: string }
      ).id;
    pembukaan = await session('plenary', 'Pembukaan', '2030-06-29T08:00', '2030-06-29T09:00');
    kelasA = await session('workshop', 'Kelas A', '2030-06-30T08:00', '2030-06-30T11:00');
    kelasB = await session('workshop', 'Kelas B', '2030-06-30T08:00', '2030-06-30T11:00');
    await t.http
      .put(`/api/v1/registrations/${delegate(3).code}/sessions`)
      .send({ sessionIds: [kelasA] })
      .expect(200);

    const checkIn = async (who: Delegate, body: Record<string, unknown>) => {
      const response = await post(`/events/${eventId}/check-ins`, { code: who.code, ...body });
      expect(response.status).toBe(201);
      times.set(who.id, (response.body as { entry: { localTime: string } }).entry.localTime);
    };
    await checkIn(delegate(0), { day: '2030-06-29' });
    await checkIn(delegate(1), { day: '2030-06-29', sessionId: pembukaan });
    await checkIn(delegate(3), { day: '2030-06-30', sessionId: kelasA });
    const setStatus = (registrationId: string, body: Record<string, unknown>) =>
      put(
        `/events/${eventId}/attendance/days/2030-06-29/registrations/${registrationId}`,
        body,
        organizer,
      ).expect(200);
    await setStatus(delegate(2).id, { status: 'izin' });
    await setStatus(formula.id, { status: 'diwakili', representativeName: 'Citra Pengganti' });

    const page = await get(
      `/events/${eventId}/registrations`,
      { status: 'confirmed', limit: '100' },
      organizer,
    ).expect(200);
    registrations = (page.body as { items: Registration[] }).items;
  });
  afterAll(() => t.close());

  /**
   * The rows the list should hold for these registrations, in its order (organization by name,
   * then the folded name and code), numbered, with the statuses and times given.
   */
  function expectedRows(
    ids: readonly string[],
    attendance: Record<string, { status: string; time?: boolean }>,
    phone: 'whole' | 'masked',
  ): Row[] {
    const listed = registrations.filter((registration) => ids.includes(registration.id));
    const key = (r: Registration) => [
      r.organization?.name ?? '',
      `${foldForSearch(r.name)}|${r.code}`,
    ];
    const bytes = (text: string) => Buffer.from(text, 'utf8');
    listed.sort((a, b) => {
      const [ka, kb] = [key(a), key(b)];
      return (
        Buffer.compare(bytes(ka[0] ?? ''), bytes(kb[0] ?? '')) ||
        Buffer.compare(bytes(ka[1] ?? ''), bytes(kb[1] ?? ''))
      );
    });
    return listed.map((registration, index) => {
      const state = attendance[registration.id];
      return {
        no: index + 1,
        displayName: registration.displayName,
        nip: registration.nip,
        position: registration.position,
        organization: registration.organization?.name ?? null,
        phone:
          registration.phone === null
            ? null
            : phone === 'whole'
              ? registration.phone
              : maskPhone(registration.phone),
        checkedInAt: state?.time ? (times.get(registration.id) ?? '?') : null,
        status: state?.status ?? null,
      };
    });
  }

  const everyone = () => registrations.map((registration) => registration.id);
  const dayOne = () => ({
    [delegate(0).id]: { status: 'hadir', time: true },
    [delegate(1).id]: { status: 'hadir', time: true },
    [delegate(2).id]: { status: 'izin' },
    [formula.id]: { status: 'diwakili' },
  });

  it('should list every confirmed delegate of the day with their status and check-in time', async () => {
    expect(registrations).toHaveLength(6);
    const response = await exportList({ date: '2030-06-29' }, organizer).expect(200);

    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.headers['content-disposition']).toBeUndefined();
    expect(response.body).toEqual(expectedRows(everyone(), dayOne(), 'whole'));
    expect((response.body as Row[])[0]?.organization).toBe(`Kementerian Uji ${process.pid}`);
  });

  it('should mask the phone numbers for staff and show them whole to organizers and admins', async () => {
    const masked = await listJson({ date: '2030-06-29' });
    const admin = await listJson({ date: '2030-06-29' }, await t.tokenFor('admin'));

    expect(masked).toEqual(expectedRows(everyone(), dayOne(), 'masked'));
    expect(masked.map((row) => row.phone)).not.toContain('+6281311112222');
    expect(admin).toEqual(expectedRows(everyone(), dayOne(), 'whole'));
  });

  it('should write the CSV with a byte-order mark, the columns and neutralized formulas', async () => {
    const response = await exportFile({ format: 'csv', date: '2030-06-29' }).expect(200);
    const text = (response.body as Buffer).toString('utf8');

    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="daftar-hadir-hadir-export-2030-06-29.csv"',
    );
    const rows = expectedRows(everyone(), dayOne(), 'masked');
    expect(text).toBe(
      BOM + csvLine(CSV_HEADER) + rows.map((row) => csvLine(csvCells(row))).join(''),
    );
    const records = parse<Record<string, string>>(text, { bom: true, columns: true });
    expect(Object.keys(records[0] ?? {})).toEqual(CSV_HEADER);
    const andi = records.find((record) => record.Nama === formula.displayName);
    expect(andi).toMatchObject({ Jabatan: "'=1+1", Status: 'Diwakili', 'Jam Hadir': '' });
    expect(records.find((record) => record.Nama === plain.displayName)).toMatchObject({
      Jabatan: 'Kepala Bagian "Umum", Sekretariat',
      Telepon: maskPhone('+6281311112222'),
      Status: '',
    });
  });

  it('should write the whole phone numbers in the CSV for organizers', async () => {
    const response = await exportFile(
      { format: 'csv', date: '2030-06-29', organizationId: ministryId },
      organizer,
    ).expect(200);
    const records = parse<Record<string, string>>((response.body as Buffer).toString('utf8'), {
      bom: true,
      columns: true,
    });

    expect(records.map((record) => [record.No, record.Nama, record.Telepon])).toEqual([
      ['1', formula.displayName, formula.phone],
      ['2', plain.displayName, '+6281311112222'],
    ]);
  });

  it('should neutralize formulas in SQL exactly as in JavaScript', async () => {
    const tricky = [
      '=1+1',
      '+62812',
      '-1',
      '@SUM(A1)',
      '\t=1',
      '\r=1',
      ' =1',
      'A=B',
      '',
      "'=1",
      'É=1',
      '😀=1',
      '+6281234567890',
      '+62********890',
      '+1+cmd|calc',
      '0812-3456',
      '=',
    ];
    const results: string[][] = [];
    for (const value of tricky) {
      const [row] = await t.dataSource.query<{ formula: string; phone: string }[]>(
        `SELECT ${neutralizeFormulaSql('$1::text')} AS formula, ${neutralizePhoneSql('$1::text')} AS phone`,
        [value],
      );
      results.push([row?.formula ?? '?', row?.phone ?? '?']);
    }

    expect(results).toEqual(
      tricky.map((value) => [neutralizeFormula(value), neutralizePhone(value)]),
    );
  });

  it('should write the XLSX with the header, the chain head and the rows', async () => {
    const response = await exportFile({ format: 'xlsx', date: '2030-06-29' }).expect(200);
    const chain = (await get(`/events/${eventId}/attendance/chain`).expect(200)).body as {
      head: string;
      length: number;
    };
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.read(Readable.from([response.body as Buffer]));
    const sheet = workbook.getWorksheet('Daftar Hadir');
    const cells = (row: number) =>
      Array.from({ length: 9 }, (_, column) => sheet?.getCell(row, column + 1).value ?? null);

    expect(response.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="daftar-hadir-hadir-export-2030-06-29.xlsx"',
    );
    expect([1, 2, 3, 4].map((row) => sheet?.getCell(row, 1).value)).toEqual([
      'DAFTAR HADIR',
      'Rapat Koordinasi hadir-export',
      formatLongDay('2030-06-29', 'id'),
      `Rantai presensi: ${chain.head} (${chain.length} entri)`,
    ]);
    expect(cells(6)).toEqual(PAPER_HEADER);
    const rows = expectedRows(everyone(), dayOne(), 'masked');
    expect(Array.from({ length: rows.length }, (_, index) => cells(7 + index))).toEqual(
      rows.map((row) => [
        row.no,
        ...csvCells(row)
          .slice(1)
          .map((cell) => (cell === '' ? null : cell)),
        null,
      ]),
    );
    expect(sheet?.rowCount).toBe(6 + rows.length);
  });

  it('should write the PDF with the heading, the day, the scope and the rows', async () => {
    const response = await exportFile({ format: 'pdf', sessionId: pembukaan }).expect(200);
    const text = await pdfText(response.body as Buffer);

    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="daftar-hadir-hadir-export-2030-06-29.pdf"',
    );
    for (const expected of [
      'DAFTAR HADIR',
      'Rapat Koordinasi hadir-export',
      formatLongDay('2030-06-29', 'id'),
      'Sesi: Pembukaan',
      `Rantai presensi: ${String(response.headers['rakor-attendance-chain-head'])}`,
      PAPER_HEADER.join(' '),
      formula.displayName,
      `Kementerian Uji ${process.pid}`,
      ...delegates.map((d) => d.displayName),
      times.get(delegate(1).id) ?? '?',
      'Diwakili',
      'Izin',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('should list the session check-ins, with the day status unless the delegate was present that day', async () => {
    const rows = await listJson({ sessionId: pembukaan });

    expect(rows).toEqual(
      expectedRows(
        everyone(),
        {
          [delegate(1).id]: { status: 'hadir', time: true },
          [delegate(2).id]: { status: 'izin' },
          [formula.id]: { status: 'diwakili' },
        },
        'masked',
      ),
    );
    expect(await listJson({ sessionId: pembukaan, date: '2030-06-29' })).toEqual(rows);
  });

  it('should list only those who chose a session when anyone did, else everyone', async () => {
    expect(await listJson({ sessionId: kelasA })).toEqual(
      expectedRows(
        [delegate(3).id],
        { [delegate(3).id]: { status: 'hadir', time: true } },
        'masked',
      ),
    );
    // Delegate 3 was present on the day, in Kelas A, so shows no status for Kelas B.
    expect(await listJson({ sessionId: kelasB, date: '2030-06-30' })).toEqual(
      expectedRows(everyone(), {}, 'masked'),
    );
  });

  it('should list the delegates of one organization or one reporting group', async () => {
    const ministry = [formula.id, plain.id];
    const others = everyone().filter((id) => !ministry.includes(id));

    expect(await listJson({ date: '2030-06-29', organizationId: ministryId })).toEqual(
      expectedRows(ministry, dayOne(), 'masked'),
    );
    expect(await listJson({ date: '2030-06-29', reportingGroup: 'K/L' })).toEqual(
      expectedRows(ministry, dayOne(), 'masked'),
    );
    expect(await listJson({ date: '2030-06-29', reportingGroup: 'Lainnya' })).toEqual(
      expectedRows(others, dayOne(), 'masked'),
    );
    expect(await listJson({ date: '2030-06-29', reportingGroup: 'Pemda' })).toEqual([]);

    const response = await exportFile({
      format: 'pdf',
      date: '2030-06-29',
      reportingGroup: 'K/L',
    }).expect(200);
    const text = await pdfText(response.body as Buffer);
    expect(text).toContain('Kelompok: K/L');
    expect(text).toContain(plain.displayName);
    expect(text).not.toContain(delegate(0).displayName);
  });

  it("should state the chain head the list was read at, as the chain's verification gives it", async () => {
    const chain = (await get(`/events/${eventId}/attendance/chain`).expect(200)).body as {
      head: string;
      length: number;
    };
    expect(chain.length).toBe(5);

    for (const format of ['json', 'csv', 'xlsx', 'pdf']) {
      const response = await exportFile({ format, date: '2030-06-30' }).expect(200);
      expect([format, response.headers['rakor-attendance-chain-head']]).toEqual([
        format,
        chain.head,
      ]);
      expect(response.headers['rakor-attendance-chain-length']).toBe('5');
    }
    expect(emptyChain).toEqual({ head: '0'.repeat(64), length: '0' });
  });

  it('should give the connection back when the reader goes away part way through a long list', async () => {
    const bulk = await eventWithDelegates(t, { slug: 'hadir-massal', count: 1 });
    const first = bulk.delegates[0] as Delegate;
    // 3,000 more delegates, copied in SQL from the first: registering them would take minutes.
    await t.dataSource.query(
      `INSERT INTO registrations
       SELECT (jsonb_populate_record(r, jsonb_build_object(
                 'id', gen_random_uuid(),
                 'code', 'MASSAL' || lpad(g::text, 6, '0'),
                 'code_hash', encode(sha256(convert_to('MASSAL' || g, 'UTF8')), 'hex'),
                 'email', 'massal.' || g || '@example.go.id',
                 'display_name', 'Peserta Massal ' || g,
                 'sort_key', 'peserta massal ' || lpad(g::text, 6, '0')))).*
         FROM registrations r CROSS JOIN generate_series(1, 3000) g
        WHERE r.id = $1`,
      [first.id],
    );
    const server = t.app.getHttpServer();
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, resolve));
    const { port } = server.address() as AddressInfo;
    /** Reads the first bytes of the export, then hangs up. */
    const readSomeAndLeave = (format: string) =>
      new Promise<number>((resolve, reject) => {
        const request = http.get(
          `http://127.0.0.1:${port}/api/v1/events/${bulk.eventId}/attendance?format=${format}&date=2030-06-29`,
          { headers: { authorization: `Bearer ${staff}` } },
          (response) => {
            response.once('data', () => {
              request.destroy();
              resolve(response.statusCode ?? 0);
            });
          },
        );
        request.on('error', (error) => {
          if (!request.destroyed) reject(error);
        });
      });

    for (const format of ['csv', 'xlsx', 'pdf', 'json']) {
      expect([format, await readSomeAndLeave(format)]).toEqual([format, 200]);
    }

    // Over PGlite's one connection, this waits for every export before it to have let go.
    const whole = await get(`/events/${bulk.eventId}/attendance`, {
      format: 'csv',
      date: '2030-06-29',
    })
      .buffer(true)
      .parse(binary)
      .expect(200);
    const lines = (whole.body as Buffer).toString('utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(1 + 3_001);
    expect(lines.at(-1)).toMatch(/^3001,Peserta Massal 3000,/);
    if (process.env.TEST_DATABASE_URL) {
      const inTransaction = async () =>
        (
          await t.dataSource.query<{ n: number }[]>(
            `SELECT count(*)::int AS n FROM pg_stat_activity
              WHERE datname = current_database() AND state LIKE 'idle in transaction%'`,
          )
        )[0]?.n;
      for (let wait = 0; wait < 50 && (await inTransaction()) !== 0; wait++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(await inTransaction()).toBe(0);
    }
  });

  it.each<[string, Record<string, string>, string]>([
    ['an unknown format', { format: 'docx', date: '2030-06-29' }, 'format'],
    ['no date and no session', { format: 'csv' }, 'date'],
    ['a date that does not exist', { date: '2030-02-30' }, 'date'],
    ['a date in another shape', { date: '29-06-2030' }, 'date'],
    ['a session id that is not a UUID', { sessionId: 'pembukaan' }, 'sessionId'],
    [
      'an organization id that is not a UUID',
      { date: '2030-06-29', organizationId: '1' },
      'organizationId',
    ],
    [
      'an unknown reporting group',
      { date: '2030-06-29', reportingGroup: 'Pusat' },
      'reportingGroup',
    ],
    ['an unknown parameter', { date: '2030-06-29', page: '2' }, 'page'],
  ])('should answer 400 naming the field when given %s', async (_case, query, field) => {
    const body = expectProblem(await exportList(query), 400, 'VALIDATION_FAILED');
    expect(body.errors?.map((error) => error.field)).toEqual([field]);
  });

  it('should answer 422 or 404 naming the field when the day, session or organization does not fit', async () => {
    const outside = expectProblem(
      await exportList({ format: 'pdf', date: '2030-07-01' }),
      422,
      'DAY_OUTSIDE_EVENT',
    );
    expect(outside.errors?.map((error) => error.field)).toEqual(['date']);

    const noSession = expectProblem(
      await exportList({ sessionId: randomUUID() }),
      404,
      'SESSION_NOT_FOUND',
    );
    expect(noSession.errors?.map((error) => error.field)).toEqual(['sessionId']);

    const otherDay = expectProblem(
      await exportList({ format: 'csv', sessionId: pembukaan, date: '2030-06-30' }),
      422,
      'SESSION_NOT_ON_DAY',
    );
    expect(otherDay.errors?.map((error) => error.field)).toEqual(['sessionId', 'date']);

    const noOrganization = expectProblem(
      await exportList({ date: '2030-06-29', organizationId: randomUUID() }),
      404,
      'ORGANIZATION_NOT_FOUND',
    );
    expect(noOrganization.errors?.map((error) => error.field)).toEqual(['organizationId']);

    expectProblem(
      await get(`/events/${randomUUID()}/attendance`, { date: '2030-06-29' }),
      404,
      'EVENT_NOT_FOUND',
    );
    expectProblem(
      await t.http.get(`/api/v1/events/${eventId}/attendance`).query({ date: '2030-06-29' }),
      401,
      'TOKEN_MISSING',
    );
    // The export's connection was given back each time: the list still reads.
    expect(await listJson({ date: '2030-06-29', reportingGroup: 'Pemda' })).toEqual([]);
  });
});
