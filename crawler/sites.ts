// Loading and validating the YAML sites file: every bad field gets its own sentence, all reported
// together, so a researcher fixes the file in one pass.
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { RenderMode, Site } from './types.ts';

export class SitesError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: ${problems.length === 1 ? problems[0] : '\n  - ' + problems.join('\n  - ')}`);
    this.name = 'SitesError';
  }
}

const RENDER_MODES: readonly RenderMode[] = ['auto', 'never', 'always'];
const KNOWN_FIELDS = new Set(['id', 'start_urls', 'name', 'region_code', 'allow', 'render', 'rate', 'max_pages']);
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

export function loadSites(path: string): Site[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new SitesError(path, [`cannot read the sites file (${(err as NodeJS.ErrnoException).code ?? err})`]);
  }
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (err) {
    throw new SitesError(path, [`not valid YAML: ${(err as Error).message.split('\n')[0]}`]);
  }
  return validateSites(doc, path);
}

export function validateSites(doc: unknown, file = 'sites'): Site[] {
  const problems: string[] = [];
  const list = isRecord(doc) ? doc.sites : undefined;
  if (!Array.isArray(list)) throw new SitesError(file, ['expected a top-level `sites:` list']);
  if (list.length === 0) throw new SitesError(file, ['`sites:` is empty']);
  const seen = new Set<string>();
  const sites: Site[] = [];
  list.forEach((raw, i) => {
    const where = `sites[${i}]`;
    if (!isRecord(raw)) {
      problems.push(`${where}: expected a mapping with id and start_urls`);
      return;
    }
    const label = typeof raw.id === 'string' ? `${where} (${raw.id})` : where;
    const bad = (field: string, msg: string) => problems.push(`${label}.${field}: ${msg}`);
    for (const key of Object.keys(raw)) if (!KNOWN_FIELDS.has(key)) bad(key, 'unknown field');

    const id = raw.id;
    if (typeof id !== 'string' || !ID_PATTERN.test(id)) bad('id', 'required, letters/digits/._- (e.g. pingtan)');
    else if (seen.has(id)) bad('id', `duplicate id "${id}"`);
    else seen.add(id);

    const startUrls: string[] = [];
    if (!Array.isArray(raw.start_urls) || raw.start_urls.length === 0) {
      bad('start_urls', 'required, a non-empty list of http(s) URLs');
    } else {
      raw.start_urls.forEach((u, j) => {
        if (typeof u === 'string' && isHttpUrl(u)) startUrls.push(u);
        else bad(`start_urls[${j}]`, `not an http(s) URL: ${JSON.stringify(u)}`);
      });
      const hosts = new Set(startUrls.map((u) => new URL(u).host));
      if (hosts.size > 1) bad('start_urls', `all start URLs must be on one host (found ${[...hosts].join(', ')})`);
    }

    if (raw.name !== undefined && typeof raw.name !== 'string') bad('name', 'must be text');
    let regionCode: string | undefined;
    if (raw.region_code !== undefined) {
      regionCode = String(raw.region_code);
      if (!/^\d{6}$/.test(regionCode)) bad('region_code', `must be a 6-digit GB/T 2260 code, got ${JSON.stringify(raw.region_code)}`);
    }
    let allow: string[] | undefined;
    if (raw.allow !== undefined) {
      if (!Array.isArray(raw.allow) || raw.allow.some((a) => typeof a !== 'string' || !a.startsWith('/'))) {
        bad('allow', 'must be a list of path prefixes starting with "/"');
      } else allow = raw.allow as string[];
    }
    let render: RenderMode = 'auto';
    if (raw.render !== undefined) {
      if (RENDER_MODES.includes(raw.render as RenderMode)) render = raw.render as RenderMode;
      else bad('render', `must be one of ${RENDER_MODES.join(' | ')}, got ${JSON.stringify(raw.render)}`);
    }
    let rate = 1;
    if (raw.rate !== undefined) {
      if (typeof raw.rate === 'number' && Number.isFinite(raw.rate) && raw.rate > 0) rate = raw.rate;
      else bad('rate', `must be a positive number of requests per second, got ${JSON.stringify(raw.rate)}`);
    }
    let maxPages: number | undefined;
    if (raw.max_pages !== undefined) {
      if (Number.isInteger(raw.max_pages) && (raw.max_pages as number) > 0) maxPages = raw.max_pages as number;
      else bad('max_pages', `must be a positive whole number, got ${JSON.stringify(raw.max_pages)}`);
    }
    if (typeof id === 'string') {
      const site: Site = { id, start_urls: startUrls, render, rate };
      if (typeof raw.name === 'string') site.name = raw.name;
      if (regionCode !== undefined) site.region_code = regionCode;
      if (allow) site.allow = allow;
      if (maxPages !== undefined) site.max_pages = maxPages;
      sites.push(site);
    }
  });
  if (problems.length > 0) throw new SitesError(file, problems);
  return sites;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}
