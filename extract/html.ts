// HTML → Document. Finds the article inside a portal page, drops the chrome around it, and turns
// what is left into ordered blocks: headings, paragraphs and tables whose rowspan/colspan are
// expanded into a plain grid. Every walk is iterative and every dimension capped, so a hostile
// page (10 000 nested tables, 5 000 columns, 50 MB) is truncated with a warning, never a hang.
import { load, type CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import type { Block, Document, SourceFormat, TableBlock } from './document.ts';
import { CHROME_ATTR_FRAGMENTS, CHROME_TAGS, CONTENT_SELECTORS, TITLE_SITE_SUFFIX, isChromeLine } from './chrome.ts';
import { classifyHeading, joinPieces, normalizeSpace } from './blocks.ts';

export interface HtmlMeta {
  /** File path or URL, for the Document's source. */
  name: string;
  /** Encoding the bytes were decoded with, when they were. */
  encoding?: string;
  /** What the HTML came from: a web page, or a Word file converted to HTML (mammoth). */
  format?: SourceFormat;
  /** Origin recorded on the tables (`docx` when mammoth produced the HTML). */
  tableOrigin?: TableBlock['origin'];
  /** Skip content isolation: the whole body is the document (converted Word files have no chrome). */
  wholeBody?: boolean;
}

/** Hard limits; beyond them the page is truncated and a warning says so. */
export const HTML_LIMITS = {
  maxChars: 50 * 1024 * 1024,
  maxColumns: 1000,
  maxRowsPerTable: 20_000,
  maxCellsPerTable: 500_000,
  maxCellsPerDocument: 2_000_000,
  maxTableDepth: 64,
  maxBlocks: 200_000,
};

const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hgroup', 'hr', 'li', 'main', 'menu',
  'ol', 'p', 'pre', 'section', 'summary', 'ul', 'tr', 'td', 'th', 'caption', 'table', 'tbody', 'thead', 'tfoot', 'body', 'html', 'font',
]);
// <font> is inline in HTML, but Word/WPS-exported pages wrap whole paragraphs in it; treating it as
// a block only ever adds a paragraph break, which is harmless.
BLOCK_TAGS.delete('font');

function isElement(n: AnyNode): n is Element {
  return n.type === 'tag' || n.type === 'script' || n.type === 'style';
}

function attr(el: Element, name: string): string {
  return el.attribs?.[name] ?? '';
}

/** Text of a subtree, iteratively, with block boundaries kept as separate pieces. */
function subtreePieces(root: Element, stopAtTables = false): string[] {
  const pieces: string[] = [];
  let current = '';
  const flush = () => {
    const t = normalizeSpace(current);
    if (t) pieces.push(t);
    current = '';
  };
  const stack: (AnyNode | 'flush')[] = [...root.children].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (n === 'flush') {
      flush();
      continue;
    }
    if (n.type === 'text') {
      current += (n as unknown as { data: string }).data;
      continue;
    }
    if (!isElement(n)) continue;
    const tag = n.name;
    if (tag === 'script' || tag === 'style' || tag === 'noscript' || tag === 'template') continue;
    if (tag === 'br') {
      flush();
      continue;
    }
    if (stopAtTables && tag === 'table') continue;
    if (BLOCK_TAGS.has(tag)) {
      flush();
      stack.push('flush');
    }
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }
  flush();
  return pieces;
}

/** Plain text length of a subtree without allocating the text. */
function textLength(root: AnyNode): number {
  let len = 0;
  const stack: AnyNode[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'text') len += (n as unknown as { data: string }).data.replace(/\s+/g, '').length;
    else if (isElement(n) && n.name !== 'script' && n.name !== 'style') for (const c of n.children) stack.push(c);
  }
  return len;
}

function cellText(cell: Element): string {
  return joinPieces(subtreePieces(cell));
}

// ---------------------------------------------------------------------------------------------
// Tables

/** The <tr> rows that belong to this table (not to a nested one). */
function ownRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const c of table.children) {
    if (!isElement(c)) continue;
    if (c.name === 'tr') rows.push(c);
    else if (c.name === 'thead' || c.name === 'tbody' || c.name === 'tfoot') {
      for (const r of c.children) if (isElement(r) && r.name === 'tr') rows.push(r);
    }
  }
  return rows;
}

