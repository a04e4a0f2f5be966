import { pdfInfo, pdfPageTexts } from '../../../../test/support/pdf-text';
import {
  buildLongRundown,
  buildRundown,
  buildRundownItem,
  buildWitaRundown,
} from '../../../../test/support/rundown';
import { renderPdf } from './pdf';

describe(renderPdf.name, () => {
  it('should write a PDF with the heading, the event and the days when given the workshop', async () => {
    const pdf = await renderPdf(buildRundown());
    const text = (await pdfPageTexts(pdf)).join('\n');

    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(text).toContain('SUSUNAN ACARA');
    expect(text).toContain('28–30 Juni 2022');
    expect(text).toContain('El Royal Hotel, Jakarta Utara');
    expect(text).toContain('Penyelenggara: Pusat Penerangan, Kementerian Dalam Negeri');
    expect(text).toContain('Selasa, 28 Juni 2022');
    expect(text).toContain('Rabu, 29 Juni 2022');
    expect(text).toContain('Kamis, 30 Juni 2022');
    expect(text).toContain('Versi 2, diterbitkan Senin, 27 Juni 2022');
  });

  it('should list the session with its time and role holders when it is 08.00–11.00 WIB', async () => {
    const text = (await pdfPageTexts(await renderPdf(buildRundown()))).join('\n');

    expect(text).toContain('Waktu');
    expect(text).toContain('Keterangan');
    expect(text).toContain('08.00–11.00 WIB');
    expect(text).toContain('Sesi 1: Perencanaan Pengelolaan Media Sosial Pemerintah');
    expect(text).toContain('Narasumber: Tim Grid Story Factory');
    expect(text).toContain('Moderator: Moh Ilham A Hamudy');
    expect(text).toContain('Pejabat: Dr. Drs. H. Suhajar Diantoro, M.Si');
    expect(text).toContain('Pembawa Acara: Rina Marlina');
    expect(text).toContain('ISHOMA');
  });

  it('should number the page when the rundown fits on one', async () => {
    const pages = await pdfPageTexts(await renderPdf(buildRundown()));

    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('Halaman 1 dari 1');
  });

  it('should number every page and repeat the table header when the rundown is long', async () => {
    const pages = await pdfPageTexts(await renderPdf(buildLongRundown(120)));

    expect(pages.length).toBeGreaterThan(3);
    pages.forEach((page, index) => {
      expect(page).toContain(`Halaman ${index + 1} dari ${pages.length}`);
      expect(page).toContain('Acara');
    });
    const text = pages.join('\n');
    for (let number = 1; number <= 120; number += 1) {
      expect(text).toContain(`Diskusi Kelompok ${number}:`);
    }
    expect(text).toContain('Rabu, 29 Juni 2022 (lanjutan)');
  });

  it('should say whose agenda and that it is a draft when the rundown is a person’s working one', async () => {
    const rundown = buildRundown({
      version: null,
      person: { id: 'person-moderator1', name: 'Moh Ilham A Hamudy' },
    });
    const text = (await pdfPageTexts(await renderPdf(rundown))).join('\n');

    expect(text).toContain('Agenda Moh Ilham A Hamudy');
    expect(text).toContain('Draf, per Senin, 27 Juni 2022 pukul 10.00 WIB');
  });

  it('should show WITA times when the event is in Makassar', async () => {
    const text = (await pdfPageTexts(await renderPdf(buildWitaRundown()))).join('\n');

    expect(text).toContain('Selasa, 5 Juli 2022');
    expect(text).toContain('09.00–10.30 WITA');
  });

  it('should give the row a page of its own and cut it with an ellipsis when it cannot fit one', async () => {
    const description = 'Paparan materi dan tanya jawab. '.repeat(400);
    const rundown = buildRundown({
      items: [buildRundownItem({ id: 'panjang', from: '2022-06-29T08:00', description })],
    });
    const pages = await pdfPageTexts(await renderPdf(rundown));

    expect(pages).toHaveLength(2);
    expect(pages[0]).not.toContain('Rabu, 29 Juni 2022');
    expect(pages[1]).toContain('Rabu, 29 Juni 2022');
    expect(pages[1]).toContain('…');
  });

  it('should say that nothing is scheduled when the rundown has no items', async () => {
    const pages = await pdfPageTexts(await renderPdf(buildRundown({ items: [] })));

    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('Belum ada acara yang dijadwalkan.');
    expect(pages[0]).toContain('Halaman 1 dari 1');
  });

  it('should give the same bytes and the metadata when the same rundown is rendered twice', async () => {
    const first = await renderPdf(buildRundown());
    const second = await renderPdf(buildRundown());

    expect(first.equals(second)).toBe(true);
    expect(await pdfInfo(first)).toMatchObject({
      Title: `Susunan Acara: ${buildRundown().event.title}`,
      Author: 'Rakor',
    });
  });
});
