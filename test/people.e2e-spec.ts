import { createOrganization, createPerson } from './support/catalog';
import { expectProblem, startTestApp, type TestApp } from './support/test-app';

interface Person {
  id: string;
  titlesBefore: string | null;
  name: string;
  titlesAfter: string | null;
  displayName: string;
  position: string | null;
  organization: { id: string; name: string; acronym: string | null } | null;
  nip: string | null;
  email: string | null;
  phone: string | null;
  warnings: { field: string; code: string; message: string }[];
}

describe('People (e2e)', () => {
  let t: TestApp;
  let staff: string;
  let organizer: string;

  beforeAll(async () => {
    t = await startTestApp();
    [staff, organizer] = await Promise.all([t.tokenFor('staff'), t.tokenFor('organizer')]);
  });
  afterAll(() => t.close());

  const post = (body: object) =>
    t.http.post('/api/v1/people').auth(organizer, { type: 'bearer' }).send(body);

  async function search(q: string): Promise<Person[]> {
    const response = await t.http
      .get('/api/v1/people')
      .query({ q })
      .auth(staff, { type: 'bearer' })
      .expect(200);
    return (response.body as { items: Person[] }).items;
  }

  it('should compose the display name the Indonesian way and normalize NIP, email and phone', async () => {
    const kemendagri = await createOrganization(t, { kind: 'ministry', name: 'Kementerian Uji' });
    const response = await post({
      titlesBefore: 'Dr. Drs. H.',
      name: 'Suhajar Diantoro',
      titlesAfter: 'M.Si',
      position: 'Sekretaris Jenderal Kementerian Dalam Negeri',
      organizationId: kemendagri.id,
      nip: '19860926 201505 1 001',
      email: 'Sekjen@Kemendagri.go.id',
      phone: '0812-3456-7890',
    }).expect(201);
    expect(response.body).toEqual({
      id: expect.any(String),
      titlesBefore: 'Dr. Drs. H.',
      name: 'Suhajar Diantoro',
      titlesAfter: 'M.Si',
      displayName: 'Dr. Drs. H. Suhajar Diantoro, M.Si',
      position: 'Sekretaris Jenderal Kementerian Dalam Negeri',
      organization: { id: kemendagri.id, name: 'Kementerian Uji', acronym: null },
      nip: '198609262015051001',
      email: 'sekjen@kemendagri.go.id',
      phone: '+6281234567890',
      warnings: [],
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const fetched = await t.http
      .get(`/api/v1/people/${(response.body as Person).id}`)
      .auth(staff, { type: 'bearer' })
      .expect(200);
    expect(fetched.body).toEqual(response.body);
  });

  it('should accept a disagreement between fields with a warning', async () => {
    const response = await post({
      titlesBefore: 'Hj.',
      name: 'Siti Aminah',
      nip: '198609262015051002',
    }).expect(201);
    expect((response.body as Person).warnings).toEqual([
      {
        field: 'nip',
        code: 'NIP_SEX_DISAGREES_WITH_TITLE',
        message: expect.stringMatching(/^nip /),
      },
    ]);
  });

  it('should find people by any word of their name or titles, ignoring case and accents', async () => {
    const person = await createPerson(t, {
      name: 'Moh Ilham A Hamudy',
      position: 'Pustakawan Ahli Madya',
    });
    for (const q of ['ilham hamudy', 'HAMÚDY', 'pustakawan madya']) {
      expect((await search(q)).map((found) => found.id)).toEqual([person.id]);
    }
  });

  it('should change and clear fields, and list people by name', async () => {
    const person = await createPerson(t, { name: 'Benni Irwan', phone: '081111111111' });
    const changed = await t.http
      .patch(`/api/v1/people/${person.id}`)
      .auth(organizer, { type: 'bearer' })
      .send({ phone: null, titlesAfter: 'S.Sos, M.Si' })
      .expect(200);
    expect(changed.body).toMatchObject({ phone: null, displayName: 'Benni Irwan, S.Sos, M.Si' });

    const names: string[] = [];
    let cursor: string | undefined;
    do {
      const response = await t.http
        .get('/api/v1/people')
        .query({ limit: 2, ...(cursor ? { cursor } : {}) })
        .auth(staff, { type: 'bearer' })
        .expect(200);
      const page = response.body as { items: Person[]; nextCursor: string | null };
      names.push(...page.items.map((item) => item.name.toLowerCase()));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(names).toEqual([...names].sort());
    expect(names.length).toBeGreaterThanOrEqual(4);
  });

  it('should refuse a second person with the same NIP', async () => {
    await createPerson(t, { nip: '199001012019032005' });
    const response = await post({ name: 'Kembar', nip: '199001012019032005' });
    const problem = expectProblem(response, 409, 'PERSON_NIP_TAKEN');
    expect(problem.errors).toEqual([{ field: 'nip', message: expect.any(String) }]);
  });

  it('should delete a person, and filter by organization', async () => {
    const organization = await createOrganization(t);
    const member = await createPerson(t, { organizationId: organization.id });
    const listed = await t.http
      .get('/api/v1/people')
      .query({ organizationId: organization.id })
      .auth(staff, { type: 'bearer' })
      .expect(200);
    expect((listed.body as { items: Person[] }).items.map((person) => person.id)).toEqual([
      member.id,
    ]);
    await t.http
      .delete(`/api/v1/people/${member.id}`)
      .auth(organizer, { type: 'bearer' })
      .expect(204);
    const gone = await t.http.get(`/api/v1/people/${member.id}`).auth(staff, { type: 'bearer' });
    expectProblem(gone, 404, 'PERSON_NOT_FOUND');
  });

  describe('bad input', () => {
    it.each([
      [{}, 'name', null],
      [{ name: '' }, 'name', null],
      [{ name: 'A', nip: '198602302015051001' }, 'nip', /^nip holds birth date 1986-02-30/],
      [{ name: 'A', nip: '19860926201505100' }, 'nip', /^nip must be 18 digits/],
      [{ name: 'A', nip: '198609262015053001' }, 'nip', /^nip holds sex digit 3/],
      [{ name: 'A', nip: 1986092620 }, 'nip', null],
      [{ name: 'A', phone: '12' }, 'phone', /^phone /],
      [{ name: 'A', phone: 'call me' }, 'phone', null],
      [{ name: 'A', email: 'not-an-email' }, 'email', null],
      [{ name: 'A', organizationId: 'x' }, 'organizationId', null],
      [
        { name: 'A', organizationId: '00000000-0000-4000-8000-000000000000' },
        'organizationId',
        null,
      ],
      [{ name: 'A', nik: '3173014107900001' }, 'nik', null],
      [{ name: 'x'.repeat(201) }, 'name', null],
    ])(
      'should refuse %j naming %s, writing nothing',
      async (body, field, message: RegExp | null) => {
        const before = await search('a');
        const response = await post(body);
        expect(response.status).toBe(400);
        const problem = response.body as { errors: { field: string; message: string }[] };
        expect(problem.errors[0]?.field).toBe(field);
        if (message) expect(problem.errors[0]?.message).toMatch(message);
        expect(await search('a')).toEqual(before);
      },
    );

    it('should refuse bad updates and queries', async () => {
      const person = await createPerson(t);
      const badNip = await t.http
        .patch(`/api/v1/people/${person.id}`)
        .auth(organizer, { type: 'bearer' })
        .send({ nip: '198609262015051' });
      expect(expectProblem(badNip, 400, 'VALIDATION_FAILED').errors?.[0]?.field).toBe('nip');
      const badQuery = await t.http
        .get('/api/v1/people')
        .query({ organizationId: 'kemendagri' })
        .auth(staff, { type: 'bearer' });
      expect(expectProblem(badQuery, 400, 'VALIDATION_FAILED').errors?.[0]?.field).toBe(
        'organizationId',
      );
      const unknown = await t.http
        .delete('/api/v1/people/00000000-0000-4000-8000-000000000000')
        .auth(organizer, { type: 'bearer' });
      expectProblem(unknown, 404, 'PERSON_NOT_FOUND');
    });
  });

  it('should let staff read and refuse them writes', async () => {
    const person = await createPerson(t);
    for (const write of [
      t.http.post('/api/v1/people').send({ name: 'X' }),
      t.http.patch(`/api/v1/people/${person.id}`).send({ name: 'Y' }),
      t.http.delete(`/api/v1/people/${person.id}`),
    ]) {
      expectProblem(await write.auth(staff, { type: 'bearer' }), 403, 'ROLE_FORBIDDEN');
    }
    expectProblem(await t.http.get(`/api/v1/people/${person.id}`), 401, 'TOKEN_MISSING');
  });

  it('should read a page of any size in the same number of queries', async () => {
    const organization = await createOrganization(t);
    for (let i = 0; i < 3; i++) await createPerson(t, { organizationId: organization.id });
    const count = async (limit: number) =>
      (
        await t.queriesDuring(() =>
          t.http.get('/api/v1/people').query({ limit }).auth(staff, { type: 'bearer' }).expect(200),
        )
      ).length;
    const [one, three] = [await count(1), await count(3)];
    expect(one).toBe(three);
    expect(three).toBeLessThanOrEqual(2);
  });
});
