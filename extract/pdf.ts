// PDF bytes → Document, with pdfjs-dist 5.6 (the last release for Node 20). pdf.js runs in this
// process (no worker thread); its CMaps and standard fonts are loaded from the package, without
// which Chinese text in non-embedded fonts (STSong-Light + UniGB-UCS2-H) comes out empty.
// This module is the I/O edge: it reads text items and the operator list of every page and
// hands plain data to pdf-layout.ts.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Document } from './document.ts';
import { ExtractError } from './errors.ts';
import { graphicsFromOperatorList, type OpCodes, type Segment } from './pdf-geometry.ts';
import { layoutPages, type PdfPage } from './pdf-layout.ts';
import type { TextItem } from './pdf-lines.ts';

export interface PdfOptions {
  /** Pages read at most; the rest is ignored with a warning (annual reports have < 60). */
  maxPages?: number;
  /** Text items read per page at most; beyond it the page is skipped as hostile. */
  maxItemsPerPage?: number;
  /** Wall-clock budget for the whole document, in ms. */
  timeoutMs?: number;
  /** Read scanned PDFs with tesseract (extract/ocr.ts) when it is installed, instead of refusing them. */
  ocr?: boolean;
}

const DEFAULTS: Required<PdfOptions> = { maxPages: 200, maxItemsPerPage: 50_000, timeoutMs: 60_000, ocr: false };
/** Fewer CJK characters than this per page read is not a usable text layer. */
const MIN_CJK_PER_PAGE = 20;
const MIN_CJK_TOTAL = 40;

const pkgDir = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const assets = {
  // pdf.js in Node reads these with fs when given plain paths ending in '/'.
  cMapUrl: join(pkgDir, 'cmaps') + '/',
  standardFontDataUrl: join(pkgDir, 'standard_fonts') + '/',
};

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsPromise: Promise<PdfJs> | undefined;
function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= import(pathToFileURL(join(pkgDir, 'legacy/build/pdf.mjs')).href) as Promise<PdfJs>;
  return pdfjsPromise;
}

export async function extractPdf(bytes: Uint8Array, name: string, options: PdfOptions = {}): Promise<Document> {
  const opts = { ...DEFAULTS, ...options };
  try {
    return await extractTextLayer(bytes, name, opts);
  } catch (err) {
    if (!(opts.ocr && err instanceof ExtractError && err.failure === 'needs_ocr')) throw err;
    const { ocrAvailable, ocrPdf } = await import('./ocr.ts');
    if (!ocrAvailable()) throw err;
    return ocrPdf(bytes, name, { maxPages: opts.maxPages });
  }
}

async function extractTextLayer(bytes: Uint8Array, name: string, opts: Required<PdfOptions>): Promise<Document> {
  checkComplete(bytes, name);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ExtractError('too_large', name, `the PDF took longer than ${opts.timeoutMs / 1000} s to read; gave up.`)), opts.timeoutMs);
  });
  let task: { destroy(): Promise<void> } | undefined;
  try {
    return await Promise.race([
      readPdf(bytes, name, opts, (t) => (task = t)),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
    await task?.destroy().catch(() => undefined);
  }
}

/** A file cut off in transfer has no end-of-file marker; pdf.js would half-recover it silently. */
function checkComplete(bytes: Uint8Array, name: string): void {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString('latin1');
  if (!head.includes('%PDF-')) throw new ExtractError('unreadable', name, 'not a PDF file (no %PDF- header).');
  const tailStart = Math.max(0, bytes.byteLength - 4096);
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset + tailStart, bytes.byteLength - tailStart).toString('latin1');
  if (!tail.includes('%%EOF')) {
    throw new ExtractError('unreadable', name, 'the PDF is truncated or damaged (no end-of-file marker); the download was probably cut off.');
  }
}

