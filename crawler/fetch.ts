// One HTTP fetch: redirects followed by hand (≤ 5 hops, each recorded and each passed through the
// caller's gate so politeness and robots apply per hop), a deadline for slow responses, a streaming
// size cap, conditional headers, and a failure class for whatever came back.
import { constants as cryptoConstants } from 'node:crypto';
import { Agent, request } from 'undici';
import { classifyError, type FetchClass } from './classes.ts';
import { normalizeUrl } from './url.ts';

export interface FetchRequest {
  url: string;
  method?: 'GET' | 'POST';
  /** urlencoded form body (POST). */
  body?: string;
  etag?: string;
  lastModified?: string;
  referrer?: string;
}

export interface FetchLimits {
  userAgent: string;
  /** Deadline for the response headers, and the longest silence allowed while the body arrives, ms. */
  timeoutMs: number;
  /** Deadline for the whole exchange, ms: a server trickling bytes forever is cut here
   * (default 10 × timeoutMs — big PDFs over slow links need time, endless ones must end). */
  transferTimeoutMs?: number;
  connectTimeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
}

export interface Hop {
  url: string;
  status: number;
  location?: string;
}

export interface FetchResult {
  url: string;
  finalUrl: string;
  status?: number;
  headers: Record<string, string>;
  body?: Buffer;
  redirects: Hop[];
  cls: FetchClass;
  error?: string;
  ms: number;
  /** Seconds the server asked us to wait (Retry-After), when it said so. */
  retryAfterMs?: number;
}

/** Called before every hop; may throw `GateRefusal` (e.g. robots) to stop before the request is sent. */
export type Gate = (url: string) => Promise<void>;

export class GateRefusal extends Error {
  constructor(
    readonly cls: FetchClass,
    message: string,
  ) {
    super(message);
  }
}

const agent = new Agent({ keepAliveTimeout: 4_000, connect: { timeout: 10_000 } });

// TLS quirks of older gov servers under OpenSSL 3 (notes §1.5): legacy renegotiation and curves
// other than P-256. A host that fails this way gets the matching relaxed agent for the rest of the
// process, and only that host.
const TLS_FALLBACKS: Partial<Record<FetchClass, Agent>> = {
  tls_legacy_reneg: new Agent({ keepAliveTimeout: 4_000, connect: { timeout: 10_000, secureOptions: cryptoConstants.SSL_OP_LEGACY_SERVER_CONNECT } }),
  tls_bad_ecpoint: new Agent({ keepAliveTimeout: 4_000, connect: { timeout: 10_000, ecdhCurve: 'prime256v1' } }),
};
const hostAgents = new Map<string, Agent>();

/** Hosts switched to a relaxed TLS agent, and why (for logs and reports). */
export function tlsFallbackHosts(): string[] {
  return [...hostAgents.keys()];
}

