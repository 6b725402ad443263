// OCR of scanned PDFs (optional: needs Debian tesseract-ocr + chi_sim and poppler-utils; CI has
// no tesseract, so the end-to-end case runs only where it is installed).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ocrAvailable, ocrPdf, wordsFromTsv } from './ocr.ts';

describe('tesseract TSV → words', () => {
  it('puts every word of a tesseract line on that line\'s baseline, in PDF points', () => {
    const tsv = [
      'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
      '4\t1\t1\t1\t1\t0\t300\t1000\t900\t50\t-1\t',
      '5\t1\t1\t1\t1\t1\t300\t1004\t400\t44\t91.5\t全年共受理申请',
      '5\t1\t1\t1\t1\t2\t712\t1010\t60\t40\t88.0\t63',
      '5\t1\t1\t1\t1\t3\t780\t1002\t50\t48\t12.0\t件',
    ].join('\n');
    const words = wordsFromTsv(tsv, 3508, 72 / 300);
    expect(words.map((w) => w.str)).toEqual(['全年共受理申请', '63']); // conf 12 dropped
    expect(new Set(words.map((w) => w.y)).size).toBe(1);
    expect(words[0].y).toBeCloseTo((3508 - 1050) * 0.24, 5);
    expect(words[1].x).toBeCloseTo(712 * 0.24, 5);
  });
});

describe.runIf(ocrAvailable())('OCR of a scanned report (tesseract chi_sim)', () => {
  it('reads the prose of the first page and marks the document as OCR', async () => {
    const bytes = readFileSync(new URL('../test/fixtures/docs/scanned-mudanjiang.pdf', import.meta.url));
    const doc = await ocrPdf(bytes, 'scanned-mudanjiang.pdf', { maxPages: 1 });
    expect(doc.source).toMatchObject({ format: 'pdf', ocr: true });
    expect(doc.warnings[0]).toMatch(/OCR.*low-confidence/);
    expect(doc.blocks).toContainEqual(expect.objectContaining({ kind: 'heading', text: '一、总体情况' }));
    expect(doc.blocks.some((b) => b.kind === 'paragraph' && b.text.includes('2019年5月15日起施行'))).toBe(true);
  }, 120_000);
});
