// Turning fetched HTML bytes into text for link discovery: header charset → BOM → <meta> charset →
// strict UTF-8 → GB18030 (older TRS/Hanweb pages are GBK, often with no declaration at all).

const GBK_FAMILY = /^(gb2312|gbk|gb_2312-80|x-gbk|gb18030|cp936)$/i;

function labelFromContentType(contentType: string | undefined): string | undefined {
  const m = contentType?.match(/charset\s*=\s*["']?([\w-]+)/i);
  return m?.[1];
}

function decodeWith(label: string, bytes: Uint8Array): string | undefined {
  const l = GBK_FAMILY.test(label) ? 'gb18030' : label.toLowerCase();
  try {
    return new TextDecoder(l).decode(bytes);
  } catch {
    return undefined; // unknown label
  }
}

export function decodeHtml(bytes: Uint8Array, contentType?: string): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes);
  const header = labelFromContentType(contentType);
  // A header that says UTF-8 on a GBK page is a known lie; only trust it when the bytes agree.
  if (header && !/^utf-?8$/i.test(header)) {
    const text = decodeWith(header, bytes);
    if (text !== undefined) return text;
  }
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const meta = head.match(/<meta[^>]+charset\s*=\s*["']?([\w-]+)/i)?.[1];
  if (meta && !/^utf-?8$/i.test(meta)) {
    const text = decodeWith(meta, bytes);
    if (text !== undefined) return text;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}
