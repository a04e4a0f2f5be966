import QRCode from 'qrcode';
import { QR_QUIET_ZONE, qrModules, qrPng, qrSvg } from './qr';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CODE = '7K3M-Q9TD-2XC';
const URL_PAYLOAD = 'https://rakor.example.go.id/registrasi/7K3M-Q9TD-2XC';

/** Width and height from the PNG's IHDR chunk, which follows the signature. */
function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** The side of the SVG's view box, in modules. */
function svgSide(svg: string): number {
  const match = /^<svg [^>]*viewBox="0 0 (\d+) (\d+)"/.exec(svg);
  if (match === null || match[1] !== match[2])
    throw new Error(`not a square QR SVG: ${svg.slice(0, 80)}`);
  return Number(match[1]);
}

/** The symbol's side in modules at an error correction level, without the quiet zone. */
function modulesAt(payload: string, level: QRCode.QRCodeErrorCorrectionLevel): number {
  return QRCode.create(payload, { errorCorrectionLevel: level }).modules.size;
}

describe(qrPng.name, () => {
  it('should write a 512-pixel square PNG when no width is given', async () => {
    const png = await qrPng(CODE);

    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect(pngSize(png)).toEqual({ width: 512, height: 512 });
  });

  it('should draw at the width asked for when given one', async () => {
    expect(pngSize(await qrPng(CODE, { width: 300 }))).toEqual({ width: 300, height: 300 });
  });

  it('should give the same bytes when the payload is the same', async () => {
    const [first, second] = await Promise.all([qrPng(CODE), qrPng(CODE)]);

    expect(first.equals(second)).toBe(true);
  });

  it('should give different images when the payloads differ', async () => {
    const [first, second] = await Promise.all([qrPng(CODE), qrPng('7K3M-Q9TD-2XX')]);

    expect(first.equals(second)).toBe(false);
  });
});

describe(qrSvg.name, () => {
  it('should write an SVG document with a white background when given a code', async () => {
    const svg = await qrSvg(CODE);

    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" /);
    expect(svg.trimEnd()).toMatch(/<\/svg>$/);
    expect(svg).toContain('fill="#ffffff"');
    expect(svg).not.toMatch(/<svg [^>]*\bwidth=/);
  });

  it('should use correction level M and a quiet zone of 4 modules on each side', async () => {
    // The premise: this payload needs a different symbol size at each neighbouring level.
    expect(
      new Set([
        modulesAt(URL_PAYLOAD, 'L'),
        modulesAt(URL_PAYLOAD, 'M'),
        modulesAt(URL_PAYLOAD, 'Q'),
      ]).size,
    ).toBe(3);

    expect(svgSide(await qrSvg(URL_PAYLOAD))).toBe(modulesAt(URL_PAYLOAD, 'M') + 2 * 4);
  });

  it('should fit a registration code in the smallest symbol, 21 modules', async () => {
    expect(svgSide(await qrSvg(CODE))).toBe(21 + 2 * 4);
  });

  it('should grow with the payload when the payload is longer', async () => {
    const sides = await Promise.all(
      [CODE, URL_PAYLOAD, URL_PAYLOAD.repeat(4)].map(async (payload) =>
        svgSide(await qrSvg(payload)),
      ),
    );

    expect(sides[0]).toBeLessThan(sides[1] ?? 0);
    expect(sides[1]).toBeLessThan(sides[2] ?? 0);
  });

  it('should give the same text when the payload is the same', async () => {
    expect(await qrSvg(URL_PAYLOAD)).toBe(await qrSvg(URL_PAYLOAD));
  });
});

describe(qrModules.name, () => {
  it('should give the square symbol that the SVG draws, without its quiet zone', async () => {
    const modules = qrModules(URL_PAYLOAD);

    expect(modules).toHaveLength(modulesAt(URL_PAYLOAD, 'M'));
    for (const row of modules) expect(row).toHaveLength(modules.length);
    expect(svgSide(await qrSvg(URL_PAYLOAD))).toBe(modules.length + 2 * QR_QUIET_ZONE);
  });

  it('should have the three finder patterns in its corners', () => {
    const modules = qrModules(CODE);
    const last = modules.length - 1;
    /** A finder's outer ring is dark, the ring inside it light, its 3 × 3 centre dark. */
    const finderAt = (top: number, left: number) =>
      [0, 1, 2, 3, 4, 5, 6].map((row) =>
        [0, 1, 2, 3, 4, 5, 6]
          .map((column) => (modules[top + row]?.[left + column] ? '#' : '.'))
          .join(''),
      );
    const finder = ['#######', '#.....#', '#.###.#', '#.###.#', '#.###.#', '#.....#', '#######'];

    expect(finderAt(0, 0)).toEqual(finder);
    expect(finderAt(0, last - 6)).toEqual(finder);
    expect(finderAt(last - 6, 0)).toEqual(finder);
  });
});