function ownCells(row: Element): Element[] {
  return row.children.filter((c): c is Element => isElement(c) && (c.name === 'td' || c.name === 'th'));
}

function spanOf(el: Element, name: string, max: number): number {
  const v = parseInt(attr(el, name), 10);
  if (!Number.isFinite(v) || v < 1) return name === 'rowspan' && attr(el, name).trim() === '0' ? max : 1;
  return Math.min(v, max);
}

interface GridResult {
  rows: string[][];
  warnings: string[];
}

/**
 * Expands rowspan/colspan into a rectangular grid: a spanned cell's text is repeated in every
 * position it covers. Rows and columns that are blank throughout are dropped (spacer cells).
 */
export function tableToGrid(table: Element, cellBudget: number): GridResult {
  const warnings: string[] = [];
  let trs = ownRows(table);
  if (trs.length > HTML_LIMITS.maxRowsPerTable) {
    warnings.push(`table with ${trs.length} rows truncated to ${HTML_LIMITS.maxRowsPerTable}`);
    trs = trs.slice(0, HTML_LIMITS.maxRowsPerTable);
  }
  const nRows = trs.length;
  const grid: (string | undefined)[][] = trs.map(() => []);
  let cells = 0;
  let clipped = false;
  const budget = Math.min(cellBudget, HTML_LIMITS.maxCellsPerTable);
  outer: for (let r = 0; r < nRows; r++) {
    let c = 0;
    for (const td of ownCells(trs[r])) {
      while (grid[r][c] !== undefined) c++;
      if (c >= HTML_LIMITS.maxColumns) {
        clipped = true;
        break;
      }
      const rs = Math.min(spanOf(td, 'rowspan', nRows - r), nRows - r);
      const cs = Math.min(spanOf(td, 'colspan', HTML_LIMITS.maxColumns), HTML_LIMITS.maxColumns - c);
      if (cells + rs * cs > budget) {
        warnings.push(`table truncated at row ${r + 1}: more than ${budget} cells`);
        break outer;
      }
      const text = cellText(td);
      for (let i = 0; i < rs; i++) for (let j = 0; j < cs; j++) grid[r + i][c + j] = text;
      cells += rs * cs;
      c += cs;
    }
  }
  if (clipped) warnings.push(`table wider than ${HTML_LIMITS.maxColumns} columns truncated`);
  const width = grid.reduce((w, row) => Math.max(w, row.length), 0);
  let rows = grid.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? ''));
  rows = rows.filter((row) => row.some((t) => t !== ''));
  const keep = Array.from({ length: width }, (_, i) => rows.some((row) => row[i] !== ''));
  if (keep.some((k) => !k)) rows = rows.map((row) => row.filter((_, i) => keep[i]));
  return { rows, warnings };
}

/**
 * A layout table wraps content instead of holding data: its cells contain tables, or it is a
 * single column of prose. Layout tables are walked like <div>s so the data tables inside surface.
 */
function isLayoutTable(table: Element, nested: Set<Element>): boolean {
  if (nested.has(table)) return true;
  const rows = ownRows(table);
  if (rows.length === 0) return true;
  const counts = rows.map((r) => ownCells(r).reduce((n, c) => n + spanOf(c, 'colspan', 1000), 0));
  if (Math.max(...counts) <= 1) return true; // one column: a box around text
  if (rows.length === 1) {
    // A single row of long prose cells (side-by-side columns of a page layout).
    return ownCells(rows[0]).some((c) => textLength(c) > 200);
  }
  return false;
}

/** Every table that has a table somewhere inside it; one pass, each ancestor marked once. */
function tablesWithNestedTables($: CheerioAPI, root: Element): Set<Element> {
  const marked = new Set<Element>();
  const stack: AnyNode[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (!isElement(n)) continue;
    if (n.name === 'table') {
      for (let p = n.parent; p; p = p.parent) {
        if (isElement(p as AnyNode) && (p as Element).name === 'table') {
          if (marked.has(p as Element)) break;
          marked.add(p as Element);
        }
      }
    }
    for (const c of n.children) stack.push(c);
  }
  void $;
  return marked;
}

