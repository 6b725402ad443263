import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSites, SitesError } from './sites.ts';

function file(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'ogi-sites-')), 'sites.yaml');
  writeFileSync(path, text);
  return path;
}

describe('loadSites', () => {
  it('reads the spec example with defaults filled in', () => {
    const sites = loadSites(
      file(`sites:
  - id: pingtan                      # required, unique
    start_urls: ["https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/"]
    name: 平潭综合实验区
    region_code: "350128"
    allow: ["/zwgk/"]
    render: auto
    rate: 1
    max_pages: 2000
  - id: fuzhou
    start_urls: ["http://www.fuzhou.gov.cn/zwgk/xxgkzl/xxgknb/"]
`),
    );
    expect(sites).toEqual([
      {
        id: 'pingtan',
        start_urls: ['https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/'],
        name: '平潭综合实验区',
        region_code: '350128',
        allow: ['/zwgk/'],
        render: 'auto',
        rate: 1,
        max_pages: 2000,
      },
      { id: 'fuzhou', start_urls: ['http://www.fuzhou.gov.cn/zwgk/xxgkzl/xxgknb/'], render: 'auto', rate: 1 },
    ]);
  });

  it('names every bad field in one error', () => {
    const path = file(`sites:
  - id: pingtan
    start_urls: ["ftp://www.pingtan.gov.cn/"]
    render: sometimes
    rate: 0
    region_code: 3501
    max_pages: 1.5
    allow: "zwgk"
    speed: 3
  - id: pingtan
    start_urls: ["https://a.gov.cn/x/"]
  - name: 无编号
`);
    let err: SitesError | undefined;
    try {
      loadSites(path);
    } catch (e) {
      err = e as SitesError;
    }
    expect(err).toBeInstanceOf(SitesError);
    expect(err!.problems).toEqual([
      'sites[0] (pingtan).speed: unknown field',
      'sites[0] (pingtan).start_urls[0]: not an http(s) URL: "ftp://www.pingtan.gov.cn/"',
      'sites[0] (pingtan).region_code: must be a 6-digit GB/T 2260 code, got 3501',
      'sites[0] (pingtan).allow: must be a list of path prefixes starting with "/"',
      'sites[0] (pingtan).render: must be one of auto | never | always, got "sometimes"',
      'sites[0] (pingtan).rate: must be a positive number of requests per second, got 0',
      'sites[0] (pingtan).max_pages: must be a positive whole number, got 1.5',
      'sites[1] (pingtan).id: duplicate id "pingtan"',
      'sites[2].id: required, letters/digits/._- (e.g. pingtan)',
      'sites[2].start_urls: required, a non-empty list of http(s) URLs',
    ]);
    expect(err!.message).toContain(path);
  });

  it('rejects a file without a sites list, and unreadable YAML, with one sentence', () => {
    expect(() => loadSites(file('portals: []\n'))).toThrow(/expected a top-level `sites:` list/);
    expect(() => loadSites(file('sites: [\n'))).toThrow(/not valid YAML/);
    expect(() => loadSites('/nonexistent/sites.yaml')).toThrow(/cannot read the sites file \(ENOENT\)/);
  });
});