export async function fetchUrl(req: FetchRequest, limits: FetchLimits, gate: Gate): Promise<FetchResult> {
  const started = performance.now();
  const redirects: Hop[] = [];
  const visited = new Set<string>();
  let url = req.url;
  let method = req.method ?? 'GET';
  let body = req.body;
  const done = (r: Omit<FetchResult, 'url' | 'redirects' | 'ms'>): FetchResult => ({
    url: req.url,
    redirects,
    ms: Math.round(performance.now() - started),
    ...r,
  });
  for (;;) {
    visited.add(url);
    try {
      await gate(url);
    } catch (err) {
      if (err instanceof GateRefusal) return done({ finalUrl: url, headers: {}, cls: err.cls, error: err.message });
      throw err;
    }
    const headers: Record<string, string> = {
      'user-agent': limits.userAgent,
      accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
      'accept-language': 'zh-CN,zh;q=0.9',
    };
    if (req.referrer) headers.referer = req.referrer;
    // The validators describe the document at the end of the chain, so every hop carries them.
    if (req.etag) headers['if-none-match'] = req.etag;
    if (req.lastModified) headers['if-modified-since'] = req.lastModified;
    if (body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded; charset=UTF-8';
    const host = new URL(url).host;
    let hop = await oneHop(url, method, headers, body, limits, hostAgents.get(host) ?? agent);
    const fallback = TLS_FALLBACKS[hop.cls];
    if (fallback && !hostAgents.has(host)) {
      hostAgents.set(host, fallback);
      await gate(url).catch(() => {}); // the retry is another request: it takes its own rate slot
      hop = await oneHop(url, method, headers, body, limits, fallback);
    }
    if (hop.cls !== 'ok' || hop.status === undefined) return done({ ...hop, finalUrl: url });
    const status = hop.status;
    if (status >= 300 && status < 400 && status !== 304) {
      const location = normalizeUrl(hop.headers.location ?? '', url);
      redirects.push({ url, status, location });
      if (!location) return done({ ...hop, finalUrl: url, cls: 'http_4xx', error: `redirect ${status} without a usable Location` });
      if (visited.has(location)) return done({ ...hop, finalUrl: location, cls: 'redirect_loop', error: `redirect loop back to ${location}` });
      if (redirects.length > limits.maxRedirects) {
        return done({ ...hop, finalUrl: location, cls: 'redirect_limit', error: `more than ${limits.maxRedirects} redirects` });
      }
      // 303 (and, by browser practice, 301/302 after POST) turn into GET.
      if (status === 303 || ((status === 301 || status === 302) && method === 'POST')) {
        method = 'GET';
        body = undefined;
      }
      url = location;
      continue;
    }
    const cls = classifyResponse(status, hop.headers, hop.body);
    return done({ ...hop, finalUrl: url, cls, retryAfterMs: retryAfterMs(hop.headers['retry-after']) });
  }
}

interface HopResult {
  status?: number;
  headers: Record<string, string>;
  body?: Buffer;
  cls: FetchClass;
  error?: string;
}

async function oneHop(
  url: string,
  method: 'GET' | 'POST',
  headers: Record<string, string>,
  body: string | undefined,
  limits: FetchLimits,
  dispatcher: Agent,
): Promise<HopResult> {
  const controller = new AbortController();
  // Headers must come within timeoutMs and the body may not stall longer than that (undici's own
  // timeouts); the whole exchange is cut at transferTimeoutMs, so a server that trickles forever ends.
  const total = limits.transferTimeoutMs ?? limits.timeoutMs * 10;
  const timer = setTimeout(() => controller.abort(new DeadlineError()), total);
  try {
    const res = await request(url, {
      method,
      headers,
      body,
      dispatcher,
      signal: controller.signal,
      headersTimeout: limits.timeoutMs,
      bodyTimeout: limits.timeoutMs,
    });
    const resHeaders = flattenHeaders(res.headers);
    const declared = Number(resHeaders['content-length']);
    if (Number.isFinite(declared) && declared > limits.maxBytes) {
      discard(res.body);
      return { status: res.statusCode, headers: resHeaders, cls: 'too_large', error: `Content-Length ${declared} > cap ${limits.maxBytes}` };
    }
    if (method === 'GET' && (res.statusCode === 304 || (res.statusCode >= 300 && res.statusCode < 400))) {
      // Read the (empty or tiny) rest so the keep-alive connection can serve the next request.
      await res.body.dump({ limit: 64 * 1024 }).catch(() => {});
      return { status: res.statusCode, headers: resHeaders, cls: 'ok' };
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body) {
      size += chunk.length;
      if (size > limits.maxBytes) {
        discard(res.body);
        return { status: res.statusCode, headers: resHeaders, cls: 'too_large', error: `body exceeds cap ${limits.maxBytes} bytes` };
      }
      chunks.push(chunk as Buffer);
    }
    return { status: res.statusCode, headers: resHeaders, body: Buffer.concat(chunks), cls: 'ok' };
  } catch (err) {
    const cls = controller.signal.aborted ? 'timeout' : classifyError(err);
    const message = controller.signal.aborted
      ? `no complete response within ${total} ms`
      : cls === 'timeout'
        ? `no answer (or a stalled body) for ${limits.timeoutMs} ms`
        : String((err as Error).message ?? err);
    return { headers: {}, cls, error: message };
  } finally {
    clearTimeout(timer);
  }
}

/** Drops a response body we will not read; the stream's abort error has nobody to tell. */
function discard(body: { on(event: 'error', fn: () => void): unknown; destroy(): unknown }): void {
  body.on('error', () => {});
  body.destroy();
}

class DeadlineError extends Error {
  override name = 'TimeoutError';
}

function flattenHeaders(h: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date. */
export function retryAfterMs(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

const SOFT_404_TITLE = /404|页面不存在|页面未找到|找不到|错误页|出错了|not found/i;
const SOFT_404_TEXT = /页面不存在|找不到|不存在或已被删除|已删除|404 ?not ?found|page not found|您访问的页面/i;

/** The class of a final (non-redirect) response, looking at status and, for challenges, the body. */
export function classifyResponse(status: number, headers: Record<string, string>, body: Buffer | undefined): FetchClass {
  const head = body ? body.subarray(0, 8192).toString('latin1') : '';
  if (status === 304) return 'not_modified';
  if (status === 412 && /\$_ts/.test(head)) return 'challenge_ruishu';
  if ((status === 521 || status === 512) && /document\.cookie/.test(head)) return 'challenge_jsl';
  if (status === 429) return 'http_429';
  if (status >= 500) return 'http_5xx';
  if (status >= 400) return 'http_4xx';
  if (status >= 200 && status < 300) {
    if (!body || body.length === 0) return 'empty_body';
    // Soft 404: a "not found" page served with 200 (small, says so in its text).
    const isHtml = /html/i.test(headers['content-type'] ?? '') || /^\s*</.test(head);
    if (isHtml && body.length < 2048) {
      const text = new TextDecoder('utf-8').decode(body) + ' ' + safeGbk(body);
      if (SOFT_404_TEXT.test(text)) return 'soft_404';
    }
    // A full portal error page (menus, footer) is bigger, but its <title> still says what it is.
    if (isHtml) {
      const head = body.subarray(0, 16384);
      const title = (new TextDecoder('utf-8').decode(head) + ' ' + safeGbk(head)).match(/<title[^>]*>([^<]*)<\/title>/gi)?.join(' ') ?? '';
      if (SOFT_404_TITLE.test(title)) return 'soft_404';
    }
    return 'ok';
  }
  return 'http_4xx';
}

function safeGbk(body: Buffer): string {
  try {
    return new TextDecoder('gb18030').decode(body);
  } catch {
    return '';
  }
}
