import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { sniff } from './sniff.ts';

const docs = new URL('../test/fixtures/docs/', import.meta.url);
const html = new URL('../test/fixtures/html/', import.meta.url);
const read = (dir: URL, f: string) => new Uint8Array(readFileSync(new URL(f, dir)));

/** Deterministic noise (xorshift), so the "binary garbage" case is the same on every run. */
function noise(n: number, seed = 12345): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** A minimal zip local-file header naming one entry, as the start of a real archive looks. */
function zipWith(entry: string): Uint8Array {
  const name = Buffer.from(entry, 'latin1');
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(name.length, 26);
  return new Uint8Array(Buffer.concat([header, name, Buffer.from('payload')]));
}

describe('sniff: the bytes decide, not the extension', () => {
  it('recognises the Word renditions of a report whatever they are called', () => {
    expect(sniff(read(docs, 't2019-mudanjiang.docx')).format).toBe('docx');
    expect(sniff(read(docs, 't2021-changle-really-docx.doc')).format).toBe('docx');
    expect(sniff(read(docs, 't2019-mudanjiang.doc')).format).toBe('doc');
    expect(sniff(read(docs, 't2019-mudanjiang.wps')).format).toBe('doc');
  });

  it('recognises PDF, including one with junk before the header', () => {
    expect(sniff(read(docs, 't2019-mudanjiang.pdf')).format).toBe('pdf');
    expect(sniff(new Uint8Array(Buffer.from('\r\n%PDF-1.4\n%âãÏÓ\n1 0 obj'))).format).toBe('pdf');
  });

  it('tells zip containers apart by their entries', () => {
    expect(sniff(zipWith('xl/workbook.xml')).format).toBe('xlsx');
    expect(sniff(zipWith('OFD.xml'))).toEqual({ format: 'zip', what: 'an OFD document' });
    expect(sniff(zipWith('附件/报告.txt')).format).toBe('zip');
  });

  it('reads portal pages as HTML in UTF-8 and in GBK without a declaration', () => {
    expect(sniff(read(html, 't2019-pingxiang.html')).format).toBe('html');
    expect(sniff(read(html, 't2019-pingxiang.gbk-nometa.html')).format).toBe('html');
  });

  it('reads Word "single file web page" (MHT) as HTML', () => {
    const mht = Buffer.from(
      'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="----=_NextPart_01D5"\r\n\r\n' +
        '------=_NextPart_01D5\r\nContent-Type: text/html; charset="gb2312"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n<html>…',
      'latin1',
    );
    expect(sniff(new Uint8Array(mht))).toEqual({ format: 'html', what: 'a web archive (MHT)' });
  });

  it('reads scraped reports as text, in UTF-8 or GBK', () => {
    const seed = readFileSync(new URL('../test/fixtures/seeds/003_1c25470cf4922d63.txt', import.meta.url), 'utf8');
    expect(sniff(new Uint8Array(Buffer.from(seed))).format).toBe('text');
    expect(sniff(new Uint8Array(iconv.encode(seed, 'gbk'))).format).toBe('text');
  });

  it('names images, empty files and binary garbage', () => {
    expect(sniff(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toEqual({ format: 'image', what: 'a PNG image' });
    expect(sniff(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10])).format).toBe('image');
    expect(sniff(new Uint8Array()).format).toBe('empty');
    expect(sniff(new Uint8Array(Buffer.from('  \r\n \n'))).format).toBe('empty');
    expect(sniff(noise(4096)).format).toBe('binary');
    expect(sniff(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...noise(512)])).format).toBe('ole');
  });
});
