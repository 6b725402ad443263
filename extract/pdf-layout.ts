// Pages of positioned text and rules → the document model's blocks: running headers, footers
// and page numbers dropped, ruled tables rebuilt (and joined when continued on the next page),
// the remaining lines grouped into headings and paragraphs. Pure: no pdf.js, no I/O.
import { classifyHeading } from './blocks.ts';
import type { Block, TableBlock } from './document.ts';
import type { PageGraphics } from './pdf-geometry.ts';
import { buildLines, itemRuns, joinWrapped, type Line, type Run, type TextItem } from './pdf-lines.ts';
import { alignedTables } from './pdf-align.ts';
import { absorbOverflow, continuedRows, joinRows, ruledTables, type GridTable } from './pdf-tables.ts';

export interface PdfPage {
  /** 1-based. */
  number: number;
  width: number;
  height: number;
  items: TextItem[];
  graphics: PageGraphics;
}

export interface PdfLayout {
  blocks: Block[];
  warnings: string[];
  /** Count of CJK characters read, to tell a real text layer from an empty or scanned one. */
  cjkChars: number;
  textChars: number;
}

// Page furniture, matched on a line's text with spaces removed.
const PAGE_NUMBER = [
  /^第\d+页(?:[,，/]?共\d+页)?$/, // 第 1 页 共 3 页
  /^[-—–－]\d+[-—–－]$/, // - 2 -
  /^\d+\/\d+$/, // 2/7
  /^\d{1,3}$/, // a bare page number in the margin
  /^page\d+(?:of\d+)?$/i,
];
/** Header/footer zone: this share of the page height at the top and at the bottom. */
const MARGIN_ZONE = 0.1;

type Placed = { top: number; page: number } & ({ kind: 'lines'; lines: Line[] } | { kind: 'table'; table: GridTable });

export function layoutPages(pages: PdfPage[]): PdfLayout {
  const warnings: string[] = [];
  const pageRuns = pages.map((p) => withoutOverprint(p.items.flatMap(itemRuns).filter((r) => r.x1 > 0 && r.x0 < p.width && r.y > -5 && r.y < p.height + 5)));
  const furniture = runningFurniture(pages, pageRuns);

  let cjkChars = 0;
  let textChars = 0;
  const placed: Placed[] = [];
  pages.forEach((page, i) => {
    const runs = pageRuns[i];
    for (const r of runs) textChars += r.text.length;
    const tables = ruledTables(page.graphics.segments, runs);
    const inTable = new Set<Run>();
    for (const t of tables) for (const r of t.runs) inTable.add(r);
    const furnitureRuns = new Set(
      buildLines(runs.filter((r) => !inTable.has(r)))
        .filter((l) => isFurniture(l, page, furniture))
        .flatMap((l) => l.sources),
    );
    // Chinese text of the body only: a scan printed by a portal carries a text layer of page
    // numbers and the site's name on every page, and is still a scan.
    for (const r of runs) if (!furnitureRuns.has(r)) cjkChars += (r.text.match(/[\u4e00-\u9fff]/g) ?? []).length;
    const isBody = (r: Run) => !inTable.has(r) && !furnitureRuns.has(r);
    for (const t of tables) for (const r of absorbOverflow(t, runs, isBody)) inTable.add(r);
    let lines = buildLines(runs.filter((r) => !inTable.has(r))).filter((l) => !isFurniture(l, page, furniture));
    // Borderless tables: number cells lined up in columns, where no ruled table was drawn.
    for (const a of alignedTables(lines)) {
      tables.push({ top: a.top, bottom: a.top, left: NaN, right: NaN, cols: [], rows: a.rows, openTop: [], runs: new Set() });
      lines = lines.filter((l) => !a.lines.has(l));
      warnings.push(`table on page ${page.number} rebuilt from column alignment (no ruling lines)`);
    }
    tables.sort((a, b) => b.top - a.top);
    for (const t of tables) placed.push({ kind: 'table', table: t, top: t.top, page: page.number });
    // Lines between tables form groups, so prose before and after a table stays apart.
    let group: Line[] = [];
    const flush = () => {
      if (group.length) placed.push({ kind: 'lines', lines: group, top: group[0].y, page: page.number });
      group = [];
    };
    const edges = tables.map((t) => t.top);
    for (const line of lines) {
      if (group.length && edges.some((e) => e < group[group.length - 1].y && e > line.y)) flush();
      group.push(line);
    }
    flush();
  });
  placed.sort((a, b) => a.page - b.page || b.top - a.top);

  const bodySize = dominantSize(pages, pageRuns);
  // Margins from the prose lines of the whole document (table cells would skew one page's).
  const prose = placed.flatMap((p) => (p.kind === 'lines' ? p.lines : []));
  const left = mode(prose.map((l) => Math.round(l.x0))) ?? 0;
  const right = percentile(prose.map((l) => l.x1), 0.9) ?? 0;
  // Chinese paragraphs usually open with a two-character indent. Where they do, the indent is
  // the paragraph signal and a ragged line end (kinsoku moves "况、" to the next line) is not.
  const indented = prose.filter((l) => l.x0 > left + 1.5 * l.size && l.x0 < left + 2.6 * l.size).length;
  const indentStyle = prose.length > 0 && indented / prose.length >= 0.05;

  const blocks: Block[] = [];
  let tableIndex = 0;
  let lastTable: { block: TableBlock; grid: GridTable; page: number } | undefined;
  let openParagraph: { text: string; endsFull: boolean; page: number } | undefined;
  for (const p of placed) {
    if (p.kind === 'table') {
      const prevBlock = blocks[blocks.length - 1];
      const rest = lastTable && prevBlock === lastTable.block && p.page === lastTable.page + 1 ? continuedRows(lastTable.grid, p.table) : undefined;
      if (lastTable && rest) {
        lastTable.block.rows = joinRows(rest.refine(lastTable.block.rows), rest);
        warnings.push(`table ${lastTable.block.index} continued across page ${lastTable.page}→${p.page} joined`);
        // Later pages line up with the columns of both parts.
        lastTable = { ...lastTable, grid: { ...lastTable.grid, cols: rest.cols }, page: p.page };
        continue;
      }
      const block: TableBlock = { kind: 'table', index: ++tableIndex, rows: p.table.rows, origin: 'pdf', page: p.page, x: round(p.table.left), y: round(p.table.top) };
      blocks.push(block);
      lastTable = { block, grid: p.table, page: p.page };
      openParagraph = undefined;
      continue;
    }
    const pageWidth = pages.find((pg) => pg.number === p.page)?.width ?? 595;
    for (const para of paragraphs(p.lines, left, right, bodySize, pageWidth, indentStyle)) {
      const text = joinWrapped(para.map((l) => l.text));
      const first = para[0];
      const endsFull = para[para.length - 1].x1 >= right - 1.5 * bodySize;
      // A paragraph broken by the page end continues at the top of the next page, unindented.
      const prev = blocks[blocks.length - 1];
      if (openParagraph && prev?.kind === 'paragraph' && p.page === openParagraph.page + 1 && openParagraph.endsFull && first.x0 < left + 0.8 * bodySize && !headingLevel(text, para, bodySize, blocks.length) && !opensItem(prev.text, text)) {
        prev.text = joinWrapped([prev.text, text]);
        openParagraph = { text: prev.text, endsFull, page: p.page };
        continue;
      }
      const level = headingLevel(text, para, bodySize, blocks.length);
      const pos = { page: p.page, x: round(first.x0), y: round(first.y + first.size) };
      blocks.push(level ? { kind: 'heading', text, level, ...pos } : { kind: 'paragraph', text, ...pos });
      openParagraph = { text, endsFull, page: p.page };
    }
    lastTable = undefined;
  }
  return { blocks, warnings, cjkChars, textChars };
}

