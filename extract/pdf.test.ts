// PDF extraction against the committed fixtures (test/fixtures/docs, made by make-fixtures.ts
// from the same HTML the portal serves). The expected table grids are the HTML tables with
// rowspan/colspan expanded (*.tables.json), so "the PDF gives the HTML's table" is checked cell
// by cell.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Block, Document, TableBlock } from './document.ts';
import { ExtractError } from './errors.ts';
import { extractPdf } from './pdf.ts';
import { dropAutospace } from './pdf-lines.ts';

const DOCS = new URL('../test/fixtures/docs/', import.meta.url);
const bytes = (f: string) => new Uint8Array(readFileSync(new URL(f, DOCS)));
const expectedTables = (name: string): string[][][] => JSON.parse(readFileSync(new URL(`${name}.tables.json`, DOCS), 'utf8'));
const tables = (d: Document) => d.blocks.filter((b): b is TableBlock => b.kind === 'table');
const texts = (d: Document) => d.blocks.filter((b): b is Exclude<Block, TableBlock> => b.kind !== 'table').map((b) => b.text);

/**
 * The article's paragraphs and headings as the HTML source has them. A space between Chinese and
 * a digit ("760 条") cannot be told from an office suite's autospace in a PDF, so it is dropped.
 */
function htmlParagraphs(name: string): string[] {
  const html = readFileSync(new URL(`${name}.print.html`, DOCS), 'utf8');
  return [...html.matchAll(/<(?:p|h1)[^>]*>([^<]*)<\/(?:p|h1)>/g)].map((m) => dropAutospace(m[1].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')));
}

// Chromium prints whole rows and repeats <thead>; the office suite cuts rows and merged cells'
// text at page breaks, and autospaces digits. Both must give the same tables and prose.
const PRINTS = ['pdf', 'office.pdf'];

async function failureOf(file: string): Promise<ExtractError> {
  try {
    await extractPdf(bytes(file), file);
  } catch (err) {
    if (err instanceof ExtractError) return err;
    throw err;
  }
  throw new Error(`${file} was extracted`);
}

describe('extractPdf on reports printed by Chromium and exported by an office suite', () => {
  it.each(PRINTS.flatMap((ext) => ['t2019-mudanjiang', 't2021-changle'].map((name) => `${name}.${ext}`)))('%s: every table equals the HTML table, merged cells expanded', async (file) => {
    const name = file.split('.')[0];
    const doc = await extractPdf(bytes(file), file);
    expect(tables(doc).map((t) => t.rows)).toEqual(expectedTables(name));
    for (const t of tables(doc)) {
      expect(t.origin).toBe('pdf');
      expect(t.page).toBeGreaterThanOrEqual(1);
    }
  });

  it('joins table 三 across the page break when the header is not repeated (t2019)', async () => {
    const doc = await extractPdf(bytes('t2019-mudanjiang.pdf'), 't2019-mudanjiang.pdf');
    expect(doc.warnings).toContain('table 2 continued across page 2→3 joined');
    const t3 = tables(doc)[1];
    // Rows printed on page 3 still carry the labels of the merged cells begun on page 2.
    expect(t3.rows.find((r) => r.includes('7.属于行政执法案卷'))).toEqual(['三、本年度办理结果', '（三）不予公开', '7.属于行政执法案卷', '1', '0', '0', '0', '0', '0', '1']);
    // Row 四 keeps its blank cells blank: absent, not zero.
    expect(t3.rows[t3.rows.length - 1].slice(3)).toEqual(['', '1', '', '', '', '', '1']);
  });

  it('joins tables continued on the next page with the header rows repeated there (t2021)', async () => {
    const doc = await extractPdf(bytes('t2021-changle.pdf'), 't2021-changle.pdf');
    expect(doc.warnings).toEqual(['table 1 continued across page 1→2 joined', 'table 2 continued across page 2→3 joined']);
    const t3 = tables(doc)[1];
    expect(t3.rows.filter((r) => r[3] === '申请人情况')).toHaveLength(1);
    expect(t3.rows.find((r) => r[1] === '（七）总计')).toEqual(['三、本年度办理结果', '（七）总计', '（七）总计', '52', '7', '1', '0', '2', '0', '62']);
  });

  it.each(PRINTS.flatMap((ext) => ['t2019-mudanjiang', 't2021-changle', 'pre2019-kaizhou'].map((name) => `${name}.${ext}`)))('%s: paragraphs and headings read back as written, page furniture dropped', async (file) => {
    const name = file.split('.')[0];
    const doc = await extractPdf(bytes(file), file);
    expect(texts(doc)).toEqual(htmlParagraphs(name));
    const all = texts(doc).join('\n');
    expect(all).not.toMatch(/第\s*\d+\s*页/);
    expect(all).not.toMatch(/^-\s*\d+\s*-$/m);
    expect(doc.title).toBe(htmlParagraphs(name)[0]);
    expect(doc.blocks[0]).toMatchObject({ kind: 'heading', level: 1, page: 1 });
  });

  it('places blocks on their pages with positions', async () => {
    const doc = await extractPdf(bytes('pre2019-kaizhou.pdf'), 'pre2019-kaizhou.pdf');
    expect(doc.source).toEqual({ name: 'pre2019-kaizhou.pdf', format: 'pdf', pages: 7 });
    const pages = doc.blocks.map((b) => b.page!);
    expect(pages).toEqual([...pages].sort((a, b) => a - b));
    expect(new Set(pages).size).toBe(7);
    const sentence = doc.blocks.find((b) => b.kind === 'paragraph' && b.text.includes('全区受理公民、法人和其他组织申请115件'))!;
    expect(sentence.x).toBeGreaterThan(0);
    expect(sentence.y).toBeGreaterThan(0);
  });
});

describe('extractPdf on office output', () => {
  it('reads Chinese set in the non-embedded STSong-Light font (needs the CMaps)', async () => {
    const doc = await extractPdf(bytes('stsong-nonembedded.pdf'), 'stsong-nonembedded.pdf');
    expect(doc.title).toBe('桦川县2016年政府信息公开工作年度报告');
    expect(texts(doc)).toContain('2016年，全县主动公开政府信息1326条，其中通过政府网站公开1180条。全年共受理政府信息公开申请27件，均已按期答复。');
    expect(tables(doc)[0].rows).toEqual([
      ['指标', '单位', '数量'],
      ['主动公开政府信息数', '条', '1326'],
      ['其中：政府网站公开政府信息数', '条', '1180'],
      ['收到申请数', '件', '27'],
      ['申请答复数', '件', '27'],
    ]);
  });
});

describe('extractPdf on a page stored landscape with /Rotate 90', () => {
  it('reads it as the upright page it displays: same prose, same table', async () => {
    const upright = await extractPdf(bytes('stsong-nonembedded.pdf'), 'a.pdf');
    const rotated = await extractPdf(bytes('stsong-rotated.pdf'), 'b.pdf');
    const strip = (d: Document) => d.blocks.map(({ x, y, ...rest }) => rest);
    expect(strip(rotated)).toEqual(strip(upright));
    expect(tables(rotated)[0].rows[1]).toEqual(['主动公开政府信息数', '条', '1326']);
  });
});

describe('extractPdf refuses what it cannot read, with one clear sentence', () => {
  it('a scanned report (pages are images) needs OCR', async () => {
    const err = await failureOf('scanned-mudanjiang.pdf');
    expect(err.failure).toBe('needs_ocr');
    expect(err.message).toMatch(/scan.*OCR/);
  });

  it('a download cut off halfway is unreadable', async () => {
    const err = await failureOf('truncated-mudanjiang.pdf');
    expect(err.failure).toBe('unreadable');
    expect(err.message).toMatch(/truncated/);
  });

  it('bytes that only claim to be a PDF are unreadable', async () => {
    const junk = new TextEncoder().encode('%PDF-1.7\n' + 'x'.repeat(3000) + '\n%%EOF\n');
    await expect(extractPdf(junk, 'junk.pdf')).rejects.toMatchObject({ failure: 'unreadable' });
  });
});

// pdftotext (poppler-utils) lays the same page out independently: every table row it prints on
// one line must carry exactly the numbers of our row. CI installs poppler-utils.
describe.runIf(existsSync('/usr/bin/pdftotext'))('cross-check with pdftotext -layout', () => {
  it.each(PRINTS.flatMap((ext) => ['t2019-mudanjiang', 't2021-changle'].map((name) => `${name}.${ext}`)))('%s: numbers of each table row agree', async (file) => {
    const layout = execFileSync('/usr/bin/pdftotext', ['-layout', new URL(file, DOCS).pathname, '-'], { encoding: 'utf8' }).split('\n');
    const doc = await extractPdf(bytes(file), file);
    let checked = 0;
    const number = (cell: string) => /^(\d+(?:\.\d+)?)(?:万元|元)?$/.exec(cell)?.[1];
    for (const row of tables(doc).flatMap((t) => t.rows)) {
      const numbers = row.map(number).filter((n): n is string => n !== undefined);
      const label = row.filter((c) => /[\u4e00-\u9fff]/.test(c) && !number(c)).pop();
      if (numbers.length < 2 || !label) continue;
      const labels = [...new Set(row.filter((c) => c && !number(c)))];
      // The row's line: its labels plus numbers and nothing else (prose mentioning a label is not).
      const line = layout.find((l) => {
        const compact = l.replace(/\s+/g, '');
        return compact.includes(label) && /^[\d.万元]+$/.test(labels.reduce((rest, c) => rest.replace(c, ''), compact));
      });
      if (!line) continue; // the label wraps over several lines in the layout
      const printed = line.replace(/(?<![\d.])\d+\.(?!\d)/g, ' ').replace(/[^\d.]+/g, ' ').trim().split(' ');
      // A cell spanning columns prints its number once; our grid repeats it in each column.
      const once = numbers.filter((n, i) => n !== numbers[i - 1]);
      const tail = printed.slice(-numbers.length);
      expect(tail.join(' ') === numbers.join(' ') || printed.slice(-once.length).join(' ') === once.join(' '), `${label}: ${line.trim()}`).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(12);
  });
});
