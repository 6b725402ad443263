// Word files: DOCX through mammoth and the HTML table code, DOC/WPS through word-extractor with
// the row geometry read from the file (no LibreOffice needed: CI has none).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TableBlock } from './document.ts';
import { bodyToBlocks, expandMerged, extractDoc } from './doc.ts';
import { extractDocx } from './docx.ts';
import { ExtractError } from './errors.ts';
import { extractBytes } from './index.ts';

const DOCS = new URL('../test/fixtures/docs/', import.meta.url);
const bytes = (f: string) => new Uint8Array(readFileSync(new URL(f, DOCS)));
const expectedTables = (name: string): string[][][] => JSON.parse(readFileSync(new URL(`${name}.tables.json`, DOCS), 'utf8'));
const grids = (blocks: { kind: string }[]) => blocks.filter((b): b is TableBlock => b.kind === 'table').map((t) => t.rows);

describe('DOCX', () => {
  it.each(['t2019-mudanjiang', 't2021-changle'])('%s.docx: tables equal the HTML tables, spans expanded', async (name) => {
    const doc = await extractDocx(bytes(`${name}.docx`), `${name}.docx`);
    expect(grids(doc.blocks)).toEqual(expectedTables(name));
    expect(doc.source.format).toBe('docx');
    expect(doc.title).toMatch(/政府信息公开工作年度报告$/);
  });

  it('refuses a zip that would unpack to hundreds of megabytes before inflating it', async () => {
    // One central-directory entry declaring 3 GB uncompressed: the shape of a zip bomb.
    const name = Buffer.from('word/document.xml');
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt32LE(3_000_000_000, 24);
    central.writeUInt16LE(name.length, 28);
    const eocd = Buffer.alloc(22);
    eocd.writeUInt32LE(0x06054b50, 0);
    eocd.writeUInt16LE(1, 8);
    eocd.writeUInt16LE(1, 10);
    eocd.writeUInt32LE(central.length + name.length, 12);
    eocd.writeUInt32LE(4, 16);
    const zip = Buffer.concat([Buffer.from('PK\x03\x04'), central, name, eocd]);
    await expect(extractDocx(zip, 'bomb.docx')).rejects.toMatchObject({ failure: 'too_large' });
  });
});

describe('DOC and WPS without LibreOffice', () => {
  it.each([
    ['t2019-mudanjiang', 'doc'],
    ['t2019-mudanjiang', 'wps'],
    ['t2021-changle', 'doc'],
  ])('%s.%s: every row found and merged cells expanded like the HTML', async (name, ext) => {
    const doc = await extractDoc(bytes(`${name}.${ext}`), `${name}.${ext}`, { soffice: false });
    expect(grids(doc.blocks)).toEqual(expectedTables(name));
    expect(doc.warnings).toEqual([]);
    expect(doc.source.format).toBe('doc');
  });

  it('keeps prose paragraphs and numbered headings', async () => {
    const doc = await extractDoc(bytes('pre2019-kaizhou.doc'), 'pre2019-kaizhou.doc', { soffice: false });
    expect(doc.blocks[0]).toEqual({ kind: 'heading', level: 1, text: '重庆市开州区2017年政府信息公开工作年度报告' });
    expect(doc.blocks).toContainEqual({ kind: 'heading', level: 2, text: '三、依申请公开政府信息情况' });
    expect(doc.blocks).toContainEqual({ kind: 'paragraph', text: '2017年,全区受理公民、法人和其他组织申请115件,按时办结115件,均已按时答复,办理完结。' });
  });

  it('a damaged Word file is unreadable, with one sentence', async () => {
    const whole = bytes('t2021-changle.doc');
    const err = await extractDoc(whole.subarray(0, 3000), 'cut.doc', { soffice: false }).catch((e) => e);
    expect(err).toBeInstanceOf(ExtractError);
    expect(err.failure).toBe('unreadable');
    expect(err.message).toMatch(/^the Word \(DOC\/WPS\) file is damaged/);
  });

  it('a ".doc" that is really DOCX is read as DOCX (sniffed, not trusted by name)', async () => {
    const doc = await extractBytes(bytes('t2021-changle-really-docx.doc'), { name: 't2021-changle-really-docx.doc' });
    expect(doc.source.format).toBe('docx');
    expect(grids(doc.blocks)).toEqual(expectedTables('t2021-changle'));
  });
});

describe('rows rebuilt from word-extractor text', () => {
  it('without row geometry, rows stay as written and the table is flagged', () => {
    const warnings: string[] = [];
    const blocks = bodyToBlocks('二、主动公开政府信息情况\n信息内容\t本年制发件数\t\n规章\t0\t\n', [], warnings);
    expect(blocks).toEqual([
      { kind: 'heading', level: 2, text: '二、主动公开政府信息情况' },
      { kind: 'table', index: 1, origin: 'doc', rows: [['信息内容', '本年制发件数'], ['规章', '0']] },
    ]);
    expect(warnings[0]).toMatch(/merged cells not expanded/);
  });

  it('expands a vertically merged label and a cell spanning two columns from the cell edges', () => {
    const rows = [['（三）不予公开', '1.属于国家秘密', '0'], ['', '2.其他法律行政法规禁止公开', '1'], ['（七）总计', '3']];
    const defs = [
      { edges: [0, 1000, 3000, 4000], merges: [{ h: 0, v: 3 }, { h: 0, v: 0 }, { h: 0, v: 0 }] },
      { edges: [0, 1000, 3000, 4000], merges: [{ h: 0, v: 1 }, { h: 0, v: 0 }, { h: 0, v: 0 }] },
      { edges: [0, 3000, 4000], merges: [{ h: 0, v: 0 }, { h: 0, v: 0 }] },
    ];
    expect(expandMerged(rows, defs)).toEqual([
      ['（三）不予公开', '1.属于国家秘密', '0'],
      ['（三）不予公开', '2.其他法律行政法规禁止公开', '1'],
      ['（七）总计', '（七）总计', '3'],
    ]);
  });
});
