// OCR for scanned PDFs, behind an option: pages rasterised by pdftoppm (poppler-utils), read by
// Debian's tesseract with the chi_sim model, and laid out by the same code as a text PDF (words
// with their boxes → lines → paragraphs; tables from column alignment, since a scan has no
// ruling lines to read). Everything it reads is marked as OCR (Document.source.ocr): numbers
// from it are low-confidence and must be held to the template identities before anyone trusts
// them. Not installed on CI; `ocrAvailable()` says whether this machine can do it.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Document } from './document.ts';
import { ExtractError } from './errors.ts';
import { layoutPages, type PdfPage } from './pdf-layout.ts';
import type { TextItem } from './pdf-lines.ts';

const TESSERACT = '/usr/bin/tesseract';
const PDFTOPPM = '/usr/bin/pdftoppm';
const TESSDATA_ROOT = '/usr/share/tesseract-ocr';

export interface OcrOptions {
  /** Rasterisation resolution; 300 dpi is what tesseract is trained for. */
  dpi?: number;
  maxPages?: number;
  /** Budget per page, in ms. */
  pageTimeoutMs?: number;
}

export function ocrAvailable(): boolean {
  if (!existsSync(TESSERACT) || !existsSync(PDFTOPPM) || !existsSync(TESSDATA_ROOT)) return false;
  return readdirSync(TESSDATA_ROOT).some((v) => existsSync(join(TESSDATA_ROOT, v, 'tessdata', 'chi_sim.traineddata')));
}

export async function ocrPdf(bytes: Uint8Array, name: string, options: OcrOptions = {}): Promise<Document> {
  const dpi = options.dpi ?? 300;
  const maxPages = options.maxPages ?? 40;
  const timeout = options.pageTimeoutMs ?? 120_000;
  const run = promisify(execFile);
  const dir = await mkdtemp(join(tmpdir(), 'ogi-ocr-'));
  try {
    await writeFile(join(dir, 'in.pdf'), bytes);
    await run(PDFTOPPM, ['-r', String(dpi), '-gray', '-png', '-l', String(maxPages), join(dir, 'in.pdf'), join(dir, 'p')], { timeout: timeout * maxPages });
    const images = (await readdir(dir)).filter((f) => f.endsWith('.png')).sort((a, b) => pageOf(a) - pageOf(b));
    const pages: PdfPage[] = [];
    for (const image of images) {
      const png = await readFile(join(dir, image));
      const { stdout } = await run(TESSERACT, [join(dir, image), 'stdout', '-l', 'chi_sim', '--psm', '6', 'tsv'], { timeout, maxBuffer: 64 * 1024 * 1024 });
      const pt = 72 / dpi;
      pages.push({
        number: pageOf(image),
        width: png.readUInt32BE(16) * pt,
        height: png.readUInt32BE(20) * pt,
        items: wordsFromTsv(stdout, png.readUInt32BE(20), pt),
        graphics: { segments: [], images: 1, imageCover: 1 },
      });
    }
    const layout = layoutPages(pages);
    if (layout.cjkChars < 20) throw new ExtractError('extraction_empty', name, 'OCR found (almost) no Chinese text in the scanned PDF.');
    const heading = layout.blocks.find((b) => b.kind === 'heading' && b.level === 1);
    return {
      title: heading && heading.kind === 'heading' ? heading.text : undefined,
      blocks: layout.blocks,
      source: { name, format: 'pdf', pages: pages.length, ocr: true },
      warnings: ['text read by OCR (tesseract chi_sim): numbers are low-confidence', ...layout.warnings],
    };
  } catch (err) {
    if (err instanceof ExtractError) throw err;
    throw new ExtractError('needs_ocr', name, `the PDF is a scan and OCR failed (${(err as Error).message.split('\n')[0]}).`, { cause: err });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function pageOf(file: string): number {
  return Number(/-(\d+)\.png$/.exec(file)?.[1] ?? 0);
}

/**
 * tesseract TSV (level, page, block, par, line, word, left, top, width, height, conf, text) →
 * positioned words in PDF points, y up. Word boxes hug the glyphs, so their bottoms wander; every
 * word of one tesseract line gets that line's baseline and height. Words it is unsure of
 * (conf < 30) are dropped.
 */
export function wordsFromTsv(tsv: string, imageHeight: number, pt: number): TextItem[] {
  const lines = new Map<string, { left: number; width: number; text: string }[]>();
  const boxes = new Map<string, { bottom: number; height: number }>();
  for (const row of tsv.split('\n').slice(1)) {
    const f = row.split('\t');
    if (f.length < 12 || f[0] !== '5' || !f[11].trim() || Number(f[10]) < 30) continue;
    const key = f.slice(1, 5).join('-');
    const [left, top, width, height] = f.slice(6, 10).map(Number);
    if (!lines.has(key)) lines.set(key, []);
    lines.get(key)!.push({ left, width, text: f[11] });
    const box = boxes.get(key) ?? { bottom: 0, height: 0 };
    boxes.set(key, { bottom: Math.max(box.bottom, top + height), height: Math.max(box.height, height) });
  }
  const items: TextItem[] = [];
  for (const [key, words] of lines) {
    const { bottom, height } = boxes.get(key)!;
    for (const w of words) items.push({ str: w.text, x: w.left * pt, y: (imageHeight - bottom) * pt, width: w.width * pt, size: height * pt });
  }
  return items;
}