/**
 * Fake bold: some producers print a string twice, a fraction of a point apart. The copy would
 * double every character ("政政府府") and every number in a cell ("1212"); it is dropped.
 */
export function withoutOverprint(runs: Run[]): Run[] {
  const seen = new Map<string, Run[]>();
  return runs.filter((r) => {
    const key = r.text;
    const same = seen.get(key) ?? [];
    if (same.some((o) => Math.abs(o.x0 - r.x0) < 0.2 * r.size && Math.abs(o.y - r.y) < 0.2 * r.size)) return false;
    same.push(r);
    seen.set(key, same);
    return true;
  });
}

/** Splits a run of lines into paragraphs: indents, short last lines, gaps and size changes. */
function paragraphs(lines: Line[], left: number, right: number, body: number, pageWidth: number, indentStyle: boolean): Line[][] {
  const out: Line[][] = [];
  let cur: Line[] = [];
  const spacing = median(lines.slice(1).map((l, i) => lines[i].y - l.y)) ?? body * 1.6;
  lines.forEach((line, i) => {
    const prev = lines[i - 1];
    let breakBefore = !prev;
    if (prev) {
      const gap = prev.y - line.y;
      const indented = line.x0 > left + 0.8 * body;
      // A line ends short either because its paragraph ended or because the next line's first
      // word did not fit ("0591-" / "28881234）。", kinsoku moving "况、" down): only the
      // first is a paragraph break.
      const slack = right - prev.x1;
      const prevShort = slack > Math.max((indentStyle ? 5 : 1.5) * line.size, (firstWordEm(line.text) + 0.6) * line.size);
      const sizeChange = Math.abs(prev.size - line.size) > 1;
      const centred = isCentred(line, pageWidth, left, right) || isCentred(prev, pageWidth, left, right);
      // Two centred lines of one size are a wrapped title, not two paragraphs.
      const wrappedTitle = isCentred(line, pageWidth, left, right + line.size) && Math.abs(prev.size - line.size) < 0.5 && prev.x1 >= right - 2 * line.size;
      // Large print (a title) wraps with wide line spacing: two such lines of one size are one block.
      const largeWrap = prev.size >= body * 1.15 && Math.abs(prev.size - line.size) < 0.5 && gap <= 3 * line.size && prev.x1 >= right - 2 * line.size;
      // An enumerated item after a finished sentence starts a paragraph even without an indent.
      const enumerated = opensItem(prev.text, line.text) || (isCellRow(prev) && ENUMERATED.test(line.text));
      breakBefore = !largeWrap && (indented || enumerated || (prevShort && !wrappedTitle) || sizeChange || (centred && !wrappedTitle) || gap > Math.max(spacing * 1.3, prev.size * 2.2));
    }
    if (breakBefore && cur.length) {
      out.push(cur);
      cur = [];
    }
    cur.push(line);
  });
  if (cur.length) out.push(cur);
  return out;
}

