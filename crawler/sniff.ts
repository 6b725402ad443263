// Content type from magic bytes: portals mislabel attachments (".doc" that is DOCX, HTML or MHT;
// PDFs served as application/octet-stream), so the archive records what the bytes are.

const MAGIC: Array<[(b: Buffer) => boolean, string]> = [
  [(b) => b.subarray(0, 5).toString('latin1') === '%PDF-', 'application/pdf'],
  [(b) => b.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])), 'zip'],
  [(b) => b.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])), 'application/x-ole-storage'],
  [(b) => b.subarray(0, 5).toString('latin1') === '{\\rtf', 'application/rtf'],
  [(b) => b.subarray(0, 4).toString('latin1') === 'Rar!', 'application/vnd.rar'],
  [(b) => /^MIME-Version:/i.test(b.subarray(0, 200).toString('latin1')), 'multipart/related'],
  [(b) => /^\s*(<!doctype html|<html|<head|<body|<meta|<div|<table|<p[ >])/i.test(stripBom(b).subarray(0, 512).toString('latin1')), 'text/html'],
  [(b) => /^\s*<\?xml/i.test(stripBom(b).subarray(0, 64).toString('latin1')), 'text/xml'],
  [(b) => /^\x89PNG|^\xff\xd8\xff|^GIF8/.test(b.subarray(0, 4).toString('latin1')), 'image'],
];

/** Office formats inside a zip, told apart by the part names near the start of the archive. */
function zipKind(b: Buffer): string {
  const head = b.subarray(0, 4096).toString('latin1');
  if (head.includes('word/')) return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  if (head.includes('xl/')) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  if (head.includes('[Content_Types].xml')) return 'application/vnd.openxmlformats-officedocument';
  if (head.includes('Doc_0/') || head.includes('OFD.xml')) return 'application/ofd';
  return 'application/zip';
}

function stripBom(b: Buffer): Buffer {
  return b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? b.subarray(3) : b;
}

/** The sniffed type, falling back to the header's type (without parameters) when the bytes say nothing. */
export function sniffContentType(body: Buffer, headerType?: string): string {
  for (const [test, type] of MAGIC) {
    if (!test(body)) continue;
    if (type === 'zip') return zipKind(body);
    if (type === 'image') return headerType?.split(';')[0].trim() || 'image';
    return type === 'text/html' && headerType && /xhtml/.test(headerType) ? headerType.split(';')[0].trim() : type;
  }
  return headerType?.split(';')[0].trim() || 'application/octet-stream';
}

/** Text whose links discovery reads: pages, XML answers, and the JSON/JSONP answers of list APIs (jpaas, gkmlpt, TrueCMS). */
export function isHtmlLike(type: string): boolean {
  return /html|xml|json|javascript/.test(type);
}
