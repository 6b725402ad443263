import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { gzipSync } from 'node:zlib';
import { EXTRACTORS, extractBytes } from './index.ts';
import { ExtractError } from './errors.ts';

const fixture = (f: string) => new Uint8Array(readFileSync(new URL(`../test/fixtures/html/${f}`, import.meta.url)));

async function failure(bytes: Uint8Array, name: string): Promise<ExtractError> {
  try {
    await extractBytes(bytes, { name });
  } catch (err) {
    if (err instanceof ExtractError) return err;
    throw err;
  }
  throw new Error(`${name} was extracted`);
}

describe('extractBytes', () => {
  it('gives the same document for the UTF-8 page and its three GBK copies', async () => {
    const utf8 = await extractBytes(fixture('t2019-pingxiang.html'), { name: 'a.html' });
    for (const f of ['t2019-pingxiang.gbk-meta.html', 't2019-pingxiang.gbk-nometa.html', 't2019-pingxiang.gbk-lying-utf8.html']) {
      const gbk = await extractBytes(fixture(f), { name: f });
      expect(gbk.source.encoding, f).toBe('gb18030');
      expect(gbk.blocks, f).toEqual(utf8.blocks);
      expect(gbk.title).toBe(utf8.title);
    }
  });

  it('sniffs instead of trusting the name: a page saved as .doc is read as HTML', async () => {
    const d = await extractBytes(fixture('t2021-xiangtan.html'), { name: '湘潭县2021年报告.doc' });
    expect(d.source.format).toBe('html');
    expect(d.blocks.filter((b) => b.kind === 'table')).toHaveLength(3);
  });

  it('reads a GBK text file and honours a header charset', async () => {
    const text = '南岗区2015年政府信息公开工作年度报告\n一、概述\n全年共受理政府信息公开申请115件。';
    const d = await extractBytes(new Uint8Array(iconv.encode(text, 'gbk')), { name: 'r.txt', contentType: 'text/plain; charset=GBK' });
    expect(d.source).toEqual({ name: 'r.txt', format: 'text', encoding: 'gb18030' });
    expect(d.title).toBe('南岗区2015年政府信息公开工作年度报告');
    const md = await extractBytes(new Uint8Array(Buffer.from(text)), { name: 'r.md' });
    expect(md.source.format).toBe('markdown');
  });

  it('reads the HTML part of a Word MHT archive', async () => {
    const html = '<html><head><meta http-equiv=Content-Type content="text/html; charset=gb2312"></head><body><p>一、总体情况</p><p>全年主动公开政府信息120条。</p></body></html>';
    const qp = [...iconv.encode(html, 'gbk')].map((b) => (b >= 0x80 || b === 0x3d ? `=${b.toString(16).toUpperCase().padStart(2, '0')}` : String.fromCharCode(b))).join('');
    const mht = `MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="----=_NextPart_01D5A1"\r\n\r\n------=_NextPart_01D5A1\r\nContent-Location: file:///C:/report.htm\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Type: text/html; charset="gb2312"\r\n\r\n${qp}\r\n\r\n------=_NextPart_01D5A1--\r\n`;
    const d = await extractBytes(new Uint8Array(Buffer.from(mht, 'latin1')), { name: 'report.doc' });
    expect(d.blocks).toEqual([
      { kind: 'heading', level: 2, text: '一、总体情况' },
      { kind: 'paragraph', text: '全年主动公开政府信息120条。' },
    ]);
  });

  it('unpacks a page stored still gzip-compressed, and refuses a gzip bomb', async () => {
    const page = fixture('t2019-pingxiang.gbk-nometa.html');
    const d = await extractBytes(new Uint8Array(gzipSync(page)), { name: 'page.html' });
    expect(d.title).toBe('萍乡市2019年政府信息公开工作年度报告');
    const bomb = new Uint8Array(gzipSync(Buffer.alloc(60 * 1024 * 1024, 0x20)));
    const err = await failure(bomb, 'bomb.html');
    expect(err.failure).toBe('unreadable');
    expect(err.message).toMatch(/^bomb\.html is gzip-compressed data that cannot be unpacked/);
  });

  it('refuses files that are not documents with one clear sentence naming the file', async () => {
    const empty = await failure(new Uint8Array(), 'empty.html');
    expect(empty.failure).toBe('unreadable');
    expect(empty.message).toBe('empty.html is an empty file, not a report ogi can read; the download is empty — fetch it again.');

    const png = await failure(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'scan.pdf');
    expect(png.failure).toBe('unsupported');
    expect(png.message).toMatch(/^scan\.pdf is a PNG image, .*OCR/);

    let x = 7;
    const garbage = new Uint8Array(8192).map(() => ((x = (x * 1103515245 + 12345) >>> 0) >>> 16) & 0xff);
    const bin = await failure(garbage, 'report.htm');
    expect(bin.failure).toBe('unreadable');
    expect(bin.message).toMatch(/^report\.htm is binary data that is not a document/);

    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...Buffer.from('..........................附件.txt', 'utf8')]);
    expect((await failure(zip, 'a.zip')).failure).toBe('unsupported');
  });

  it('has an extractor (or a clear refusal) for every sniffed format', () => {
    expect(Object.keys(EXTRACTORS).sort()).toEqual(['binary', 'doc', 'docx', 'empty', 'gzip', 'html', 'image', 'ole', 'pdf', 'text', 'xls', 'xlsx', 'zip']);
  });
});
