// HTML → Document. Finds the article inside a portal page, drops the chrome around it, and turns
// what is left into ordered blocks: headings, paragraphs and tables whose rowspan/colspan are
// expanded into a plain grid. Every walk is iterative and every dimension capped, so a hostile
// page (10 000 nested tables, 5 000 columns, 50 MB) is truncated with a warning, never a hang.
import { load, type CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import type { Block, Document, SourceFormat, TableBlock } from './document.ts';
import { CHROME_ATTR_FRAGMENTS, CHROME_ROLES, CHROME_TAGS, CONTENT_SELECTORS, TITLE_SITE_SUFFIX, isChromeLine } from './chrome.ts';
import { classifyHeading, findTitleIndex, joinPieces, normalizeSpace } from './blocks.ts';

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
  /** Element nesting beyond which tags are dropped before parsing (parsers are quadratic in depth). */
  maxNesting: 400,
  maxBlocks: 200_000,
};

const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hgroup', 'hr', 'li', 'main', 'menu',
  'ol', 'p', 'pre', 'section', 'summary', 'ul', 'tr', 'td', 'th', 'caption', 'table', 'tbody', 'thead', 'tfoot', 'body', 'html',
]);

function isElement(n: AnyNode): n is Element {
  return n.type === 'tag' || n.type === 'script' || n.type === 'style';
}

function attr(el: Element, name: string): string {
  return el.attribs?.[name] ?? '';
}

/**
 * Text of a subtree, iteratively, with block boundaries kept as separate pieces. With `maxChars`,
 * stops once the pieces joined by one character are at least that long (a caller reading only a
 * prefix need not normalise the rest).
 */
function subtreePieces(root: Element, maxChars = Infinity): string[] {
  // (No flush closure: this runs for every table cell, and a closure per call costs more than
  // the two copies of its three lines.)
  const pieces: string[] = [];
  let current = '';
  let joined = 0;
  const stack: (AnyNode | 'flush')[] = [...root.children].reverse();
  while (stack.length && joined < maxChars) {
    const n = stack.pop()!;
    if (n !== 'flush') {
      if (n.type === 'text') {
        current += (n as unknown as { data: string }).data;
        continue;
      }
      if (!isElement(n)) continue;
      const tag = n.name;
      if (tag === 'script' || tag === 'style' || tag === 'noscript' || tag === 'template') continue;
      if (tag !== 'br') {
        // A block element ends the piece before it and, through the marker, its own last one.
        const block = BLOCK_TAGS.has(tag);
        if (block) stack.push('flush');
        for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
        if (!block) continue;
      }
    }
    // A flush marker, a <br> or the start of a block: the text so far is one piece.
    const t = normalizeSpace(current);
    if (t) {
      joined += t.length + (pieces.length ? 1 : 0);
      pieces.push(t);
    }
    current = '';
  }
  if (joined < maxChars) {
    const t = normalizeSpace(current);
    if (t) pieces.push(t);
  }
  return pieces;
}

/** Per-element subtree facts, computed for the whole tree in one pass (no per-element rescans). */
interface Stats {
  /** Non-whitespace characters of text below the element. */
  text: number;
  /** Of those, characters inside <a>. */
  link: number;
  /** The element is a table or has one below it. */
  table: boolean;
  /** A table strictly below the element. */
  innerTable: boolean;
}

const NO_STATS: Stats = { text: 0, link: 0, table: false, innerTable: false };

function nonSpaceLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x20 && c !== 0xa0 && c !== 0x3000) n++;
  }
  return n;
}

/**
 * Every element's stats from its children's. Elements are listed parent-before-child (script and
 * style subtrees left out), so reading the list backwards meets each element after all of its
 * descendants: one array, no per-node stack frames.
 */
function computeStats(root: Element): Map<Element, Stats> {
  const stats = new Map<Element, Stats>();
  const order: Element[] = [root];
  for (let i = 0; i < order.length; i++) {
    for (const c of order[i].children) if (isElement(c) && c.name !== 'script' && c.name !== 'style') order.push(c);
  }
  for (let i = order.length - 1; i >= 0; i--) stats.set(order[i], statsOf(order[i], stats));
  return stats;
}

