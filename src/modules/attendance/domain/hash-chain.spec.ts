import fc from 'fast-check';
import {
  canonicalCheckIn,
  chainHash,
  type ChainedCheckIn,
  type CheckInRecord,
  GENESIS_HASH,
  verifyChain,
} from './hash-chain';
import { ATTENDANCE_ACTIONS, ATTENDANCE_STATUSES, CHECK_IN_METHODS } from './attendance';

function buildCheckIn(overrides: Partial<CheckInRecord> = {}): CheckInRecord {
  return {
    id: 'c1',
    eventId: 'e1',
    registrationId: 'r1',
    day: '2022-06-29',
    sessionId: null,
    action: 'check_in',
    method: 'qr',
    status: 'hadir',
    representativeName: null,
    occurredAt: '2022-06-29T01:12:00.000Z',
    staffUserId: 'u1',
    clientScanId: null,
    ...overrides,
  };
}

/** Hashes the records into a chain, each linked to the one before. */
function chain(records: readonly CheckInRecord[]): ChainedCheckIn[] {
  let previous: string | null = null;
  return records.map((record) => {
    const hash = chainHash(previous, record);
    previous = hash;
    return { ...record, hash };
  });
}

const threeCheckIns = () =>
  chain([
    buildCheckIn({ id: 'c1' }),
    buildCheckIn({ id: 'c2', registrationId: 'r2', method: 'code', clientScanId: 'scan-7' }),
    buildCheckIn({ id: 'c3', registrationId: 'r3', sessionId: 's1', method: 'manual' }),
  ]);

describe(canonicalCheckIn.name, () => {
  it('should write the version and the fields in a fixed order when given a record', () => {
    expect(canonicalCheckIn(buildCheckIn({ sessionId: 's1', clientScanId: 'scan-1' }))).toBe(
      '["rakor.check-in.v1","c1","e1","r1","2022-06-29","s1","check_in","qr","hadir",null,"2022-06-29T01:12:00.000Z","u1","scan-1"]',
    );
  });

  it('should not depend on the key order when the record is built in another order', () => {
    const record = buildCheckIn();
    const reversed = Object.fromEntries(Object.entries(record).reverse()) as CheckInRecord;

    expect(canonicalCheckIn(reversed)).toBe(canonicalCheckIn(record));
  });

  it.each([
    ['without milliseconds', '2022-06-29T01:12:00Z'],
    ['with an offset', '2022-06-29T08:12:00+07:00'],
  ])('should hash the same instant alike when it is written %s', (_case, occurredAt) => {
    expect(canonicalCheckIn(buildCheckIn({ occurredAt }))).toBe(canonicalCheckIn(buildCheckIn()));
  });

  it('should refuse a occurredAt that is not an instant', () => {
    expect(() => canonicalCheckIn(buildCheckIn({ occurredAt: 'kemarin' }))).toThrow(RangeError);
  });

  it('should keep a value apart from its neighbour when it holds a quote or a comma', () => {
    const a = buildCheckIn({ id: 'c1","e1', eventId: '' });
    const b = buildCheckIn({ id: 'c1', eventId: '","e1' });

    expect(canonicalCheckIn(a)).not.toBe(canonicalCheckIn(b));
  });
});

describe(chainHash.name, () => {
  it('should give 64 hex digits chained to the genesis hash when there is no previous record', () => {
    const record = buildCheckIn();

    expect(chainHash(null, record)).toMatch(/^[0-9a-f]{64}$/);
    expect(chainHash(null, record)).toBe(chainHash(GENESIS_HASH, record));
  });

  it('should change when the previous hash changes', () => {
    const record = buildCheckIn();

    expect(chainHash('a'.repeat(64), record)).not.toBe(chainHash('b'.repeat(64), record));
  });
});

describe(verifyChain.name, () => {
  it('should accept no records with no head', () => {
    expect(verifyChain([])).toEqual({ ok: true, head: null });
  });

  it('should accept an intact chain with the last hash as its head', () => {
    const records = threeCheckIns();

    expect(verifyChain(records)).toEqual({ ok: true, head: records[2]?.hash });
  });

  it.each<[string, (records: ChainedCheckIn[]) => ChainedCheckIn[], number, string]>([
    [
      'a status is edited',
      (r) => r.map((x, i) => (i === 1 ? { ...x, status: 'izin' } : x)),
      1,
      'c2',
    ],
    [
      'a time is edited',
      (r) => r.map((x, i) => (i === 2 ? { ...x, occurredAt: '2022-06-29T00:00:00.000Z' } : x)),
      2,
      'c3',
    ],
    ['a record is deleted', (r) => [r[0]!, r[2]!], 1, 'c3'],
    ['two records swap places', (r) => [r[1]!, r[0]!, r[2]!], 0, 'c2'],
    [
      'a record is inserted',
      (r) => [r[0]!, { ...buildCheckIn({ id: 'x' }), hash: r[1]!.hash }, r[1]!, r[2]!],
      1,
      'x',
    ],
    [
      'a record is edited and its own hash recomputed',
      (r) => {
        const edited = buildCheckIn({ ...r[1]!, staffUserId: 'u9' });
        return [r[0]!, { ...edited, hash: chainHash(r[0]!.hash, edited) }, r[2]!];
      },
      2,
      'c3',
    ],
  ])('should break where the change is when %s', (_case, tamper, brokenAt, recordId) => {
    expect(verifyChain(tamper(threeCheckIns()))).toEqual({ ok: false, brokenAt, recordId });
  });

  const nullable = (value: fc.Arbitrary<string>) => fc.option(value, { nil: null });
  const instant = fc
    .integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) })
    .map((ms) => new Date(ms).toISOString());
  const checkIn: fc.Arbitrary<CheckInRecord> = fc.record({
    id: fc.uuid(),
    eventId: fc.uuid(),
    registrationId: fc.uuid(),
    day: fc.constantFrom('2022-06-28', '2022-06-29', '2022-06-30'),
    sessionId: nullable(fc.uuid()),
    action: fc.constantFrom(...ATTENDANCE_ACTIONS),
    method: fc.constantFrom(...CHECK_IN_METHODS),
    status: fc.constantFrom(...ATTENDANCE_STATUSES),
    representativeName: nullable(fc.string()),
    occurredAt: instant,
    staffUserId: fc.uuid(),
    clientScanId: nullable(fc.string()),
  });
  const FIELDS = [
    'id',
    'eventId',
    'registrationId',
    'day',
    'sessionId',
    'action',
    'method',
    'status',
    'representativeName',
    'occurredAt',
    'staffUserId',
    'clientScanId',
  ] as const satisfies readonly (keyof CheckInRecord)[];

  it('should break at the changed record when any field of any record changes', () => {
    fc.assert(
      fc.property(
        fc.array(checkIn, { minLength: 1, maxLength: 8 }),
        fc.nat(),
        fc.constantFrom(...FIELDS),
        checkIn,
        (records, at, field, other) => {
          const chained = chain(records);
          const index = at % chained.length;
          const original = chained[index]!;
          fc.pre(
            canonicalCheckIn(original) !== canonicalCheckIn({ ...original, [field]: other[field] }),
          );
          const tampered = chained.map((record, i) =>
            i === index ? { ...record, [field]: other[field] } : record,
          );

          expect(verifyChain(chained)).toEqual({ ok: true, head: chained.at(-1)?.hash });
          expect(verifyChain(tampered)).toEqual({
            ok: false,
            brokenAt: index,
            recordId: tampered[index]!.id,
          });
        },
      ),
    );
  });
});
