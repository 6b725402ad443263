// URL normalisation and crawl scope. Normalised URLs are the frontier's keys, so two spellings of one
// page (fragment, default port, upper-case host, `./` segments) must collapse to one string.

/** Resolves `href` against `base` and normalises it; undefined for non-http(s) or unparsable links. */
export function normalizeUrl(href: string, base?: string): string | undefined {
  const trimmed = href.trim();
  if (!trimmed || /^(javascript|mailto|tel|data):/i.test(trimmed) || trimmed.startsWith('#')) return undefined;
  let u: URL;
  try {
    u = base ? new URL(trimmed, base) : new URL(trimmed);
  } catch {
    return undefined;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
  u.hash = '';
  // An empty query ("…/nb/?") is the same page; WHATWG URL keeps the bare "?" in href.
  return u.search === '' && u.href.endsWith('?') ? u.href.slice(0, -1) : u.href;
}

/** The folder of a URL's path: `/zwgk/nb/index.html` → `/zwgk/nb/`. */
export function folderOf(url: string): string {
  const path = new URL(url).pathname;
  return path.endsWith('/') ? path : path.slice(0, path.lastIndexOf('/') + 1);
}

/** Hosts considered "the same site" for reports and attachments: `www.x.gov.cn` and `x.gov.cn` alike. */
function baseDomain(host: string): string {
  return host.replace(/^www\./, '');
}

/** A host with its port, `www.` dropped: portals redirect between the two spellings freely. */
export function hostKey(url: string): string {
  return baseDomain(new URL(url).host);
}

export interface Scope {
  /** The portal's host (from the start URLs). */
  host: string;
  /** Path prefixes that list pages must live under. */
  prefixes: string[];
  /** May a list/column page at this URL be crawled? Same host and under an allowed prefix. */
  allowsList(url: string): boolean;
  /** May a report page or attachment at this URL be fetched? Same site (any path; downloads often live elsewhere). */
  allowsDocument(url: string): boolean;
  /** Is this URL on the portal's own host, `www.` or not (pagination endpoints such as dataproxy.jsp may live outside the prefixes)? */
  sameHost(url: string): boolean;
}

export function scopeFor(startUrls: string[], allow?: string[]): Scope {
  const host = new URL(startUrls[0]).host;
  const prefixes = allow && allow.length > 0 ? allow : [...new Set(startUrls.map(folderOf))];
  const domain = baseDomain(new URL(startUrls[0]).hostname);
  const key = hostKey(startUrls[0]);
  const sameHost = (url: string) => hostKey(url) === key;
  return {
    host,
    prefixes,
    sameHost,
    allowsList: (url) => {
      if (!sameHost(url)) return false;
      const path = new URL(url).pathname;
      return prefixes.some((p) => path.startsWith(p));
    },
    allowsDocument: (url) => {
      const hostname = new URL(url).hostname;
      return hostname === domain || hostname.endsWith('.' + domain);
    },
  };
}
