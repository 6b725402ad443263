// bytes → Document. Picks the extractor by sniffing the bytes (never the file extension) and
// dispatches through EXTRACTORS, one entry per format. Formats nobody reads yet fail with an
// ExtractError whose message says, in one sentence, what the file is and what to do.
import type { Document } from './document.ts';
import { ExtractError } from './errors.ts';
import { sniff, type Sniffed, type SniffedFormat } from './sniff.ts';
import { charsetFromContentType, decodeText } from './decode.ts';
import { htmlToDocument } from './html.ts';
import { textToDocument } from './text.ts';
import { mhtHtmlPart } from './mht.ts';
import { gunzipSync } from 'node:zlib';

export { htmlToDocument } from './html.ts';
export type { HtmlMeta } from './html.ts';

export interface ExtractInput {
  name: string;
  contentType?: string;
  /** Read scanned PDFs with tesseract where installed (default false: they are `needs_ocr`). */
  ocr?: boolean;
}

export type Extractor = (bytes: Uint8Array, input: ExtractInput, sniffed: Sniffed) => Document | Promise<Document>;

function extractHtml(bytes: Uint8Array, input: ExtractInput, sniffed: Sniffed): Document {
  let body = bytes;
  let hint = charsetFromContentType(input.contentType);
  if (sniffed.what.includes('MHT')) {
    const part = mhtHtmlPart(bytes);
    if (!part) throw new ExtractError('unreadable', input.name, `${input.name} is a web archive (MHT) without an HTML part; open it in a browser and save it as a web page.`);
    body = part.bytes;
    hint = part.charset ?? hint;
  }
  const decoded = decodeText(body, hint, { html: true });
  const doc = htmlToDocument(decoded.text, { name: input.name, encoding: decoded.encoding });
  if (decoded.via === 'fallback') doc.warnings.push(`encoding guessed as ${decoded.encoding}: neither UTF-8 nor GB18030 decoded cleanly`);
  return doc;
}

function extractText(bytes: Uint8Array, input: ExtractInput): Document {
  const decoded = decodeText(bytes, charsetFromContentType(input.contentType), { html: false });
  const markdown = /\.(md|markdown)$/i.test(input.name) || /markdown/i.test(input.contentType ?? '');
  const doc = textToDocument(decoded.text, { name: input.name, encoding: decoded.encoding, format: markdown ? 'markdown' : 'text' });
  if (decoded.via === 'fallback') doc.warnings.push(`encoding guessed as ${decoded.encoding}: neither UTF-8 nor GB18030 decoded cleanly`);
  return doc;
}

/** Unpacked size a compressed body may reach: the HTML size cap, so a gzip bomb stops early. */
const MAX_GUNZIPPED_BYTES = 50 * 1024 * 1024;

/** A body saved still gzip-compressed (Content-Encoding kept): unpack once and extract what is inside. */
async function extractGzip(bytes: Uint8Array, input: ExtractInput, sniffed: Sniffed): Promise<Document> {
  let inner: Uint8Array;
  try {
    inner = gunzipSync(bytes, { maxOutputLength: MAX_GUNZIPPED_BYTES });
  } catch (err) {
    throw new ExtractError('unreadable', input.name, `${input.name} is ${sniffed.what} that cannot be unpacked (damaged, or larger than 50 MB); fetch it again.`, { cause: err });
  }
  const innerSniffed = sniff(inner);
  if (innerSniffed.format === 'gzip') throw new ExtractError('unsupported', input.name, `${input.name} is gzip inside gzip, not a report ogi can read; unpack it first.`);
  return EXTRACTORS[innerSniffed.format](inner, input, innerSniffed);
}

function refuse(failure: 'unreadable' | 'unsupported', advice: string): Extractor {
  return (_bytes, input, sniffed) => {
    throw new ExtractError(failure, input.name, `${input.name} is ${sniffed.what}, not a report ogi can read; ${advice}`);
  };
}

/**
 * One extractor per sniffed format. PDF and Word extractors are imported on first use, so
 * pdf.js and mammoth stay off the HTML/text hot path.
 */
export const EXTRACTORS: Record<SniffedFormat, Extractor> = {
  html: extractHtml,
  text: extractText,
  // With input.ocr, scanned PDFs are read with tesseract where installed (numbers low-confidence).
  pdf: async (bytes, input) => (await import('./pdf.ts')).extractPdf(bytes, input.name, { ocr: input.ocr ?? false }),
  docx: async (bytes, input) => (await import('./docx.ts')).extractDocx(bytes, input.name),
  doc: async (bytes, input) => (await import('./doc.ts')).extractDoc(bytes, input.name),
  xlsx: refuse('unsupported', 'spreadsheets are not read; publish the report itself (HTML, PDF or Word).'),
  xls: refuse('unsupported', 'spreadsheets are not read; publish the report itself (HTML, PDF or Word).'),
  ole: refuse('unsupported', 'save it as DOCX or PDF and parse that.'),
  zip: refuse('unsupported', 'unpack it (or convert OFD to PDF) and parse the report file inside.'),
  image: refuse('unsupported', 'a scanned report needs OCR before ogi can read it.'),
  gzip: extractGzip,
  empty: refuse('unreadable', 'the download is empty — fetch it again.'),
  binary: refuse('unreadable', 'it is damaged or not a document — fetch it again or check the source.'),
};

export async function extractBytes(bytes: Uint8Array, input: ExtractInput): Promise<Document> {
  const sniffed = sniff(bytes);
  return EXTRACTORS[sniffed.format](bytes, input, sniffed);
}
