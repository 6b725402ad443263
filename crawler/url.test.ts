import { describe, expect, it } from 'vitest';
import { folderOf, hostKey, normalizeUrl, scopeFor } from './url.ts';

describe('normalizeUrl', () => {
  it('resolves, drops fragments and empty queries, keeps the rest as the portal wrote it', () => {
    expect(normalizeUrl('./202401/t20240126_6301.html#top', 'http://WWW.X.gov.cn:80/zwgk/nb/index.html')).toBe('http://www.x.gov.cn/zwgk/nb/202401/t20240126_6301.html');
    expect(normalizeUrl('../nb/?', 'http://x.gov.cn/zwgk/a/')).toBe('http://x.gov.cn/zwgk/nb/');
    expect(normalizeUrl('list.jsp?b=2&a=1', 'http://x.gov.cn/m/')).toBe('http://x.gov.cn/m/list.jsp?b=2&a=1');
  });

  it('refuses what is not a web page link', () => {
    for (const href of ['javascript:void(0)', 'mailto:xxgk@x.gov.cn', '#', 'tel:0591-1234', 'ftp://x.gov.cn/a.pdf', '']) {
      expect(normalizeUrl(href, 'http://x.gov.cn/')).toBeUndefined();
    }
  });
});

describe('scope', () => {
  const scope = scopeFor(['http://www.x.gov.cn/zwgk/zfxxgknb/index.html']);

  it('defaults to the start URL’s folder for list pages', () => {
    expect(folderOf('http://www.x.gov.cn/zwgk/zfxxgknb/index.html')).toBe('/zwgk/zfxxgknb/');
    expect(scope.allowsList('http://www.x.gov.cn/zwgk/zfxxgknb/index_1.html')).toBe(true);
    expect(scope.allowsList('http://x.gov.cn/zwgk/zfxxgknb/index_2.html')).toBe(true); // www. or not
    expect(scope.allowsList('http://www.x.gov.cn/zwgk/zfxxgkzn/')).toBe(false);
    expect(scope.allowsList('http://www.y.gov.cn/zwgk/zfxxgknb/')).toBe(false);
  });

  it('lets reports and attachments live anywhere on the same site', () => {
    expect(scope.allowsDocument('http://www.x.gov.cn/module/download/downfile.jsp?filename=a.pdf')).toBe(true);
    expect(scope.allowsDocument('http://files.x.gov.cn/P0202401.pdf')).toBe(true);
    expect(scope.allowsDocument('http://www.y.gov.cn/a.pdf')).toBe(false);
  });

  it('honours explicit allow prefixes', () => {
    const wide = scopeFor(['http://www.x.gov.cn/zwgk/zfxxgknb/'], ['/zwgk/', '/col/']);
    expect(wide.allowsList('http://www.x.gov.cn/col/col1234/index.html')).toBe(true);
    expect(wide.allowsList('http://www.x.gov.cn/hdjl/')).toBe(false);
    expect(hostKey('http://www.x.gov.cn:8080/a')).toBe('x.gov.cn:8080');
  });
});
