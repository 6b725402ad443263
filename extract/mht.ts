// MHT ("web archive", what Word writes for "save as single file web page", often served as .doc):
// a MIME multipart message whose first text/html part is the document.

export interface MhtPart {
  bytes: Uint8Array;
  charset?: string;
}

function decodeQuotedPrintable(s: string): Uint8Array {
  const out: number[] = [];
  const text = s.replace(/=\r?\n/g, ''); // soft line breaks
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '=' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      out.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else out.push(text.charCodeAt(i) & 0xff);
  }
  return Uint8Array.from(out);
}

/** The first text/html part of an MHT file, undecoded from its transfer encoding; undefined if none. */
export function mhtHtmlPart(bytes: Uint8Array): MhtPart | undefined {
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const boundary = raw.slice(0, 4096).match(/boundary\s*=\s*"?([^"\r\n;]+)"?/i)?.[1];
  const parts = boundary ? raw.split(`--${boundary}`) : [raw];
  for (const part of parts) {
    const split = part.search(/\r?\n\r?\n/);
    if (split < 0) continue;
    const headers = part.slice(0, split);
    if (!/content-type:\s*text\/html/i.test(headers)) continue;
    const body = part.slice(split).replace(/^\r?\n\r?\n/, '');
    const charset = headers.match(/charset\s*=\s*"?([\w.:-]+)"?/i)?.[1];
    const cte = headers.match(/content-transfer-encoding:\s*([\w-]+)/i)?.[1]?.toLowerCase();
    let decoded: Uint8Array;
    if (cte === 'quoted-printable') decoded = decodeQuotedPrintable(body);
    else if (cte === 'base64') decoded = Buffer.from(body.replace(/\s+/g, ''), 'base64');
    else decoded = Buffer.from(body, 'latin1');
    return { bytes: decoded, charset };
  }
  return undefined;
}
