// What a file really is, from its bytes. Portals serve ".doc" files that are DOCX, HTML or MHT
// saved by Word, and ".html" URLs that answer with a PDF, so the extension is never trusted.

export type SniffedFormat =
  | 'pdf'
  | 'docx'
  | 'xlsx'
  | 'zip' // another zip container (OFD, pptx, an archive of attachments)
  | 'ole' // OLE2 compound file whose stream we could not name
  | 'doc' // OLE2 holding a WordDocument stream (.doc, Kingsoft .wps)
  | 'xls' // OLE2 holding a Workbook stream (.xls, .et)
  | 'html' // includes Word-saved HTML and MHT (multipart) web archives
  | 'text' // plain text or markdown
  | 'image'
  | 'gzip' // a compressed body stored as it came off the wire
  | 'empty'
  | 'binary'; // anything else: damaged, encrypted or not a document

export interface Sniffed {
  format: SniffedFormat;
  /** A short human name for messages ("a PNG image", "a ZIP archive"). */
  what: string;
}

// Magic numbers at offset 0 (after an optional BOM for the text ones).
const IMAGE_MAGIC: { bytes: number[]; what: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0x42, 0x4d], what: 'a BMP image' },
  { bytes: [0x49, 0x49, 0x2a, 0x00], what: 'a TIFF image' },
  { bytes: [0x4d, 0x4d, 0x00, 0x2a], what: 'a TIFF image' },
];
const OTHER_BINARY_MAGIC: { bytes: number[]; what: string }[] = [
  { bytes: [0x52, 0x61, 0x72, 0x21], what: 'a RAR archive' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], what: 'a 7-Zip archive' },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: 'an RTF document' }, // {\rtf
];

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];

/** How many leading bytes the text/html decisions look at: enough for a long <head>, cheap on 50 MB. */
const HEAD_BYTES = 8192;

function startsWith(bytes: Uint8Array, magic: number[], offset = 0): boolean {
  if (bytes.length < offset + magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[offset + i] !== magic[i]) return false;
  return true;
}

/** Finds an ASCII string anywhere in the bytes (zip directory names, OLE stream names). */
function containsAscii(bytes: Uint8Array, s: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from(s, 'latin1'));
}

/** OLE2 directory entries store names in UTF-16LE. */
function containsUtf16(bytes: Uint8Array, s: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from(s, 'utf16le'));
}

function sniffZip(bytes: Uint8Array): Sniffed {
  // Local file headers and the central directory carry entry names in clear text.
  if (containsAscii(bytes, 'word/document.xml')) return { format: 'docx', what: 'a Word document (DOCX)' };
  if (containsAscii(bytes, 'xl/workbook.xml')) return { format: 'xlsx', what: 'an Excel workbook (XLSX)' };
  if (containsAscii(bytes, 'OFD.xml')) return { format: 'zip', what: 'an OFD document' };
  if (containsAscii(bytes, 'ppt/presentation.xml')) return { format: 'zip', what: 'a PowerPoint presentation (PPTX)' };
  return { format: 'zip', what: 'a ZIP archive' };
}

function sniffOle(bytes: Uint8Array): Sniffed {
  if (containsUtf16(bytes, 'WordDocument')) return { format: 'doc', what: 'a Word 97-2003 / WPS document' };
  if (containsUtf16(bytes, 'Workbook') || containsUtf16(bytes, 'Book')) {
    return { format: 'xls', what: 'an Excel 97-2003 workbook' };
  }
  return { format: 'ole', what: 'an OLE2 compound file (old Office format)' };
}

// Markers that make text HTML. MHT web archives (Word "save as web page") are MIME with an HTML part.
const HTML_MARKERS = /<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s|<table[\s>]|<div[\s>]|<p[\s>]|<title[\s>]/i;
const MHT_MARKERS = /^(mime-version:|content-type:\s*multipart\/related)/im;

/**
 * Share of the head that is not text: C0 control bytes other than tab/newline/CR/FF/ESC, or
 * bytes that form no valid UTF-8 and no valid GB18030 sequence. Text in either encoding stays near 0.
 */
function garbageRatio(head: Uint8Array): number {
  if (head.length === 0) return 0;
  let bad = 0;
  let hasHighByte = false;
  for (let i = 0; i < head.length; i++) {
    const b = head[i];
    if (b >= 0x80) hasHighByte = true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) bad++;
    else if (b === 0x7f || b === 0xff) bad++;
  }
  const controls = bad / head.length;
  if (controls > 0.1 || !hasHighByte) return controls; // pure ASCII decodes cleanly in both
  // Bytes ≥ 0x80: accept when they decode as UTF-8 or as GB18030 without replacement characters.
  // The GB18030 decode is needed only when UTF-8 leaves some (most pages are UTF-8).
  const utf8Bad = countReplacements(UTF8.decode(head));
  // Cutting the head mid-character leaves one replacement at the end; allow a handful.
  const invalid = utf8Bad === 0 ? 0 : Math.min(utf8Bad, countReplacements(GB18030.decode(head)));
  return Math.max(controls, invalid / Math.max(1, head.length / 2));
}

const UTF8 = new TextDecoder('utf-8');
const GB18030 = new TextDecoder('gb18030');

function countReplacements(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\ufffd'); i >= 0; i = s.indexOf('\ufffd', i + 1)) n++;
  return n;
}

/** Sniffs a file from its bytes. `name` is only used for nothing but messages elsewhere. */
export function sniff(bytes: Uint8Array): Sniffed {
  if (bytes.length === 0 || bytes.every((b) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09 || b === 0)) {
    return { format: 'empty', what: 'an empty file' };
  }
  // %PDF may follow a few junk bytes (some servers prepend whitespace or a BOM).
  const pdfAt = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).indexOf('%PDF-');
  if (pdfAt >= 0) return { format: 'pdf', what: 'a PDF document' };
  if (startsWith(bytes, ZIP_MAGIC) || startsWith(bytes, ZIP_EMPTY)) return sniffZip(bytes);
  if (startsWith(bytes, OLE_MAGIC)) return sniffOle(bytes);
  for (const m of IMAGE_MAGIC) if (startsWith(bytes, m.bytes)) return { format: 'image', what: m.what };
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) {
    return { format: 'image', what: 'a WebP image' };
  }
  if (startsWith(bytes, [0x1f, 0x8b, 0x08])) return { format: 'gzip', what: 'gzip-compressed data' };
  for (const m of OTHER_BINARY_MAGIC) if (startsWith(bytes, m.bytes)) return { format: 'binary', what: m.what };

  // UTF-16 text (rare, but Word saves "Unicode text" that way): a BOM decides.
  const utf16 = startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);
  const head = bytes.subarray(0, HEAD_BYTES);
  if (!utf16 && garbageRatio(head) > 0.05) return { format: 'binary', what: 'binary data that is not a document' };

  const headText = utf16
    ? new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(head)
    : Buffer.from(head.buffer, head.byteOffset, head.byteLength).toString('latin1');
  if (MHT_MARKERS.test(headText.slice(0, 2048)) && /text\/html/i.test(headText)) {
    return { format: 'html', what: 'a web archive (MHT)' };
  }
  if (HTML_MARKERS.test(headText)) return { format: 'html', what: 'a web page (HTML)' };
  return { format: 'text', what: 'a text file' };
}