/** An element's stats from its text and its children's stats (which `stats` must already hold). */
function statsOf(el: Element, stats: Map<Element, Stats>): Stats {
  const st: Stats = { text: 0, link: 0, table: el.name === 'table', innerTable: false };
  for (const c of el.children) {
    if (c.type === 'text') st.text += nonSpaceLength((c as unknown as { data: string }).data);
    else if (isElement(c)) {
      const cs = stats.get(c);
      if (!cs) continue;
      st.text += cs.text;
      st.link += cs.link;
      if (cs.table) st.table = st.innerTable = true;
    }
  }
  if (el.name === 'a') st.link = st.text;
  return st;
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
function isLayoutTable(table: Element, stats: Map<Element, Stats>): boolean {
  if ((stats.get(table) ?? NO_STATS).innerTable) return true;
  const rows = ownRows(table);
  if (rows.length === 0) return true;
  const counts = rows.map((r) => ownCells(r).reduce((n, c) => n + spanOf(c, 'colspan', 1000), 0));
  if (Math.max(...counts) <= 1) return true; // one column: a box around text
  // Prose cells (an old portal's page grid: logo row, article cell, footer row) hold most of the
  // text; a data table's cells are short labels and numbers, with at most a note among them.
  const total = (stats.get(table) ?? NO_STATS).text;
  let prose = 0;
  for (const r of rows) {
    for (const c of ownCells(r)) {
      const t = (stats.get(c) ?? NO_STATS).text;
      if (t > LONG_CELL_CHARS) prose += t;
    }
  }
  return prose > 0 && prose * 2 >= total;
}

/** A cell longer than this is prose, not a label or a number. */
const LONG_CELL_CHARS = 200;

// ---------------------------------------------------------------------------------------------
// Chrome removal and content isolation

function classAndId(el: Element): string {
  return `${attr(el, 'id')} ${attr(el, 'class')}`.toLowerCase();
}

/** Every element under root, in document order (iterative). */
function allElements(root: Element): Element[] {
  const out: Element[] = [];
  const stack: AnyNode[] = [...root.children].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (!isElement(n)) continue;
    out.push(n);
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }
  return out;
}

const CHROME_TAG_SET = new Set(CHROME_TAGS);
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

// The same id/class strings recur on every page of a portal (and dozens of times on one page):
// whether one names chrome is remembered, in a small bounded map.
const chromeKeyCache = new Map<string, boolean>();

function namesChrome(key: string): boolean {
  let v = chromeKeyCache.get(key);
  if (v === undefined) {
    if (chromeKeyCache.size >= 4_000) chromeKeyCache.clear();
    v = CHROME_ATTR_FRAGMENTS.some((f) => key.includes(f));
    chromeKeyCache.set(key, v);
  }
  return v;
}

/**
 * Removes the page chrome under root and returns root's stats as they are afterwards: removing a
 * subtree changes only its ancestors' stats, so those are recomputed (deepest first) instead of
 * the whole page.
 */
