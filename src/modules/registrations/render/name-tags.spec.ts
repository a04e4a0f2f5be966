import { pdfInfo, pdfPageTexts } from '../../../../test/support/pdf-text';
import { NAME_TAG_ROLES, type NameTag, type NameTagSheet, renderNameTags } from './name-tags';

const PRINTED_AT = new Date('2022-06-27T03:00:00Z');
const EVENT_TITLE = 'Workshop Kehumasan Kementerian Dalam Negeri Tahun 2022';

function buildNameTag(overrides: Partial<NameTag> = {}): NameTag {
  return {
    titlesBefore: null,
    name: 'Rina Marlina',
    titlesAfter: 'S.Sos',
    organization: 'Pemerintah Provinsi Aceh',
    position: 'Analis Kebijakan',
    role: 'delegate',
    code: '1234-5678-9AB',
    ...overrides,
  };
}

function buildSheet(tags: NameTag[]): NameTagSheet {
  return { eventTitle: EVENT_TITLE, tags, printedAt: PRINTED_AT };
}

/** Nine delegates, Peserta 1 to Peserta 9, of nine provinces. */
function nineDelegates(): NameTag[] {
  return Array.from({ length: 9 }, (_, index) =>
    buildNameTag({ name: `Peserta Nomor ${index + 1}`, organization: `Provinsi ${index + 1}` }),
  );
}

describe(renderNameTags.name, () => {
  it('should print names with titles, positions, organizations, roles and codes when given tags', async () => {
    const pdf = await renderNameTags(
      buildSheet([
        buildNameTag({
          titlesBefore: 'Dr. Drs. H.',
          name: 'Suhajar Diantoro',
          titlesAfter: 'M.Si',
          organization: 'Kementerian Dalam Negeri',
          position: 'Sekretaris Jenderal',
          role: 'speaker',
          code: '7K3M-Q9TD-2XC',
        }),
        buildNameTag({ position: null }),
        buildNameTag({
          name: 'Moh Ilham A Hamudy',
          titlesAfter: null,
          role: 'moderator',
          organization: 'BSKDN',
        }),
        buildNameTag({
          name: 'Andi Pratama',
          titlesAfter: 'S.H.',
          role: 'organizer',
          organization: 'Pusat Penerangan',
        }),
      ]),
    );
    const [text = ''] = await pdfPageTexts(pdf);

    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(text).toContain('Dr. Drs. H. Suhajar Diantoro, M.Si');
    expect(text).toContain('Sekretaris Jenderal');
    expect(text).toContain('Kementerian Dalam Negeri');
    expect(text).toContain('NARASUMBER');
    expect(text).toContain('7K3M-Q9TD-2XC');
    expect(text).toContain('Rina Marlina, S.Sos');
    expect(text).toContain('Pemerintah Provinsi Aceh');
    expect(text).toContain('PESERTA');
    expect(text).toContain('Moh Ilham A Hamudy');
    expect(text).toContain('MODERATOR');
    expect(text).toContain('Andi Pratama, S.H.');
    expect(text).toContain('PANITIA');
    expect(text).toContain('Workshop Kehumasan');
    expect(text).toContain('Halaman 1 dari 1');
  });

  it('should print every role with its label when each role has a tag', async () => {
    const roles = Object.keys(NAME_TAG_ROLES) as (keyof typeof NAME_TAG_ROLES)[];
    const text = (
      await pdfPageTexts(
        await renderNameTags(buildSheet(roles.map((role) => buildNameTag({ role })))),
      )
    ).join(' ');

    for (const role of roles) expect(text).toContain(NAME_TAG_ROLES[role].label.toUpperCase());
  });

  it('should fill one page when there are eight tags', async () => {
    const pages = await pdfPageTexts(await renderNameTags(buildSheet(nineDelegates().slice(0, 8))));

    expect(pages).toHaveLength(1);
  });

  it('should start a second page for the ninth tag when there are nine', async () => {
    const pages = await pdfPageTexts(await renderNameTags(buildSheet(nineDelegates())));

    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain('Peserta Nomor 8');
    expect(pages[0]).not.toContain('Peserta Nomor 9');
    expect(pages[0]).toContain('Halaman 1 dari 2');
    expect(pages[1]).toContain('Peserta Nomor 9, S.Sos');
    expect(pages[1]).toContain('Provinsi 9');
    expect(pages[1]).toContain('Halaman 2 dari 2');
  });

  it('should keep a long name within its tag when it cannot fit two lines', async () => {
    const name =
      'Raden Mas Muhammad Abdurrahman Wahyu Kusumaningrat Prawirodirdjo Hadiningrat Sasrodiningrat';
    const tags = [
      buildNameTag({
        titlesBefore: 'Prof. Dr. Ir. H.',
        name,
        titlesAfter: 'M.Sc., M.M., M.Si., Ph.D.',
      }),
      buildNameTag({ name: 'Tetangga Sebelah' }),
    ];
    const pages = await pdfPageTexts(await renderNameTags(buildSheet(tags)));

    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('Prof. Dr. Ir. H. Raden Mas Muhammad');
    expect(pages[0]).toContain('…');
    expect(pages[0]).toContain('Analis Kebijakan');
    expect(pages[0]).toContain('Tetangga Sebelah, S.Sos');
  });

  it('should say there is nothing to print when there are no tags', async () => {
    const pages = await pdfPageTexts(await renderNameTags(buildSheet([])));

    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('Tidak ada tanda pengenal untuk dicetak.');
  });

  it('should give the same bytes and the metadata when the same sheet is rendered twice', async () => {
    const first = await renderNameTags(buildSheet(nineDelegates()));
    const second = await renderNameTags(buildSheet(nineDelegates()));

    expect(first.equals(second)).toBe(true);
    expect(await pdfInfo(first)).toMatchObject({
      Title: `Tanda Pengenal: ${EVENT_TITLE}`,
      Author: 'Rakor',
    });
  });
});
