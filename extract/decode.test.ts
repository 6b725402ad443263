import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { charsetFromContentType, decodeText, normalizeLabel, prescanMetaCharset } from './decode.ts';

const fixture = (f: string) => new Uint8Array(readFileSync(new URL(`../test/fixtures/html/${f}`, import.meta.url)));
const TITLE = '萍乡市2019年政府信息公开工作年度报告';

describe('decodeText: header hint → BOM → <meta> → strict UTF-8 → GB18030', () => {
  it('reads a GBK page that declares charset=gb2312 in a <meta>', () => {
    const d = decodeText(fixture('t2019-pingxiang.gbk-meta.html'), undefined, { html: true });
    expect(d).toMatchObject({ encoding: 'gb18030', via: 'meta' });
    expect(d.text).toContain(TITLE);
    expect(d.text).toContain('危及“三安全一稳定”');
  });

  it('reads a GBK page with no declaration anywhere', () => {
    const d = decodeText(fixture('t2019-pingxiang.gbk-nometa.html'), undefined, { html: true });
    expect(d).toMatchObject({ encoding: 'gb18030', via: 'gb18030' });
    expect(d.text).toContain(TITLE);
    expect(d.text).not.toContain('\ufffd');
  });

  it('is not fooled by a page that declares UTF-8 but is GBK', () => {
    const d = decodeText(fixture('t2019-pingxiang.gbk-lying-utf8.html'), 'utf-8', { html: true });
    expect(d.encoding).toBe('gb18030');
    expect(d.text).toContain(TITLE);
  });

  it('is not fooled by a server that says GBK for a UTF-8 page', () => {
    const d = decodeText(fixture('t2019-pingxiang.html'), 'GBK', { html: true });
    expect(d.encoding).toBe('utf-8');
    expect(d.text).toContain(TITLE);
  });

  it('trusts a correct header charset', () => {
    const bytes = new Uint8Array(iconv.encode('<p>共受理政府信息公开申请115件</p>', 'gbk'));
    expect(decodeText(bytes, 'gb2312', { html: true })).toMatchObject({ encoding: 'gb18030', via: 'header', text: '<p>共受理政府信息公开申请115件</p>' });
  });

  it('lets a byte-order mark win over the header and strips it', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('重庆市开州区2017年政府信息公开工作年度报告')]);
    expect(decodeText(bytes, 'gbk')).toEqual({ text: '重庆市开州区2017年政府信息公开工作年度报告', encoding: 'utf-8', via: 'bom' });
    const le = new Uint8Array([0xff, 0xfe, ...Buffer.from('年度报告', 'utf16le')]);
    expect(decodeText(le).text).toBe('年度报告');
  });
});

describe('charset labels', () => {
  it('maps the GB family to gb18030 and ignores Western template defaults', () => {
    expect(['gb2312', 'GBK', '"gb18030"', 'x-gbk', 'cp936'].map(normalizeLabel)).toEqual(Array(5).fill('gb18030'));
    expect(normalizeLabel('iso-8859-1')).toBeUndefined();
    expect(normalizeLabel('UTF8')).toBe('utf-8');
  });

  it('finds the charset in a Content-Type header and in both <meta> forms', () => {
    expect(charsetFromContentType('text/html; charset=GB2312')).toBe('GB2312');
    expect(charsetFromContentType('text/html')).toBeUndefined();
    const httpEquiv = Buffer.from('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312" />');
    expect(prescanMetaCharset(new Uint8Array(httpEquiv))).toBe('gb2312');
    expect(prescanMetaCharset(new Uint8Array(Buffer.from('<head><meta charset="utf-8"><title>')))).toBe('utf-8');
    expect(prescanMetaCharset(new Uint8Array(Buffer.from('<head><title>无声明</title>')))).toBeUndefined();
  });
});

describe('damaged bytes', () => {
  it('keeps a UTF-8 page cut off in the middle of a character as UTF-8', () => {
    const full = fixture('t2019-pingxiang.html');
    const cut = full.subarray(0, Buffer.from(full).indexOf('五、存在的主要问题') + 4); // mid-character
    const d = decodeText(cut, undefined, { html: true });
    expect(d.encoding).toBe('utf-8');
    expect(d.text).toContain('萍乡市2019年政府信息公开工作年度报告');
  });

  it('keeps a GBK page with one corrupt byte as GB18030', () => {
    const bytes = new Uint8Array(fixture('t2019-pingxiang.gbk-nometa.html'));
    bytes[bytes.length - 200] = 0xff;
    const d = decodeText(bytes, undefined, { html: true });
    expect(d.encoding).toBe('gb18030');
    expect(d.text).toContain('萍乡市2019年政府信息公开工作年度报告');
  });
});