function removeChrome($: CheerioAPI, root: Element): Map<Element, Stats> {
  const stats = computeStats(root);
  const doomed: Element[] = [];
  for (const el of allElements(root)) {
    if (CHROME_TAG_SET.has(el.name)) {
      doomed.push(el);
      continue;
    }
    const attribs = el.attribs;
    // Most elements carry no id, class, role or style: nothing below can doom them.
    if (!attribs || (!attribs.style && !('hidden' in attribs) && !attribs.id && !attribs.class && !attribs.role)) continue;
    const st = stats.get(el) ?? NO_STATS;
    // Hidden elements (display:none) are templates, popups or duplicated menus.
    if ((HIDDEN_STYLE.test(attr(el, 'style')) || 'hidden' in attribs) && !st.table) {
      doomed.push(el);
      continue;
    }
    const key = classAndId(el);
    const role = CHROME_ROLES.includes(attr(el, 'role').toLowerCase());
    if (!role && (key.length < 2 || !namesChrome(key))) continue;
    // A chrome-named wrapper that holds a table or a lot of text is more likely the article
    // ("main-nav-content" layouts): keep it and let the line filter clean it.
    if (st.table || st.text > 600) continue;
    doomed.push(el);
  }
  const parents: Element[] = [];
  for (const el of doomed) {
    if (!el.parent) continue;
    parents.push(el.parent as Element);
    $(el).remove();
  }
  const touched = new Set<Element>();
  for (const parent of parents) {
    for (let p: Element | null = parent; p && !touched.has(p); p = p === root ? null : (p.parent as Element | null)) touched.add(p);
  }
  const depthOf = (el: Element) => {
    let d = 0;
    for (let p = el.parent; p; p = p.parent) d++;
    return d;
  };
  const deepestFirst = [...touched].map((el) => ({ el, depth: depthOf(el) })).sort((a, b) => b.depth - a.depth);
  for (const { el } of deepestFirst) stats.set(el, statsOf(el, stats));
  return stats;
}

/** Elements by tag name, id and class token, each list in document order. */
interface SelectorIndex {
  byTag: Map<string, Element[]>;
  byId: Map<string, Element[]>;
  byClass: Map<string, Element[]>;
}

function addTo(map: Map<string, Element[]>, key: string, el: Element): void {
  const list = map.get(key);
  if (!list) map.set(key, [el]);
  else if (list[list.length - 1] !== el) list.push(el); // class="a a" lists the element once
}

/** One pass over the elements answers every simple selector after it (dozens are tried per page). */
function indexElements(elements: Element[]): SelectorIndex {
  const index: SelectorIndex = { byTag: new Map(), byId: new Map(), byClass: new Map() };
  for (const e of elements) {
    addTo(index.byTag, e.name, e);
    const a = e.attribs;
    if (!a) continue;
    if (a.id !== undefined) addTo(index.byId, a.id, e);
    if (a.class) for (const token of a.class.split(/\s+/)) if (token) addTo(index.byClass, token, e);
  }
  return index;
}

const NONE: Element[] = [];

/** Elements matching simple selectors (".class", "#id", "tag"), without a CSS engine pass per selector. */
function selectSimple(index: SelectorIndex, selector: string): Element[] {
  if (selector.startsWith('#')) return index.byId.get(selector.slice(1)) ?? NONE;
  if (selector.startsWith('.')) return index.byClass.get(selector.slice(1)) ?? NONE;
  return index.byTag.get(selector) ?? NONE;
}

/** The element holding the article (a known container, else the densest text block), with the stats of the page it was chosen from. */
function findContentRoot(body: Element, stats: Map<Element, Stats>): { root: Element; stats: Map<Element, Stats> } {
  return { root: chooseContentRoot(body, stats), stats };
}

function chooseContentRoot(body: Element, stats: Map<Element, Stats>): Element {
  const elements = allElements(body);
  const index = indexElements(elements);
  const pageScore = Math.max(1, score(stats, body));
  for (const sel of CONTENT_SELECTORS) {
    const found = selectSimple(index, sel);
    if (found.length === 0) continue;
    const best = found.reduce((a, b) => ((stats.get(b)?.text ?? 0) > (stats.get(a)?.text ?? 0) ? b : a));
    const text = stats.get(best)?.text ?? 0;
    // A known container that holds a sliver of the page (an attachment note, a sidebar reusing
    // the class) is not the article.
    if (text < 60 || text < 0.25 * pageScore) continue;
    return widenToTables(best, body, elements, stats);
  }
  return densestBlock(body, stats);
}

function score(stats: Map<Element, Stats>, el: Element): number {
  const st = stats.get(el) ?? NO_STATS;
  return st.text - 2 * st.link;
}

/** Elements that can wrap a whole article; a <p> or <span> holding most of the text is a part of it. */
const CONTAINER_TAGS = new Set(['div', 'section', 'article', 'main', 'table', 'tbody', 'tr', 'td', 'center', 'form', 'font']);