// ---------------------------------------------------------------------------------------------
// Chrome removal and content isolation

function classAndId(el: Element): string {
  return `${attr(el, 'id')} ${attr(el, 'class')}`.toLowerCase();
}

function containsTable(el: Element): boolean {
  const stack: AnyNode[] = [...el.children];
  while (stack.length) {
    const n = stack.pop()!;
    if (!isElement(n)) continue;
    if (n.name === 'table') return true;
    for (const c of n.children) stack.push(c);
  }
  return false;
}

function removeChrome($: CheerioAPI): void {
  $(CHROME_TAGS.join(',')).remove();
  // Hidden elements (display:none) are templates, popups or duplicated menus.
  $('[style*="display:none"],[style*="display: none"],[hidden]').each((_, el) => {
    if (!containsTable(el)) $(el).remove();
  });
  const doomed: Element[] = [];
  $('[id],[class]').each((_, el) => {
    const key = classAndId(el);
    if (!key.trim()) return;
    if (!CHROME_ATTR_FRAGMENTS.some((f) => key.includes(f))) return;
    // A chrome-named wrapper that holds a table or a lot of text is more likely the article
    // ("main-nav-content" layouts): keep it and let the line filter clean it.
    if (containsTable(el) || textLength(el) > 600) return;
    doomed.push(el);
  });
  for (const el of doomed) $(el).remove();
}

/** The element holding the article: a known container, else the densest text block. */
function findContentRoot($: CheerioAPI, body: Element): Element {
  for (const sel of CONTENT_SELECTORS) {
    const found = $(sel).toArray().filter(isElement);
    if (found.length === 0) continue;
    const best = found.reduce((a, b) => (textLength(b) > textLength(a) ? b : a));
    if (textLength(best) < 60) continue;
    return widenToTables(best, body);
  }
  return densestBlock(body);
}

/** Text length not inside links: menus and link lists are mostly anchors. */
function ownTextScore(el: AnyNode): number {
  let text = 0;
  let links = 0;
  const stack: { n: AnyNode; inLink: boolean }[] = [{ n: el, inLink: false }];
  while (stack.length) {
    const { n, inLink } = stack.pop()!;
    if (n.type === 'text') {
      const l = (n as unknown as { data: string }).data.replace(/\s+/g, '').length;
      text += l;
      if (inLink) links += l;
    } else if (isElement(n)) {
      const a = inLink || n.name === 'a';
      for (const c of n.children) stack.push({ n: c, inLink: a });
    }
  }
  return text - 2 * links;
}

/** Descends from body into the child holding most of the non-link text while it holds ≥ 70 %. */
function densestBlock(body: Element): Element {
  let node = body;
  let score = ownTextScore(node);
  for (;;) {
    let best: Element | undefined;
    let bestScore = -Infinity;
    for (const c of node.children) {
      if (!isElement(c)) continue;
      const s = ownTextScore(c);
      if (s > bestScore) {
        best = c;
        bestScore = s;
      }
    }
    if (!best || bestScore < 0.7 * score || bestScore <= 0) return node;
    node = best;
    score = bestScore;
  }
}

/**
 * Editors sometimes put the statistics tables after the TRS_Editor div (an 附表 block). If data
 * tables live outside the chosen container but near it, widen to the nearest common ancestor.
 */
function widenToTables(container: Element, body: Element): Element {
  const outside: Element[] = [];
  const stack: AnyNode[] = [body];
  while (stack.length) {
    const n = stack.pop()!;
    if (!isElement(n)) continue;
    if (n === container) continue;
    if (n.name === 'table' && ownRows(n).length >= 3 && !containsTable(n)) outside.push(n);
    else for (const c of n.children) stack.push(c);
  }
  if (outside.length === 0) return container;
  let root = container;
  for (const t of outside) {
    // Only adopt tables that sit within two levels of the container's parent: close siblings.
    const ancestors = new Set<Element>();
    for (let p: Element | null = root; p; p = p.parent as Element | null) ancestors.add(p);
    let common: Element | null = t;
    let hops = 0;
    while (common && !ancestors.has(common)) {
      common = common.parent as Element | null;
      hops++;
    }
    if (!common || common === body) continue;
    let up = 0;
    for (let p: Element | null = root; p && p !== common; p = p.parent as Element | null) up++;
    if (up <= 2 && hops <= 4) root = common;
  }
  return root;
}

