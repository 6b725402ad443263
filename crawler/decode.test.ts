import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeHtml } from './decode.ts';
import { sniffContentType } from './sniff.ts';

const PAGE = '<html><head>{meta}<title>政府信息公开年报</title></head><body><a href="t1.html">2023年政府信息公开工作年度报告</a></body></html>';

describe('decodeHtml', () => {
  it('GBK declared only in <meta charset=gb2312> (old TRS pages)', () => {
    const bytes = iconv.encode(PAGE.replace('{meta}', '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'), 'gbk');
    expect(decodeHtml(bytes)).toContain('2023年政府信息公开工作年度报告');
  });

  it('GBK with no declaration anywhere: not UTF-8, so GB18030', () => {
    expect(decodeHtml(iconv.encode(PAGE.replace('{meta}', ''), 'gbk'))).toContain('政府信息公开年报');
  });

  it('a header that says UTF-8 on GBK bytes does not win over the bytes', () => {
    expect(decodeHtml(iconv.encode(PAGE.replace('{meta}', ''), 'gbk'), 'text/html; charset=UTF-8')).toContain('政府信息公开年报');
  });

  it('UTF-8 with BOM or header', () => {
    expect(decodeHtml(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(PAGE, 'utf8')]))).toContain('年度报告');
    expect(decodeHtml(Buffer.from(PAGE, 'utf8'), 'text/html; charset=utf-8')).toContain('年度报告');
  });
});

describe('sniffContentType', () => {
  it('trusts bytes over labels', () => {
    expect(sniffContentType(Buffer.from('%PDF-1.7\n'), 'application/octet-stream')).toBe('application/pdf');
    expect(sniffContentType(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]), 'application/msword')).toBe('application/x-ole-storage');
    expect(sniffContentType(Buffer.from('<html><body>not a doc</body></html>'), 'application/msword')).toBe('text/html');
    expect(sniffContentType(Buffer.from('PK\x03\x04....word/document.xml', 'latin1'))).toMatch(/wordprocessingml/);
  });
});
