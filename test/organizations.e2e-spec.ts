import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createOrganization, createPerson } from './support/catalog';
import { expectProblem, startTestApp, type TestApp } from './support/test-app';

interface Organization {
  id: string;
  kind: string;
  reportingGroup: string;
  name: string;
  acronym: string | null;
  regionCode: string | null;
  timeZone: string | null;
  parent: { id: string; name: string; acronym: string | null } | null;
  validFrom: string | null;
  validTo: string | null;
  source: string;
}

const fixture = JSON.parse(
  readFileSync(join(__dirname, '..', 'demo', 'workshop-kehumasan-2022.json'), 'utf8'),
) as { delegations: { regionalGovernments: { regionCode: string }[] } };

describe('Organizations (e2e)', () => {
  let t: TestApp;
  let staff: string;
  let organizer: string;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    [staff, organizer, admin] = await Promise.all([
      t.tokenFor('staff'),
      t.tokenFor('organizer'),
      t.tokenFor('admin'),
    ]);
  });
  afterAll(() => t.close());

  /** Every organization the query lists, walking all pages. */
  async function listAll(query: Record<string, string>, limit = 200): Promise<Organization[]> {
    const items: Organization[] = [];
    let cursor: string | undefined;
    do {
      const response = await t.http
        .get('/api/v1/organizations')
        .query({ ...query, limit, ...(cursor ? { cursor } : {}) })
        .auth(staff, { type: 'bearer' })
        .expect(200);
      const page = response.body as { items: Organization[]; nextCursor: string | null };
      items.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return items;
  }

  async function byCode(code: string): Promise<Organization> {
    const [organization, ...more] = await listAll({ codePrefix: code, validOn: '2026-11-27' }, 1);
    expect(organization?.regionCode).toBe(code);
    expect(more.every((other) => other.regionCode?.startsWith(`${code}.`))).toBe(true);
    return organization as Organization;
  }

  describe('the seeded regions', () => {
    it('should list the 38 provinces in code order', async () => {
      const provinces = await listAll({ kind: 'province' });
      expect(provinces).toHaveLength(38);
      const codes = provinces.map((province) => province.regionCode);
      expect(codes).toEqual([...codes].sort());
    });

    it('should list the 34 provinces of the reference event on 2022-06-28', async () => {
      const provinces = await listAll({ kind: 'province', validOn: '2022-06-28' });
      expect(provinces.map((province) => province.regionCode)).toEqual(
        fixture.delegations.regionalGovernments.map((region) => region.regionCode),
      );
    });

    it.each([
      ['11', 'Aceh', 'Asia/Jakarta'],
      ['73', 'Sulawesi Selatan', 'Asia/Makassar'],
      ['91', 'Papua', 'Asia/Jayapura'],
    ])('should hold province %s as %s in %s', async (code, name, timeZone) => {
      expect(await byCode(code)).toMatchObject({
        kind: 'province',
        reportingGroup: 'Pemda',
        name,
        timeZone,
        parent: null,
        source: 'catalog',
      });
    });

    it('should hold 11.71 as Kota Banda Aceh under Aceh', async () => {
      const aceh = await byCode('11');
      expect(await byCode('11.71')).toMatchObject({
        kind: 'city',
        name: 'Kota Banda Aceh',
        timeZone: 'Asia/Jakarta',
        parent: { id: aceh.id, name: 'Aceh', acronym: null },
      });
    });

    it('should hold the 514 current regencies and cities, paging through them', async () => {
      const today = '2026-11-27';
      const regencies = await listAll({ kind: 'regency', validOn: today }, 97);
      const cities = await listAll({ kind: 'city', validOn: today }, 97);
      expect(regencies.length + cities.length).toBe(514);
      expect(new Set([...regencies, ...cities].map((region) => region.id)).size).toBe(514);
    });

    it('should show Merauke under Papua in June 2022 and under Papua Selatan today', async () => {
      const then = await listAll({ q: 'merauke', validOn: '2022-06-28' });
      const now = await listAll({ q: 'merauke', validOn: '2026-11-27' });
      expect(then.map((region) => [region.regionCode, region.parent?.name])).toEqual([
        ['91.01', 'Papua'],
      ]);
      expect(now.map((region) => [region.regionCode, region.parent?.name])).toEqual([
        ['93.01', 'Papua Selatan'],
      ]);
      expect(then[0]).toMatchObject({ validFrom: null, validTo: '2022-07-24' });
      expect(now[0]).toMatchObject({ validFrom: '2022-07-25', validTo: null });
      for (const listed of [...then, ...now]) {
        const fetched = await t.http
          .get(`/api/v1/organizations/${listed.id}`)
          .auth(staff, { type: 'bearer' })
          .expect(200);
        expect(listed).toEqual(fetched.body);
      }
    });

    it.each(['banda aceh', 'BANDA ACEH', 'Bânda  Açeh', 'aceh banda', '11.71'])(
      'should find Kota Banda Aceh when searching %j',
      async (q) => {
        const found = await listAll({ q });
        expect(found.map((organization) => organization.name)).toEqual(['Kota Banda Aceh']);
      },
    );

    it('should list the curated ministries and agencies as K/L', async () => {
      const central = await listAll({ group: 'K/L' });
      expect(central.length).toBeGreaterThanOrEqual(23);
      expect(central.find((organization) => organization.acronym === 'Kemendagri')).toMatchObject({
        kind: 'ministry',
        name: 'Kementerian Dalam Negeri',
      });
      const names = central.map((organization) => organization.name.toLowerCase());
      expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
    });
  });

  describe('organizations that organizers add', () => {
    it('should add a unit under a ministry, counting with it', async () => {
      const [kemendagri] = await listAll({ q: 'Kemendagri', kind: 'ministry' });
      const response = await t.http
        .post('/api/v1/organizations')
        .auth(organizer, { type: 'bearer' })
        .send({
          kind: 'unit',
          name: 'Pusat Penerangan',
          acronym: 'Puspen',
          parentId: kemendagri?.id,
        })
        .expect(201);
      expect(response.body).toMatchObject({
        kind: 'unit',
        reportingGroup: 'K/L',
        name: 'Pusat Penerangan',
        acronym: 'Puspen',
        regionCode: null,
        parent: { id: kemendagri?.id, name: 'Kementerian Dalam Negeri', acronym: 'Kemendagri' },
        source: 'organizer',
      });
      const fetched = await t.http
        .get(`/api/v1/organizations/${(response.body as Organization).id}`)
        .auth(staff, { type: 'bearer' })
        .expect(200);
      expect(fetched.body).toEqual(response.body);
      // A list shows it as a read of it does.
      expect(await listAll({ q: 'pusat penerangan', kind: 'unit' })).toEqual([fetched.body]);
    });

    it("should put a regency given only its code under its province, in the province's zone", async () => {
      const response = await t.http
        .post('/api/v1/organizations')
        .auth(organizer, { type: 'bearer' })
        .send({ kind: 'regency', name: 'Kabupaten Percobaan', regionCode: '73.99' })
        .expect(201);
      expect(response.body).toMatchObject({
        reportingGroup: 'Pemda',
        timeZone: 'Asia/Makassar',
        parent: { name: 'Sulawesi Selatan' },
      });
    });

    it('should refuse a second current holder of a region code', async () => {
      const response = await t.http
        .post('/api/v1/organizations')
        .auth(organizer, { type: 'bearer' })
        .send({ kind: 'province', name: 'Aceh Baru', regionCode: '11' });
      const problem = expectProblem(response, 409, 'ORGANIZATION_CODE_TAKEN');
      expect(problem.errors).toEqual([{ field: 'regionCode', message: expect.any(String) }]);
    });

    it('should change an organization the organizer added, and refuse a parent cycle', async () => {
      const outer = await createOrganization(t, { kind: 'external', name: 'Tim Luar' });
      const inner = await createOrganization(t, {
        kind: 'unit',
        name: 'Tim Dalam',
        parentId: outer.id,
      });
      const renamed = await t.http
        .patch(`/api/v1/organizations/${outer.id}`)
        .auth(organizer, { type: 'bearer' })
        .send({ name: 'Tim Grid Story Factory', acronym: null })
        .expect(200);
      expect(renamed.body).toMatchObject({ name: 'Tim Grid Story Factory', acronym: null });
      const cycle = await t.http
        .patch(`/api/v1/organizations/${outer.id}`)
        .auth(organizer, { type: 'bearer' })
        .send({ kind: 'unit', parentId: inner.id });
      const problem = expectProblem(cycle, 400, 'ORGANIZATION_PARENT_CYCLE');
      expect(problem.errors).toEqual([{ field: 'parentId', message: expect.any(String) }]);
      const unchanged = await t.http
        .get(`/api/v1/organizations/${outer.id}`)
        .auth(staff, { type: 'bearer' })
        .expect(200);
      expect(unchanged.body).toMatchObject({ kind: 'external', parent: null });
    });

    it('should let only administrators change catalog organizations', async () => {
      const aceh = await byCode('11');
      const refused = await t.http
        .patch(`/api/v1/organizations/${aceh.id}`)
        .auth(organizer, { type: 'bearer' })
        .send({ acronym: 'NAD' });
      expectProblem(refused, 403, 'ORGANIZATION_CATALOG_ADMIN_ONLY');
      const changed = await t.http
        .patch(`/api/v1/organizations/${aceh.id}`)
        .auth(admin, { type: 'bearer' })
        .send({ acronym: 'NAD' })
        .expect(200);
      expect(changed.body).toMatchObject({ name: 'Aceh', acronym: 'NAD', source: 'catalog' });
    });

    it('should delete an unused organization, and refuse one in use or from the catalog', async () => {
      const unused = await createOrganization(t);
      await t.http
        .delete(`/api/v1/organizations/${unused.id}`)
        .auth(organizer, { type: 'bearer' })
        .expect(204);
      await t.http
        .get(`/api/v1/organizations/${unused.id}`)
        .auth(staff, { type: 'bearer' })
        .expect(404);

      const used = await createOrganization(t);
      await createPerson(t, { organizationId: used.id });
      const inUse = await t.http
        .delete(`/api/v1/organizations/${used.id}`)
        .auth(organizer, { type: 'bearer' });
      expectProblem(inUse, 409, 'ORGANIZATION_IN_USE');

      const aceh = await byCode('11');
      const catalog = await t.http
        .delete(`/api/v1/organizations/${aceh.id}`)
        .auth(admin, { type: 'bearer' });
      expectProblem(catalog, 409, 'ORGANIZATION_FROM_CATALOG');
    });
  });

  describe('bad input', () => {
    it.each([
      [{ name: 'Tanpa Jenis' }, 'kind'],
      [{ kind: 'kementerian', name: 'X' }, 'kind'],
      [{ kind: 'external' }, 'name'],
      [{ kind: 'external', name: '   ' }, 'name'],
      [{ kind: 'ministry', name: 'X', regionCode: '11' }, 'regionCode'],
      [{ kind: 'province', name: 'X', regionCode: '1' }, 'regionCode'],
      [{ kind: 'city', name: 'X', regionCode: '11.7' }, 'regionCode'],
      [{ kind: 'unit', name: 'Biro Tanpa Induk' }, 'parentId'],
      [{ kind: 'external', name: 'X', parentId: 'not-a-uuid' }, 'parentId'],
      [
        { kind: 'external', name: 'X', parentId: '00000000-0000-4000-8000-000000000000' },
        'parentId',
      ],
      [{ kind: 'external', name: 'X', timeZone: 'Asia/Bandung' }, 'timeZone'],
      [{ kind: 'external', name: 'X', validFrom: '2022-02-30' }, 'validFrom'],
      [{ kind: 'external', name: 'X', validFrom: '2022-07-01', validTo: '2022-06-30' }, 'validTo'],
      [{ kind: 'external', name: 'X', reportingGroup: 'KL' }, 'reportingGroup'],
      [{ kind: 'external', name: 'X', colour: 'red' }, 'colour'],
    ])('should refuse %j naming %s, writing nothing', async (body, field) => {
      const before = await listAll({ source: 'organizer' });
      const response = await t.http
        .post('/api/v1/organizations')
        .auth(organizer, { type: 'bearer' })
        .send(body);
      expect(response.status).toBe(400);
      const problem = response.body as { errors: { field: string }[] };
      expect(problem.errors.map((error) => error.field)).toContain(field);
      expect(await listAll({ source: 'organizer' })).toEqual(before);
    });

    it.each([
      [{ kind: 'province' }, 'kind'],
      [{ group: 'KL' }, 'group'],
      [{ codePrefix: 'aceh' }, 'codePrefix'],
      [{ validOn: '2022-13-01' }, 'validOn'],
      [{ parentId: '42' }, 'parentId'],
      [{ limit: '0' }, 'limit'],
      [{ cursor: 'garbage' }, 'cursor'],
      [{ sort: 'name' }, 'sort'],
    ])('should refuse the query %j naming %s', async (query, field) => {
      const response = await t.http
        .get('/api/v1/organizations')
        .query(field === 'kind' ? { kind: 'provinsi' } : query)
        .auth(staff, { type: 'bearer' });
      expect(response.status).toBe(400);
      const problem = response.body as { errors: { field: string }[] };
      expect(problem.errors.map((error) => error.field)).toContain(field);
    });

    it('should refuse a bad id and an unknown one', async () => {
      const bad = await t.http.get('/api/v1/organizations/42').auth(staff, { type: 'bearer' });
      expectProblem(bad, 400, 'VALIDATION_FAILED');
      const unknown = await t.http
        .patch('/api/v1/organizations/00000000-0000-4000-8000-000000000000')
        .auth(organizer, { type: 'bearer' })
        .send({ name: 'X' });
      expectProblem(unknown, 404, 'ORGANIZATION_NOT_FOUND');
    });
  });

  describe('access', () => {
    it('should let staff read and refuse them writes', async () => {
      const someone = await createOrganization(t);
      const writes = [
        t.http.post('/api/v1/organizations').send({ kind: 'external', name: 'X' }),
        t.http.patch(`/api/v1/organizations/${someone.id}`).send({ name: 'Y' }),
        t.http.delete(`/api/v1/organizations/${someone.id}`),
      ];
      for (const write of writes)
        expectProblem(await write.auth(staff, { type: 'bearer' }), 403, 'ROLE_FORBIDDEN');
      expectProblem(await t.http.get('/api/v1/organizations'), 401, 'TOKEN_MISSING');
    });
  });

  it('should read a page of any size in the same number of queries', async () => {
    const count = async (limit: number) =>
      (
        await t.queriesDuring(() =>
          t.http
            .get('/api/v1/organizations')
            .query({ codePrefix: '11', limit })
            .auth(staff, { type: 'bearer' })
            .expect(200),
        )
      ).length;
    const [one, three] = [await count(1), await count(3)];
    expect(one).toBe(three);
    expect(three).toBeLessThanOrEqual(2);
  });
});