// ---------------------------------------------------------------------------------------------
// Title and date

const DATE_LABEL_RE = /(?:发布日期|发布时间|发文日期|成文日期|公开日期|发布于|日期|时间)\s*[:：]\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/;

function isoDate(y: string, m: string, d: string): string | undefined {
  const mm = Number(m);
  const dd = Number(d);
  if (mm < 1 || mm > 12 || dd < 1 || dd > 31) return undefined;
  return `${y}-${String(mm).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}

function findPublished($: CheerioAPI, pageText: string): string | undefined {
  for (const name of ['PubDate', 'pubdate', 'publishdate', 'firstpublishedtime', 'og:release_date']) {
    const v = $(`meta[name="${name}"],meta[property="${name}"]`).attr('content');
    const m = v?.match(/(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/);
    if (m) {
      const iso = isoDate(m[1], m[2], m[3]);
      if (iso) return iso;
    }
  }
  const m = pageText.match(DATE_LABEL_RE);
  return m ? isoDate(m[1], m[2], m[3]) : undefined;
}

/** The <title> without the site name ("…年度报告_萍乡市人民政府" → "…年度报告"). */
export function stripSiteSuffix(title: string): string {
  let t = normalizeSpace(title);
  for (let i = 0; i < 3; i++) {
    const next = t.replace(TITLE_SITE_SUFFIX, '').trim();
    // Never strip the title itself away: a report title ends in 报告, not in a site name.
    if (next === t || next.length < 6) break;
    t = next;
  }
  return t;
}

function findTitle($: CheerioAPI): string | undefined {
  const metaTitle = $('meta[name="ArticleTitle"],meta[name="articletitle"],meta[property="og:title"]').attr('content');
  if (metaTitle && normalizeSpace(metaTitle).length >= 4) return normalizeSpace(metaTitle);
  for (const sel of ['h1', '.title', '.article-title', '.detail-title', '.xxgk-title', '#title', '.bt', 'h2']) {
    const el = $(sel).first();
    if (!el.length) continue;
    const t = joinPieces(subtreePieces(el[0] as Element));
    if (t.length >= 4 && t.length <= 120 && !isChromeLine(t)) return t;
  }
  const tag = $('title').first().text();
  return tag ? stripSiteSuffix(tag) || undefined : undefined;
}

// ---------------------------------------------------------------------------------------------
// Blocks

interface Emitter {
  blocks: Block[];
  warnings: string[];
  tableCount: number;
  cellsLeft: number;
}

function emitText(em: Emitter, text: string): void {
  if (!text || isChromeLine(text)) return;
  if (em.blocks.length >= HTML_LIMITS.maxBlocks) return;
  const level = classifyHeading(text);
  em.blocks.push(level ? { kind: 'heading', text, level } : { kind: 'paragraph', text });
}

/** Walks the content root in document order, emitting paragraphs, headings and data tables. */
function walkContent(root: Element, nested: Set<Element>, em: Emitter, tableOrigin: TableBlock['origin']): void {
  let current = '';
  const flush = () => {
    const t = normalizeSpace(current);
    current = '';
    if (t) emitText(em, t);
  };
  let tableDepthWarned = false;
  const stack: ({ n: AnyNode; depth: number } | 'flush')[] = [...root.children].reverse().map((n) => ({ n, depth: 0 }));
  while (stack.length) {
    const item = stack.pop()!;
    if (item === 'flush') {
      flush();
      continue;
    }
    const { n, depth } = item;
    if (n.type === 'text') {
      current += (n as unknown as { data: string }).data;
      continue;
    }
    if (!isElement(n)) continue;
    const tag = n.name;
    if (tag === 'script' || tag === 'style' || tag === 'noscript') continue;
    if (tag === 'br') {
      flush();
      continue;
    }
    if (tag === 'table') {
      flush();
      if (depth >= HTML_LIMITS.maxTableDepth) {
        if (!tableDepthWarned) em.warnings.push(`tables nested deeper than ${HTML_LIMITS.maxTableDepth} levels read as text`);
        tableDepthWarned = true;
        for (const p of subtreePieces(n)) emitText(em, p);
        continue;
      }
      if (!isLayoutTable(n, nested)) {
        const { rows, warnings } = tableToGrid(n, em.cellsLeft);
        em.warnings.push(...warnings);
        if (rows.length > 0) {
          em.cellsLeft -= rows.length * (rows[0]?.length ?? 0);
          em.tableCount++;
          em.blocks.push({ kind: 'table', index: em.tableCount, rows, origin: tableOrigin });
        }
        continue;
      }
      // Layout table: each cell is a box of content.
      stack.push('flush');
      for (let i = n.children.length - 1; i >= 0; i--) stack.push({ n: n.children[i], depth: depth + 1 });
      continue;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) {
      flush();
      stack.push('flush');
    }
    if (/^h[1-6]$/.test(tag)) {
      // A real heading element: emit it as one heading even when it does not look numbered.
      const text = joinPieces(subtreePieces(n));
      if (text && !isChromeLine(text)) {
        const level = classifyHeading(text) ?? (tag === 'h1' ? 1 : 2);
        em.blocks.push({ kind: 'heading', text, level });
      }
      continue;
    }
    for (let i = n.children.length - 1; i >= 0; i--) stack.push({ n: n.children[i], depth });
  }
  flush();
}

/** The whole page as text, for the date lookup (chrome included: the date sits in the info bar). */
function pageTextSample($: CheerioAPI): string {
  const body = $('body')[0] as Element | undefined;
  if (!body) return '';
  return subtreePieces(body).join('\n').slice(0, 20_000);
}

/**
 * Turns an HTML string into a Document. Reused by the DOCX extractor (mammoth → HTML) so that
 * every table, whatever its source, goes through the same span expansion.
 */
export function htmlToDocument(html: string, meta: HtmlMeta): Document {
  const warnings: string[] = [];
  if (html.length > HTML_LIMITS.maxChars) {
    warnings.push(`page of ${html.length} characters truncated to ${HTML_LIMITS.maxChars}`);
    html = html.slice(0, HTML_LIMITS.maxChars);
  }
  const $ = load(html);
  const rawTitle = findTitle($);
  const published = findPublished($, pageTextSample($));
  if (!meta.wholeBody) removeChrome($);
  const body = ($('body')[0] ?? $.root()[0]) as Element;
  const root = meta.wholeBody ? body : findContentRoot($, body);
  const nested = tablesWithNestedTables($, root);
  const em: Emitter = { blocks: [], warnings, tableCount: 0, cellsLeft: HTML_LIMITS.maxCellsPerDocument };
  walkContent(root, nested, em, meta.tableOrigin ?? 'html');
  if (em.blocks.length >= HTML_LIMITS.maxBlocks) warnings.push(`more than ${HTML_LIMITS.maxBlocks} blocks: the rest was dropped`);

  const title = rawTitle ?? em.blocks.find((b) => b.kind === 'heading')?.text;
  const blocks = em.blocks;
  // The title usually sits outside the article container; put it first so the document reads whole.
  if (title) {
    const first = blocks.findIndex((b) => b.kind !== 'table' && b.text === title);
    if (first >= 0 && first < 3) {
      blocks[first] = { kind: 'heading', text: title, level: 1 };
    } else {
      blocks.unshift({ kind: 'heading', text: title, level: 1 });
    }
  }
  const doc: Document = {
    title,
    blocks,
    source: { name: meta.name, format: meta.format ?? 'html', ...(meta.encoding ? { encoding: meta.encoding } : {}) },
    warnings,
  };
  if (published) doc.published = published;
  return doc;
}
