// The failure taxonomy (../shared/notes/portals.md §2.3) and which classes are worth retrying.
// Every fetch row carries one class; 'ok' and 'not_modified' are the successes.

export type FetchClass =
  | 'ok'
  | 'not_modified'
  | 'dns'
  | 'connect_timeout'
  | 'connect_refused'
  | 'conn_reset'
  | 'timeout'
  | 'tls_legacy_reneg'
  | 'tls_bad_ecpoint'
  | 'tls_cert'
  | 'tls_other'
  | 'http_4xx'
  | 'http_5xx'
  | 'http_429'
  | 'too_large'
  | 'redirect_loop'
  | 'redirect_limit'
  | 'soft_404'
  | 'empty_body'
  | 'challenge_ruishu'
  | 'challenge_jsl'
  | 'blocked_challenge'
  | 'js_shell'
  | 'robots_disallowed'
  | 'not_a_report'
  | 'network';

/** Transient failures: the same request may well succeed a little later. */
const TRANSIENT: ReadonlySet<FetchClass> = new Set<FetchClass>([
  'connect_timeout',
  'conn_reset',
  'timeout',
  'http_5xx',
  'http_429',
  'network',
]);

export function isTransient(cls: FetchClass): boolean {
  return TRANSIENT.has(cls);
}

/** Node/undici error codes → class. TLS quirks of Chinese gov hosts get their own classes (notes §1.5). */
const ERROR_CODES: Array<[RegExp, FetchClass]> = [
  [/^(ENOTFOUND|EAI_AGAIN|EAI_NONAME)$/, 'dns'],
  [/^UND_ERR_CONNECT_TIMEOUT$|^ETIMEDOUT$/, 'connect_timeout'],
  [/^ECONNREFUSED$/, 'connect_refused'],
  [/^(ECONNRESET|EPIPE|UND_ERR_SOCKET|UND_ERR_CLOSED)$/, 'conn_reset'],
  [/^(UND_ERR_HEADERS_TIMEOUT|UND_ERR_BODY_TIMEOUT|ABORT_ERR|TimeoutError|AbortError)$/, 'timeout'],
  [/UNSAFE_LEGACY_RENEGOTIATION/, 'tls_legacy_reneg'],
  [/BAD_ECPOINT/, 'tls_bad_ecpoint'],
  [/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/, 'tls_cert'],
  [/SSL|TLS/, 'tls_other'],
];

export function classifyError(err: unknown): FetchClass {
  const seen = new Set<unknown>();
  let e: any = err;
  while (e && !seen.has(e)) {
    seen.add(e);
    for (const key of [e.code, e.name]) {
      if (typeof key !== 'string') continue;
      for (const [re, cls] of ERROR_CODES) if (re.test(key)) return cls;
    }
    e = e.cause;
  }
  return 'network';
}