/** Width, in em, of what must move down together at the start of a line: a Latin/number word
 * plus the character after it, or a Chinese character with the punctuation that may not begin a line. */
/** An enumerated item after a finished sentence: a new paragraph even without an indent. */
/**
 * The line is cells set apart (a 统计表 row printed without borders, "（一）收到申请数 件 27 196",
 * or a header row "位 年 计"), not wrapped prose: a numbered row below it starts anew even when
 * its last cell reaches the margin.
 */
function isCellRow(line: Line): boolean {
  return line.runs.some((r, i) => i > 0 && r.x0 - line.runs[i - 1].x1 > 0.8 * r.size);
}

function opensItem(before: string, after: string): boolean {
  return /[。；;：:！？]$/.test(before) && ENUMERATED.test(after);
}

function firstWordEm(text: string): number {
  const latin = /^[\x21-\x7e]+/.exec(text)?.[0].length ?? 0;
  return latin * 0.55 + 2;
}

function isCentred(line: Line, pageWidth: number, left: number, right: number): boolean {
  const mid = (line.x0 + line.x1) / 2;
  return line.x0 > left + 2.5 * line.size && line.x1 < right - 2 * line.size && Math.abs(mid - pageWidth / 2) < 2 * line.size;
}

const ENUMERATED = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.．、](?!\d))/;

function headingLevel(text: string, lines: Line[], body: number, blocksSoFar: number): number | undefined {
  const size = Math.max(...lines.map((l) => l.size));
  // The title: the first large print of the document.
  if (blocksSoFar < 3 && size >= body * 1.1 && text.length <= 80 && lines.length <= 3) return 1;
  // Section numbering as the HTML and text extractors read it (一、… level 2, （一）… level 3),
  // for a line standing alone: the same heading whatever the format.
  return lines.length === 1 ? classifyHeading(text) : undefined;
}

/**
 * Running headers and footers: lines in the top or bottom margin whose text (digits ignored)
 * recurs on at least half the pages, or that look like page numbers.
 */
function runningFurniture(pages: PdfPage[], pageRuns: Run[][]): Set<string> {
  const counts = new Map<string, number>();
  pages.forEach((page, i) => {
    const seen = new Set<string>();
    for (const line of buildLines(pageRuns[i])) {
      if (!inMargin(line, page)) continue;
      seen.add(furnitureKey(line.text));
    }
    for (const k of seen) counts.set(k, (counts.get(k) ?? 0) + 1);
  });
  const need = Math.max(2, Math.ceil(pages.length / 2));
  return new Set([...counts].filter(([, n]) => n >= need && pages.length >= 2).map(([k]) => k));
}

function furnitureKey(text: string): string {
  return text.replace(/\s+/g, '').replace(/\d+/g, '#');
}

function inMargin(line: Line, page: PdfPage): boolean {
  return line.y > page.height * (1 - MARGIN_ZONE) || line.y < page.height * MARGIN_ZONE;
}

function isFurniture(line: Line, page: PdfPage, furniture: Set<string>): boolean {
  if (!inMargin(line, page)) return false;
  const compact = line.text.replace(/\s+/g, '');
  return furniture.has(furnitureKey(line.text)) || PAGE_NUMBER.some((re) => re.test(compact));
}

/** The body text size: the size carrying the most characters. */
function dominantSize(pages: PdfPage[], pageRuns: Run[][]): number {
  const weight = new Map<number, number>();
  for (const runs of pageRuns) for (const r of runs) weight.set(Math.round(r.size * 2) / 2, (weight.get(Math.round(r.size * 2) / 2) ?? 0) + r.text.length);
  let best = 12;
  let bestW = -1;
  for (const [size, w] of weight) if (w > bestW) [best, bestW] = [size, w];
  return pages.length ? best : 12;
}

function mode(values: number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: number | undefined;
  let n = 0;
  for (const [v, c] of counts) if (c > n || (c === n && best !== undefined && v < best)) [best, n] = [v, c];
  return best;
}

function median(values: number[]): number | undefined {
  if (!values.length) return undefined;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function percentile(values: number[], q: number): number | undefined {
  if (!values.length) return undefined;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * q))];
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
