import {
  buildRundown,
  buildRundownEvent,
  buildRundownItem,
  buildWitaRundown,
  personHolder,
} from '../../../../test/support/rundown';
import { renderHtml } from './html';

/** Every match of a pattern's first group, in document order. */
function allMatches(html: string, pattern: RegExp): string[] {
  return [...html.matchAll(pattern)].map((match) => match[1] ?? '');
}

describe(renderHtml.name, () => {
  it('should write a standalone Indonesian document when given the workshop', () => {
    const html = renderHtml(buildRundown());

    expect(html.startsWith('<!DOCTYPE html>\n<html lang="id">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(allMatches(html, /<title>(.*?)<\/title>/g)).toEqual([
      `Susunan Acara: ${buildRundown().event.title}`,
    ]);
    expect(html).not.toMatch(/<script|<link|<img|src=|href=/i);
    expect(html).toContain('@page');
    expect(html).toContain('content: "Halaman " counter(page) " dari " counter(pages);');
  });

  it('should carry the heading, header lines and footer of the printed rundown when rendered', () => {
    const html = renderHtml(buildRundown());

    expect(allMatches(html, /<h1>(.*?)<\/h1>/g)).toEqual([
      `<span>SUSUNAN ACARA</span> <span>${buildRundown().event.title}</span>`,
    ]);
    expect(html).toContain('<p>28–30 Juni 2022</p>');
    expect(html).toContain('<p>El Royal Hotel, Jakarta Utara</p>');
    expect(html).toContain('<p>Penyelenggara: Pusat Penerangan, Kementerian Dalam Negeri</p>');
    expect(html).toContain('<footer><p>Versi 2, diterbitkan Senin, 27 Juni 2022</p></footer>');
  });

  it('should give each day a heading and a captioned table when the event spans three days', () => {
    const html = renderHtml(buildRundown());

    expect(allMatches(html, /<h2 id="[^"]+"><time datetime="([^"]+)">/g)).toEqual([
      '2022-06-28',
      '2022-06-29',
      '2022-06-30',
    ]);
    expect(allMatches(html, /<h2[^>]*><time[^>]*>(.*?)<\/time><\/h2>/g)).toEqual([
      'Selasa, 28 Juni 2022',
      'Rabu, 29 Juni 2022',
      'Kamis, 30 Juni 2022',
    ]);
    expect(allMatches(html, /<caption[^>]*>(.*?)<\/caption>/g)).toEqual([
      'Susunan acara Selasa, 28 Juni 2022',
      'Susunan acara Rabu, 29 Juni 2022',
      'Susunan acara Kamis, 30 Juni 2022',
    ]);
    expect(allMatches(html, /<th scope="col">(.*?)<\/th>/g)).toEqual(
      Array.from({ length: 3 }, () => ['Waktu', 'Acara', 'Keterangan']).flat(),
    );
  });

  it('should write the session row with its start instant and role holders when it is 08.00–11.00 WIB', () => {
    const html = renderHtml(buildRundown());

    expect(html).toContain(
      '<tr><th scope="row"><time datetime="2022-06-29T08:00:00+07:00">08.00–11.00 WIB</time></th>' +
        '<td><p class="title">Sesi 1: Perencanaan Pengelolaan Media Sosial Pemerintah</p>' +
        '<p class="description">Praktik menyusun rencana konten bulanan.</p></td>' +
        '<td><p>Narasumber: Tim Grid Story Factory</p><p>Moderator: Moh Ilham A Hamudy</p></td></tr>',
    );
    expect(html).toContain(
      '<tr class="break"><th scope="row"><time datetime="2022-06-29T12:00:00+07:00">',
    );
  });

  it('should escape markup when a title, a name or the event holds it', () => {
    const rundown = buildRundown({
      event: buildRundownEvent({ title: 'Rakor <i>Kehumasan</i>' }),
      items: [
        buildRundownItem({
          id: 'jebakan',
          from: '2022-06-29T08:00',
          title: '<script>alert("x")</script> & Sesi',
          holders: [personHolder('speaker', `O'Neil <b>`, 'person-x')],
        }),
      ],
    });
    const html = renderHtml(rundown);

    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<i>');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Sesi');
    expect(html).toContain('Narasumber: O&#39;Neil &lt;b&gt;');
    expect(html).toContain('<title>Susunan Acara: Rakor &lt;i&gt;Kehumasan&lt;/i&gt;</title>');
  });

  it('should say whose agenda and that it is a draft when the rundown is a person’s working one', () => {
    const html = renderHtml(
      buildRundown({ version: null, person: { id: 'person-mc', name: 'Rina Marlina' } }),
    );

    expect(html).toContain('<title>Agenda Rina Marlina: ');
    expect(html).toContain('<p>Agenda Rina Marlina</p>');
    expect(html).toContain('<footer><p>Draf, per Senin, 27 Juni 2022 pukul 10.00 WIB</p></footer>');
  });

  it('should write WITA times and the +08:00 offset when the event is in Makassar', () => {
    const html = renderHtml(buildWitaRundown());

    expect(html).toContain('<time datetime="2022-07-05T09:00:00+08:00">09.00–10.30 WITA</time>');
    expect(html).toContain('Selasa, 5 Juli 2022');
  });

  it('should say that nothing is scheduled when the rundown has no items', () => {
    const html = renderHtml(buildRundown({ items: [] }));

    expect(html).toContain('<main>\n<p>Belum ada acara yang dijadwalkan.</p>\n</main>');
    expect(html).not.toContain('<table>');
  });
});
