// Bytes → text for HTML and plain-text sources. Chinese portals mix UTF-8 and GBK, often say
// nothing about it and sometimes lie (a template declares utf-8, the article body was pasted as
// GBK). Order: HTTP header hint → BOM → <meta> prescan → strict UTF-8 → GB18030, and any declared
// or hinted decoding that yields replacement characters loses to one that yields none.

export interface Decoded {
  text: string;
  /** WHATWG encoding name actually used, e.g. "utf-8", "gb18030", "big5", "utf-16le". */
  encoding: string;
  /** How the encoding was chosen, for warnings and debugging. */
  via: 'header' | 'bom' | 'meta' | 'utf8' | 'gb18030' | 'fallback';
}

/** Labels seen on Chinese portals, mapped to the decoder that reads them. GB2312/GBK are GB18030 subsets. */
const LABEL_ALIASES: Record<string, string> = {
  gb2312: 'gb18030',
  gbk: 'gb18030',
  gb18030: 'gb18030',
  'x-gbk': 'gb18030',
  cp936: 'gb18030',
  'windows-936': 'gb18030',
  'x-euc-cn': 'gb18030',
  'euc-cn': 'gb18030',
  hz: 'gb18030',
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'unicode-1-1-utf-8': 'utf-8',
  big5: 'big5',
  'big5-hkscs': 'big5',
  'utf-16': 'utf-16le',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
  // Western labels are template defaults, never the truth for a Chinese page: ignore them.
};

/** Maps a charset label to a decoder name we trust, or undefined for unknown/unhelpful labels. */
export function normalizeLabel(label: string | undefined): string | undefined {
  if (!label) return undefined;
  const key = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  return LABEL_ALIASES[key];
}

/** charset=… out of a Content-Type header value. */
export function charsetFromContentType(contentType: string | undefined): string | undefined {
  const m = contentType?.match(/charset\s*=\s*["']?([\w.:-]+)/i);
  return m ? m[1] : undefined;
}

/** How far into the document the <meta> prescan looks (the HTML spec says 1024; real heads are longer). */
const PRESCAN_BYTES = 4096;

/** `<meta charset=…>` or `<meta http-equiv="Content-Type" content="…charset=…">` in the first 4 KB. */
export function prescanMetaCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, PRESCAN_BYTES)).toString('latin1');
  const re = /<meta\b[^>]*>/gi;
  for (let m = re.exec(head); m; m = re.exec(head)) {
    const tag = m[0];
    const direct = tag.match(/\bcharset\s*=\s*["']?\s*([\w.:-]+)/i);
    if (direct) return direct[1];
  }
  // MHT parts and XML declarations state it too.
  const xml = head.match(/<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i);
  if (xml) return xml[1];
  return undefined;
}

function bomEncoding(bytes: Uint8Array): { encoding: string; skip: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };
  // GB18030 has a BOM of its own (84 31 95 33).
  if (bytes[0] === 0x84 && bytes[1] === 0x31 && bytes[2] === 0x95 && bytes[3] === 0x33) return { encoding: 'gb18030', skip: 4 };
  return undefined;
}

function countReplacements(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\ufffd'); i >= 0; i = s.indexOf('\ufffd', i + 1)) n++;
  return n;
}

function decodeAs(bytes: Uint8Array, encoding: string): string {
  return new TextDecoder(encoding).decode(bytes);
}

function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Decodes a text or HTML body. `headerCharset` is the charset label from the HTTP Content-Type,
 * when the caller has one. A declared encoding is used only if it decodes cleanly; otherwise the
 * clean one of UTF-8 / GB18030 wins (the fewest replacement characters).
 */
export function decodeText(bytes: Uint8Array, headerCharset?: string, opts: { html?: boolean } = {}): Decoded {
  const bom = bomEncoding(bytes);
  if (bom) {
    // A BOM is the strongest signal there is; it beats a header (WHATWG does the same).
    return { text: decodeAs(bytes.subarray(bom.skip), bom.encoding), encoding: bom.encoding, via: 'bom' };
  }
  const declared: { encoding: string; via: 'header' | 'meta' }[] = [];
  const fromHeader = normalizeLabel(headerCharset);
  if (fromHeader) declared.push({ encoding: fromHeader, via: 'header' });
  if (opts.html !== false) {
    const fromMeta = normalizeLabel(prescanMetaCharset(bytes));
    if (fromMeta) declared.push({ encoding: fromMeta, via: 'meta' });
  }
  const utf8 = strictUtf8(bytes);
  for (const d of declared) {
    if (d.encoding === 'utf-8') {
      if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8', via: d.via };
      continue; // declared UTF-8 but is not: fall through to detection
    }
    // Bytes that are valid multi-byte UTF-8 are UTF-8 whatever the label says: GBK text never
    // forms valid UTF-8 sequences by accident beyond a few characters, while GB18030 happily
    // "decodes" UTF-8 bytes into plausible-looking mojibake without a single replacement.
    if (utf8 !== undefined && /[^\x00-\x7f]/.test(utf8)) return { text: utf8, encoding: 'utf-8', via: 'utf8' };
    const text = decodeAs(bytes, d.encoding);
    if (countReplacements(text) === 0) return { text, encoding: d.encoding, via: d.via };
  }
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8', via: 'utf8' };
  // Not UTF-8: GB18030 covers GB2312/GBK and is what an undeclared Chinese page almost always is.
  const gb = decodeAs(bytes, 'gb18030');
  if (countReplacements(gb) === 0) return { text: gb, encoding: 'gb18030', via: 'gb18030' };
  // Even that leaves replacements: a page cut off mid-character, or one bad byte in an otherwise
  // clean file. UTF-8 with a handful of errors is still UTF-8 (GB18030 would turn all of it into
  // mojibake); otherwise keep whichever candidate is cleanest.
  // (Big5 is never guessed: mainland portals do not use it, and it "decodes" GBK bytes too.)
  const u8 = decodeAs(bytes, 'utf-8');
  const u8Bad = countReplacements(u8);
  if (u8Bad * 1000 <= u8.length || u8Bad < countReplacements(gb)) return { text: u8, encoding: 'utf-8', via: 'fallback' };
  return { text: gb, encoding: 'gb18030', via: 'fallback' };
}
