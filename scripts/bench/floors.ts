// The floors: the least work any parser of the same bytes must do, measured in the same run so a
// ratio says how much the real parser adds on this machine today.
// - HTML: bytes decoded (UTF-8, else GB18030), `cheerio.load` with the htmlparser2 back end the
//   extractor itself uses, and `.text()`; cheerio's default byte loader (charset sniffing + parse5)
//   is measured too, as a second reference.
// - text: strict UTF-8 decode (GB18030 fallback) and a split into lines.
// - PDF: pdf.js opening the document and `getTextContent()` of every page, with the CJK character
//   maps the real extractor also needs.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as cheerio from 'cheerio';

/** The primary HTML floor: decode, cheerio.load (htmlparser2), text. */
export function cheerioFloor(bytes: Uint8Array): number {
  const $ = cheerio.load(decodeText(bytes), { xml: { xmlMode: false, decodeEntities: true } });
  return $.root().text().length;
}

/** cheerio's default path: loadBuffer (encoding sniffing + parse5), text. */
export function cheerioParse5Floor(bytes: Uint8Array): number {
  const $ = cheerio.loadBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  return $.root().text().length;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const gb18030 = new TextDecoder('gb18030');

function decodeText(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    return gb18030.decode(bytes);
  }
}

export function textFloor(bytes: Uint8Array): number {
  return decodeText(bytes).split(/\r?\n/).length;
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | undefined;
const pdfRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
export const PDF_OPTIONS = {
  cMapUrl: pathToFileURL(join(pdfRoot, 'cmaps')).href + '/',
  cMapPacked: true,
  standardFontDataUrl: pathToFileURL(join(pdfRoot, 'standard_fonts')).href + '/',
};

/** Text of every page through pdf.js alone; returns the page count. */
export async function pdfFloor(bytes: Uint8Array): Promise<number> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  const lib = await pdfjs;
  const task = lib.getDocument({ data: new Uint8Array(bytes), ...PDF_OPTIONS, isEvalSupported: false, verbosity: 0 });
  const doc = await task.promise;
  try {
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      await page.getTextContent();
      page.cleanup();
    }
    return doc.numPages;
  } finally {
    await task.destroy();
  }
}