async function readPdf(bytes: Uint8Array, name: string, opts: Required<PdfOptions>, onTask: (t: { destroy(): Promise<void> }) => void): Promise<Document> {
  const pdfjs = await loadPdfJs();
  const loadingTask = pdfjs.getDocument({
    // pdf.js takes ownership of (detaches) the buffer it is given: pass a copy.
    data: new Uint8Array(bytes),
    cMapUrl: assets.cMapUrl,
    cMapPacked: true,
    standardFontDataUrl: assets.standardFontDataUrl,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  onTask(loadingTask);
  let pdf: Awaited<typeof loadingTask.promise>;
  try {
    pdf = await loadingTask.promise;
  } catch (err) {
    throw new ExtractError('unreadable', name, describeLoadError(err), { cause: err });
  }

  const ops = pdfjs.OPS as unknown as OpCodes;
  const warnings: string[] = [];
  const count = Math.min(pdf.numPages, opts.maxPages);
  if (pdf.numPages > count) warnings.push(`only the first ${count} of ${pdf.numPages} pages were read`);
  const pages: PdfPage[] = [];
  let failed = 0;
  for (let n = 1; n <= count; n++) {
    try {
      const page = await pdf.getPage(n);
      // Page space for layout: upright, origin bottom-left, y up — through the viewport, so a
      // page with /Rotate 90 (landscape tables) or an offset crop box reads like any other.
      const viewport = page.getViewport({ scale: 1 });
      const width = viewport.width;
      const height = viewport.height;
      const toPage = (x: number, y: number): [number, number] => {
        const [vx, vy] = viewport.convertToViewportPoint(x, y);
        return [vx, height - vy];
      };
      const content = await page.getTextContent({ includeMarkedContent: false, disableNormalization: false });
      if (content.items.length > opts.maxItemsPerPage) {
        warnings.push(`page ${n} skipped: ${content.items.length} text items`);
        continue;
      }
      const items: TextItem[] = [];
      for (const it of content.items) {
        if (!('str' in it) || !it.str) continue;
        const [a, b, c, d, e, f] = it.transform as number[];
        const size = Math.hypot(c, d) || it.height;
        if (!size) continue;
        const [x, y] = toPage(e, f);
        const [ax, ay] = toPage(e + a, f + b);
        // Text running other than left-to-right on the upright page (stamps, vertical margin
        // notes, mirrored marks) is not report text.
        if (ax - x <= 0 || Math.abs(ay - y) > 0.02 * Math.abs(ax - x)) continue;
        items.push({ str: it.str, x, y, width: it.width, size });
      }
      // The operator list (ruling lines, images) costs a third of the time: read it only where a
      // table or a scan can be — pages with number cells, or with (almost) no text at all.
      const graphics = mayHoldTableOrScan(items)
        ? await page
            .getOperatorList({ annotationMode: pdfjs.AnnotationMode.DISABLE })
            .then((l) => graphicsFromOperatorList(l.fnArray, l.argsArray, ops, { width, height }))
        : { segments: [], images: 0, imageCover: 0 };
      graphics.segments = graphics.segments.flatMap((sg): Segment[] => {
        const [p, q] = sg.dir === 'h' ? [toPage(sg.from, sg.pos), toPage(sg.to, sg.pos)] : [toPage(sg.pos, sg.from), toPage(sg.pos, sg.to)];
        if (Math.abs(p[1] - q[1]) < 0.5) return [{ dir: 'h' as const, pos: p[1], from: Math.min(p[0], q[0]), to: Math.max(p[0], q[0]) }];
        if (Math.abs(p[0] - q[0]) < 0.5) return [{ dir: 'v' as const, pos: p[0], from: Math.min(p[1], q[1]), to: Math.max(p[1], q[1]) }];
        return [];
      });
      pages.push({ number: n, width, height, items, graphics });
      page.cleanup();
    } catch (err) {
      if (err instanceof ExtractError) throw err;
      failed++;
      warnings.push(`page ${n} unreadable: ${(err as Error).message}`);
    }
  }
  if (count > 0 && failed === count) throw new ExtractError('unreadable', name, 'the PDF is damaged: none of its pages could be read.');

  const layout = layoutPages(pages);
  if (layout.cjkChars < Math.max(MIN_CJK_TOTAL, MIN_CJK_PER_PAGE * Math.min(pages.length, 3))) {
    const scanned = pages.filter((p) => p.graphics.imageCover > 0.5).length;
    if (scanned > 0 && scanned >= pages.length / 2) {
      throw new ExtractError('needs_ocr', name, `the PDF is a scan: ${scanned} of ${pages.length} pages are images with no text layer (OCR needed).`);
    }
    throw new ExtractError('extraction_empty', name, `the PDF has almost no Chinese text (${layout.cjkChars} characters on ${pages.length} pages).`);
  }

  const meta = await pdf.getMetadata().catch(() => undefined);
  const metaTitle = (meta?.info as { Title?: string } | undefined)?.Title?.trim();
  const heading = layout.blocks.find((b) => b.kind === 'heading' && b.level === 1);
  await pdf.cleanup();
  return {
    title: heading && heading.kind === 'heading' ? heading.text : metaTitle || undefined,
    blocks: layout.blocks,
    source: { name, format: 'pdf', pages: pdf.numPages },
    warnings: [...warnings, ...layout.warnings],
  };
}

/**
 * Number cells (a number standing apart from its neighbours on its line) or hardly any text (a
 * scanned page). Numbers inside prose sit right against the characters around them.
 */
export function mayHoldTableOrScan(items: TextItem[]): boolean {
  let chars = 0;
  const lines = new Map<number, TextItem[]>();
  for (const it of items) {
    chars += it.str.trim().length;
    const key = Math.round(it.y);
    if (!lines.has(key)) lines.set(key, []);
    lines.get(key)!.push(it);
  }
  if (chars < 50) return true;
  const NUMBER = /^[-+]?\d[\d.,]*(?:万?元|%)?$/;
  let cells = 0;
  for (const line of lines.values()) {
    line.sort((a, b) => a.x - b.x);
    const parts = line.filter((it) => it.str.trim());
    let apartRuns = 0;
    parts.forEach((it, i) => {
      const prev = parts[i - 1];
      const next = parts[i + 1];
      const apart = (!prev || it.x - (prev.x + prev.width) > 0.8 * it.size) && (!next || next.x - (it.x + it.width) > 0.8 * it.size);
      if (!apart) return;
      apartRuns++;
      if (NUMBER.test(it.str.trim())) cells++;
    });
    // A header row ("信息内容  本年制发件数  本年废止件数") or a few number cells.
    if (cells >= 2 || apartRuns >= 3) return true;
  }
  return false;
}

function describeLoadError(err: unknown): string {
  const e = err as { name?: string; message?: string };
  if (e?.name === 'PasswordException') return 'the PDF is encrypted with a password and cannot be read.';
  if (e?.name === 'InvalidPDFException') return 'the PDF is damaged and cannot be read (invalid PDF structure).';
  return `the PDF cannot be read (${e?.message ?? String(err)}).`;
}
