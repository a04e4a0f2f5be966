import { PDFParse } from 'pdf-parse';

/**
 * The text of each page of a PDF, with runs of whitespace (the line breaks of wrapped lines and
 * cells included) read as one space. pdfkit writes a table cell by cell, so a cell's text stays
 * together.
 */
export async function pdfPageTexts(pdf: Buffer): Promise<string[]> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    const { pages } = await parser.getText();
    return pages.map((page) => page.text.replace(/\s+/g, ' '));
  } finally {
    await parser.destroy();
  }
}

/** The text of the whole PDF, with runs of whitespace read as one space. */
export async function pdfText(pdf: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return (await parser.getText()).text.replace(/\s+/g, ' ');
  } finally {
    await parser.destroy();
  }
}

/** The PDF's document information: Title, Author, Subject and the like. */
export async function pdfInfo(pdf: Buffer): Promise<unknown> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    const { info }: { info?: unknown } = await parser.getInfo();
    return info;
  } finally {
    await parser.destroy();
  }
}
