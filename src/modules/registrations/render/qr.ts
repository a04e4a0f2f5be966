import QRCode from 'qrcode';

/**
 * Error correction M restores up to 15% of the symbol: enough for a creased or smudged name tag,
 * while keeping the modules large for the payloads Rakor encodes (a registration code such as
 * `7K3M-Q9TD-2XC` is all QR alphanumerics and fits the smallest version).
 */
const ERROR_CORRECTION = 'M';
/** The quiet zone the QR standard asks for, in modules; scanners at a door fail without it. */
export const QR_QUIET_ZONE = 4;
/** Pixels: about 4 cm at 300 dpi on paper, and sharp on a phone screen held up to a scanner. */
const DEFAULT_WIDTH = 512;

export interface QrPngOptions {
  /** The image's width and height in pixels. */
  width?: number;
}

/** The payload as a black-on-white QR code in a square PNG, for PDFs and e-mails. */
export async function qrPng(payload: string, options: QrPngOptions = {}): Promise<Buffer> {
  return QRCode.toBuffer(payload, {
    type: 'png',
    errorCorrectionLevel: ERROR_CORRECTION,
    margin: QR_QUIET_ZONE,
    width: options.width ?? DEFAULT_WIDTH,
  });
}

/**
 * The payload as a QR code in SVG, one unit per module and no fixed size, so that a web page
 * scales it to fit (the delegate's page shows it full width on a phone).
 */
export async function qrSvg(payload: string): Promise<string> {
  return QRCode.toString(payload, {
    type: 'svg',
    errorCorrectionLevel: ERROR_CORRECTION,
    margin: QR_QUIET_ZONE,
  });
}

/**
 * The payload's QR symbol as rows of modules, `true` for dark, without the quiet zone: for
 * drawing it as vector shapes, which print sharp at any size. (pdfkit embeds the PNGs that
 * `qrcode` writes, which have an alpha channel, asynchronously, so a PDF with several of them
 * would not come out the same byte for byte.)
 */
export function qrModules(payload: string): boolean[][] {
  const { size, data } = QRCode.create(payload, { errorCorrectionLevel: ERROR_CORRECTION }).modules;
  return Array.from({ length: size }, (_, row) =>
    Array.from(data.subarray(row * size, (row + 1) * size), (module) => module === 1),
  );
}