/**
 * Descends from body into the child container holding most of the non-link text, while it holds
 * ≥ 80 % of it: deep enough to leave leftover chrome behind, not so deep that paragraphs are lost.
 */
function densestBlock(body: Element, stats: Map<Element, Stats>): Element {
  let node = body;
  let current = score(stats, node);
  for (;;) {
    let best: Element | undefined;
    let bestScore = -Infinity;
    for (const c of node.children) {
      if (!isElement(c) || !CONTAINER_TAGS.has(c.name)) continue;
      const s = score(stats, c);
      if (s > bestScore) {
        best = c;
        bestScore = s;
      }
    }
    if (!best || bestScore < 0.8 * current || bestScore <= 0) return node;
    node = best;
    current = bestScore;
  }
}

/**
 * Editors sometimes put the statistics tables after the TRS_Editor div (an 附表 block). If data
 * tables live outside the chosen container but close to it, widen to their common ancestor.
 */
function widenToTables(container: Element, body: Element, elements: Element[], stats: Map<Element, Stats>): Element {
  const inside = new Set<Element>();
  for (const e of allElements(container)) inside.add(e);
  const outside = elements.filter(
    (e) => e.name === 'table' && !inside.has(e) && !(stats.get(e) ?? NO_STATS).innerTable && ownRows(e).length >= 3,
  );
  let root = container;
  for (const t of outside) {
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

/** Words only the report's statistics tables carry (template tables 二–四, old 统计表). */
const REPORT_TABLE_WORDS = /本年新收|申请人情况|本年新制作数量|本年制发件数|处理决定数量|结转下年度|行政复议|主动公开政府信息数|收到申请数/;

/**
 * Some portals render the report's tables in a box of their own, away from the article (an 附件
 * panel after the share and print links): too far to widen to. Data tables outside the content
 * root that carry the report's own labels are the report's; they follow its text, in page order.
 */
function orphanReportTables(body: Element, root: Element, stats: Map<Element, Stats>): Element[] {
  const inside = new Set<Element>(allElements(root));
  const out: Element[] = [];
  for (const e of allElements(body)) {
    if (e.name !== 'table' || inside.has(e) || ownRows(e).length < 3 || isLayoutTable(e, stats)) continue;
    if (out.some((t) => allElements(t).includes(e))) continue;
    if (REPORT_TABLE_WORDS.test(subtreePieces(e, 4000).join(''))) out.push(e);
  }
  return out;
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

function metaContent(elements: Element[], names: string[]): string | undefined {
  const wanted = new Set(names.map((n) => n.toLowerCase()));
  for (const e of elements) {
    if (e.name !== 'meta') continue;
    const key = (attr(e, 'name') || attr(e, 'property')).toLowerCase();
    if (wanted.has(key) && attr(e, 'content').trim()) return attr(e, 'content');
  }
  return undefined;
}

/** The date label is looked for in the page's first characters (the info bar above the article). */
const PUBLISHED_SCAN_CHARS = 20_000;

function findPublished(elements: Element[], pageText: string): string | undefined {
  const v = metaContent(elements, ['PubDate', 'publishdate', 'firstpublishedtime', 'og:release_date']);
  const fromMeta = v?.match(/(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/);
  if (fromMeta) {
    const iso = isoDate(fromMeta[1], fromMeta[2], fromMeta[3]);
    if (iso) return iso;
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

const TITLE_SELECTORS = ['h1', '.title', '.article-title', '.detail-title', '.xxgk-title', '#title', '.bt'];
/** Elements that hold the title on some portals but hold other things on many: taken only when they name a report. */
const REPORT_TITLE_SELECTORS = ['.tit', '.article_title', '.news_title', '.con_title', '.bt_title', 'h2', 'h3', 'strong'];
const NAMES_A_REPORT = /(报告|年报)/;

/**
 * The article title. Candidates in order of trust (meta ArticleTitle, h1, .title …, <title>); the
 * first that names a report wins, because h1/.title are often the site logo or a sidebar caption.
 */
function findTitle(elements: Element[]): string | undefined {
  const candidates: string[] = [];
  const index = indexElements(elements);
  const metaTitle = metaContent(elements, ['ArticleTitle', 'og:title']);
  if (metaTitle && normalizeSpace(metaTitle).length >= 4) candidates.push(stripSiteSuffix(metaTitle));
  for (const sel of TITLE_SELECTORS) {
    for (const el of selectSimple(index, sel).slice(0, 5)) {
      const t = joinPieces(subtreePieces(el));
      if (t.length >= 4 && t.length <= 120 && !isChromeLine(t)) candidates.push(t);
    }
  }
  for (const sel of REPORT_TITLE_SELECTORS) {
    for (const el of selectSimple(index, sel).slice(0, 5)) {
      const t = joinPieces(subtreePieces(el));
      if (t.length >= 6 && t.length <= 120 && NAMES_A_REPORT.test(t) && !/[。，]/.test(t)) candidates.push(t);
    }
  }
  const tag = elements.find((e) => e.name === 'title');
  const text = tag ? normalizeSpace(subtreePieces(tag).join(' ')) : '';
  if (text) candidates.push(stripSiteSuffix(text));
  // <title> often carries the site's name together with the report's: prefer the fuller report title.
  return candidates.find((t) => NAMES_A_REPORT.test(t)) ?? candidates[0];
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
function walkContent(
  root: Element,
  stats: Map<Element, Stats>,
  em: Emitter,
  tableOrigin: TableBlock['origin'],
  nodes: AnyNode[] = [...root.children],
): void {
  let current = '';
  const flush = () => {
    const t = normalizeSpace(current);
    current = '';
    if (t) emitText(em, t);
  };
  let tableDepthWarned = false;
  const stack: ({ n: AnyNode; depth: number } | 'flush')[] = [...nodes].reverse().map((n) => ({ n, depth: 0 }));
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
      if (!isLayoutTable(n, stats)) {
        for (const c of n.children) {
          if (isElement(c) && c.name === 'caption') emitText(em, joinPieces(subtreePieces(c)));
        }
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
    if (/^h[1-6]$/.test(tag) && !(stats.get(n) ?? NO_STATS).table) {
      // A real heading element: one heading even when it does not look numbered — unless an
      // editor wrapped whole paragraphs in it, which then read as paragraphs.
      const text = joinPieces(subtreePieces(n));
      if (text.length <= 80) {
        if (text && !isChromeLine(text)) em.blocks.push({ kind: 'heading', text, level: classifyHeading(text) ?? (tag === 'h1' ? 1 : 2) });
        continue;
      }
    }
    for (let i = n.children.length - 1; i >= 0; i--) stack.push({ n: n.children[i], depth });
  }
  flush();
}

const OPTIONAL_END_TAGS = new Set(['p', 'li', 'dt', 'dd', 'td', 'th', 'tr', 'tbody', 'thead', 'tfoot', 'colgroup', 'option', 'optgroup', 'rt', 'rp', 'html', 'head', 'body']);
const VOID_TAGS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen', 'basefont', 'frame', 'isindex', 'o:p']);

const LONGEST_LISTED_TAG = Math.max(...[...OPTIONAL_END_TAGS, ...VOID_TAGS].map((t) => t.length));

/** A tag-name character after the first ([a-zA-Z0-9:-]). */
function isNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 58) || c === 45;
}

/**
 * Drops the tags (not the text) of elements nested deeper than `limit`. Depth is counted from
 * opening against closing tags, an over-estimate where end tags are implied; real pages stay far
 * below the cap, so only hostile ones are touched. Linear in the page size: a hand-written scan
 * with indexOf (what /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)[^>]*?(\/?)>/g matches, without its
 * backtracking over every attribute character), and nothing is copied unless a tag is dropped.
 */
export function capNesting(html: string, limit: number): { html: string; dropped: number } {
  const kept: boolean[] = [];
  let depth = 0;
  let dropped = 0;
  const parts: string[] = [];
  let last = 0;
  for (let lt = html.indexOf('<'); lt >= 0; ) {
    const closing = html.charCodeAt(lt + 1) === 47; // </
    const nameStart = closing ? lt + 2 : lt + 1;
    const first = html.charCodeAt(nameStart) | 0x20;
    if (!(first >= 97 && first <= 122)) {
      lt = html.indexOf('<', lt + 1);
      continue;
    }
    let nameEnd = nameStart + 1;
    while (nameEnd < html.length && isNameChar(html.charCodeAt(nameEnd))) nameEnd++;
    const gt = html.indexOf('>', nameEnd);
    if (gt < 0) break; // no tag can close after this point
    const next = html.indexOf('<', gt + 1);
    // Names longer than any in the two sets are neither: no need to copy them out.
    const name = nameEnd - nameStart > LONGEST_LISTED_TAG ? '' : html.slice(nameStart, nameEnd).toLowerCase();
    // Elements whose end tag may be omitted (<p>, <td>, <li> …) would pile up in the count on
    // valid pages that omit it; the parser closes them itself, so they are neither counted nor dropped.
    let dropTag = false;
    if (!OPTIONAL_END_TAGS.has(name)) {
      if (closing) {
        if (kept.length > 0) {
          if (kept.pop()) depth--;
          else dropTag = true;
        }
      } else if (!(gt - 1 >= nameEnd && html.charCodeAt(gt - 1) === 47) && !VOID_TAGS.has(name)) {
        if (depth >= limit) {
          kept.push(false);
          dropTag = true;
        } else {
          kept.push(true);
          depth++;
        }
      }
    }
    if (dropTag) {
      parts.push(html.slice(last, lt));
      last = gt + 1;
      dropped++;
    }
    lt = next;
  }
  if (dropped === 0) return { html, dropped };
  parts.push(html.slice(last));
  return { html: parts.join(''), dropped };
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
  // htmlparser2 rather than parse5: 3× faster on portal pages, and its implied-end-tag rules
  // (td/tr/p) cover the sloppy markup editors produce. Both parsers slow down quadratically with
  // nesting depth, so a pathologically deep page is flattened below the cap first.
  const capped = capNesting(html, HTML_LIMITS.maxNesting);
  if (capped.dropped > 0) warnings.push(`${capped.dropped} tags nested deeper than ${HTML_LIMITS.maxNesting} levels dropped (their text is kept)`);
  const $ = load(capped.html, { xml: { xmlMode: false, decodeEntities: true } });
  const docRoot = $.root()[0] as unknown as Element;
  const everything = allElements(docRoot);
  const body = everything.find((e) => e.name === 'body') ?? docRoot;
  const rawTitle = findTitle(everything);
  // The date sits in the info bar, outside the article: look at the whole page's text.
  const published = findPublished(everything, subtreePieces(body, PUBLISHED_SCAN_CHARS).join('\n').slice(0, PUBLISHED_SCAN_CHARS));
  // An element's stats depend only on its subtree, so those of the body hold for the root.
  const { root, stats } = meta.wholeBody ? { root: body, stats: computeStats(body) } : findContentRoot(body, removeChrome($, body));
  const em: Emitter = { blocks: [], warnings, tableCount: 0, cellsLeft: HTML_LIMITS.maxCellsPerDocument };
  walkContent(root, stats, em, meta.tableOrigin ?? 'html');
  if (!meta.wholeBody) {
    const orphans = orphanReportTables(body, root, stats);
    if (orphans.length) walkContent(root, stats, em, meta.tableOrigin ?? 'html', orphans);
  }
  if (em.blocks.length >= HTML_LIMITS.maxBlocks) warnings.push(`more than ${HTML_LIMITS.maxBlocks} blocks: the rest was dropped`);

  const titleAt = rawTitle ? -1 : findTitleIndex(em.blocks);
  const title = rawTitle ?? (titleAt >= 0 ? (em.blocks[titleAt] as { text: string }).text : undefined);
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
