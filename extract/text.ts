// Plain text / markdown → Document. Scraped archives keep a report's tables in several textual
// shapes; each is rebuilt into a grid here, row by row, with the cell text exactly as written (a
// run-together cell like "640020470" stays one string: the normaliser splits it with the
// template's identities). Everything else becomes headings and paragraphs, minus portal chrome.
import type { Block, Document, SourceFormat } from './document.ts';
import { isChromeLine } from './chrome.ts';
import { classifyHeading, findTitleIndex, joinPieces, normalizeSpace } from './blocks.ts';

export interface TextMeta {
  name: string;
  encoding?: string;
  format?: Extract<SourceFormat, 'text' | 'markdown'>;
}

/** Beyond these the text is truncated with a warning. */
export const TEXT_LIMITS = {
  maxLines: 500_000,
  maxColumns: 1000,
  maxCellsPerTable: 500_000,
};

type Line = string;

// --- (a) one cell per line, each ending in " |"; a line of only "|" closes the row ------------------

const PIPE_ONLY = /^\|+$/;
const CELL_LINE = /^[^|].*\|$/;

function isPipeCellLine(l: Line): boolean {
  return PIPE_ONLY.test(l) || CELL_LINE.test(l);
}

/**
 * Rebuilds a table written one cell per line: "text |" is a cell ("|" alone, when it does not close
 * a row, is a blank cell), a line of k pipes adds k blank cells and closes the row. Whether a lone
 * "|" closes the row is decided by the table's width, learned from the rows that close with 2+
 * pipes (they always fill the row to the full width). Rows are left-packed: the source lost the
 * rowspans, so short rows are padded at the end and never realigned.
 */
function rebuildPipeCells(lines: Line[]): string[][] {
  // Pass 1: the width, from rows that end in a multi-pipe line and contain no lone "|" (which
  // might have closed an earlier row, making the count span two rows).
  const widths = new Map<number, number>();
  let n = 0;
  let clean = true;
  for (const l of lines) {
    if (PIPE_ONLY.test(l)) {
      if (l.length >= 2) {
        if (clean) widths.set(n + l.length, (widths.get(n + l.length) ?? 0) + 1);
        n = 0;
        clean = true;
      } else {
        n++;
        clean = false;
      }
    } else n++;
  }
  let width = 0;
  let votes = 0;
  for (const [w, c] of widths) if (c > votes || (c === votes && w > width)) [width, votes] = [w, c];
  if (width > 0) return pipeRows(lines, width);
  // No multi-pipe closers: every row closed with a lone "|". Take the usual row length as the
  // width, so that a lone "|" that falls short of it reads as a blank cell.
  const naive = pipeRows(lines, 0);
  const lengths = new Map<number, number>();
  for (const r of naive) lengths.set(r.length, (lengths.get(r.length) ?? 0) + 1);
  const [common, count] = [...lengths].reduce((a, b) => (b[1] > a[1] ? b : a), [0, 0]);
  return count * 2 >= naive.length && common > 1 ? pipeRows(lines, common) : naive;
}

/** Splits pipe-cell lines into rows; a lone "|" closes the row only when it reaches `width` (0: always). */
function pipeRows(lines: Line[], width: number): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  const close = () => {
    rows.push(row);
    row = [];
  };
  for (const l of lines) {
    if (PIPE_ONLY.test(l)) {
      const k = l.length;
      if (k === 1 && width > 0 && row.length + 1 < width) {
        row.push(''); // a blank cell inside the row
        continue;
      }
      for (let i = 0; i < k; i++) row.push('');
      close();
      continue;
    }
    row.push(normalizeSpace(l.slice(0, -1)));
  }
  if (row.length) close();
  return rows;
}

// --- (b) markdown pipe tables ------------------------------------------------------------------------

const MD_RULE = /^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$/;

function isMarkdownRow(l: Line): boolean {
  return /^\|.*\|$/.test(l) && l.length > 2 && !PIPE_ONLY.test(l) && (l.match(/\|/g)?.length ?? 0) >= 2;
}

function splitMarkdownRow(l: Line): string[] {
  let s = l.trim();
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1);
  return s.split(/(?<!\\)\|/).map((c) => normalizeSpace(c.replace(/\\\|/g, '|')));
}

// --- (c) tab- or multi-space-separated rows, and labels followed by single-spaced numbers ----------------------------------------------------------

/** A cell that carries a number (the sign that a line of short cells is a table row). */
const NUMERIC_CELL = /^[+\-−]?[\d０-９][\d０-９,，.．]*\s*(万元|元|件|条|个|次|人次|%|％)?$/;

function splitColumns(l: Line): string[] | undefined {
  let cells: string[];
  if (l.includes('\t')) cells = l.split('\t');
  else cells = l.split(/[ \u00a0]{2,}|\u3000+/);
  cells = cells.map((c) => normalizeSpace(c));
  // Leading indentation produces an empty first cell, trailing spaces an empty last one; with
  // tabs, trailing empty cells are real blank cells (a section row "一、主动公开情况\t\t").
  const tabbed = l.includes('\t');
  while (cells.length && cells[0] === '' && !tabbed) cells.shift();
  while (cells.length && cells[cells.length - 1] === '' && (!tabbed || cells.every((c) => c === ''))) cells.pop();
  if (cells.length < 2) return undefined;
  // Prose split at a wide gap is not a row: a row's cells are short and carry no sentence ends.
  if (cells.some((c) => c.length > 60 || /[。；！？]/.test(c))) return undefined;
  return cells;
}

/** A cell of a space-aligned line with the display columns it occupies. */
interface Span {
  text: string;
  start: number;
  end: number;
}

/** Cells of a space-aligned line (gaps of 2+ spaces) with their display columns (Chinese = 2). */
function spansOf(l: Line): Span[] {
  const spans: Span[] = [];
  let col = 0;
  let cur: Span | undefined;
  let spaces = 0;
  for (const ch of l) {
    const w = ch === '\t' ? 8 : ch.charCodeAt(0) > 0x2e80 && ch !== '\u3000' ? 2 : ch === '\u3000' ? 2 : 1;
    if (ch === ' ' || ch === '\u00a0' || ch === '\u3000' || ch === '\t') {
      spaces += ch === '\u3000' || ch === '\t' ? 2 : 1;
    } else {
      if (cur && spaces >= 2) {
        spans.push(cur);
        cur = undefined;
      }
      if (!cur) cur = { text: '', start: col, end: col };
      else if (spaces) cur.text += ' ';
      cur.text += ch;
      cur.end = col + w;
      spaces = 0;
    }
    col += w;
  }
  if (cur) spans.push(cur);
  return spans.map((s) => ({ ...s, text: normalizeSpace(s.text) }));
}

/**
 * Space-aligned tables (pdftotext -layout, fixed-width dumps) show a blank cell as nothing at all,
 * so a row with blanks has fewer cells than its neighbours. Such a row is realigned to the columns
 * of the fullest number rows by where its cells sit; rows that cannot be placed unambiguously
 * are left as they are.
 */
function realignSpaced(lines: Line[], rows: string[][]): string[][] {
  const spans = lines.map(spansOf);
  const numeric = rows.map((r) => r.some((c) => NUMERIC_CELL.test(c)));
  const width = Math.max(0, ...rows.filter((_, i) => numeric[i]).map((r) => r.length));
  const reference = spans.filter((sp, i) => numeric[i] && rows[i].length === width && sp.length === width);
  if (width < 3 || reference.length === 0) return rows;
  const anchors = Array.from({ length: width }, (_, j) => ({
    start: Math.min(...reference.map((sp) => sp[j].start)),
    end: Math.max(...reference.map((sp) => sp[j].end)),
  }));
  return rows.map((row, i) => {
    if (!numeric[i] || row.length >= width || spans[i].length !== row.length) return row;
    const placed: string[] = Array(width).fill('');
    let last = -1;
    for (const cell of spans[i]) {
      let best = -1;
      let bestScore = -Infinity;
      anchors.forEach((a, j) => {
        const overlap = Math.min(a.end, cell.end) - Math.max(a.start, cell.start);
        const score = overlap > 0 ? overlap : -Math.abs((a.start + a.end) / 2 - (cell.start + cell.end) / 2);
        if (score > bestScore) [best, bestScore] = [j, score];
      });
      if (best <= last) return row; // two cells on one column, or out of order: leave the row alone
      placed[best] = cell.text;
      last = best;
    }
    return placed;
  });
}

const NUMBER_TOKEN = '(?:[+\\-−]?[\\d０-９][\\d０-９,.]*(?:%|万元|万|元)?|[—–/-])';
const LABEL_THEN_NUMBERS = new RegExp(`^(.*?[^\\d０-９\\s,.%+−-])?\\s*((?:${NUMBER_TOKEN}\\s+){1,}${NUMBER_TOKEN})$`);

/**
 * "3.补正后申请内容仍不明确 0 0 0 0 0 0 0": a label followed by three or more numbers separated by
 * single spaces (scrapers that joined cells with one space). A line of numbers alone (table 四's
 * data row) needs five and may only continue a table, never start one.
 */
function splitLabelNumbers(l: Line, minNumbers = 3, allowBare = false): string[] | undefined {
  if (l.length > 400 || !/\d\s+[+\-−]?\d/.test(l)) return undefined; // cheap pre-checks keep the regex linear in practice
  const m = l.replace(/[\s\u00a0\u3000]+/g, ' ').trim().match(LABEL_THEN_NUMBERS);
  if (!m) return undefined;
  const numbers = m[2].split(/\s+/);
  if (numbers.length < minNumbers || !numbers.some((t) => /\d|[０-９]/.test(t))) return undefined;
  const label = m[1]?.trim();
  if (!label) return allowBare && numbers.length >= 5 ? numbers : undefined;
  if (label.length > 60 || /[。；！？]/.test(label)) return undefined;
  // Spanned row labels were joined too ("三、本年度办理结果 （六）其他处理"): split where a
  // template number starts a new label.
  const labels = label.split(/\s+(?=[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、|\d+[.．、])/).map(normalizeSpace);
  return [...labels, ...numbers];
}

/**
 * A header line of a single-spaced table ("自然人 法人或其他组织 总计"): two or more short words,
 * no numbers, no punctuation of a sentence. Only taken when a numeric row follows within 3 lines.
 */
function headerWords(lines: Line[], k: number): string[] | undefined {
  const words = lines[k].replace(/[\s\u00a0\u3000]+/g, ' ').trim().split(' ');
  if (words.length < 2 || lines[k].length > 200) return undefined;
  if (words.some((w) => w.length > 25 || !/[\u4e00-\u9fff]/.test(w) || /[。；，,！？]/.test(w))) return undefined;
  for (let n = k + 1, seen = 0; n < lines.length && seen < 3; n++) {
    if (lines[n] === '') continue;
    seen++;
    if (splitLabelNumbers(lines[n], 3, true)) return words.map(normalizeSpace);
    const w = lines[n].replace(/[\s\u00a0\u3000]+/g, ' ').trim().split(' ');
    if (w.length < 2 || w.some((x) => x.length > 25 || /[。；，,！？]/.test(x))) return undefined;
  }
  return undefined;
}

function looksLikeColumnRun(rows: string[][]): boolean {
  if (rows.length < 2) return false;
  const numericRows = rows.filter((r) => r.some((c) => NUMERIC_CELL.test(c))).length;
  if (numericRows === 0) return false;
  // Rows must share a structure: most rows have the run's most common cell count (headers may be
  // shorter), or most rows carry numbers.
  const counts = new Map<number, number>();
  for (const r of rows) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
  const mode = Math.max(...counts.values());
  return mode * 2 >= rows.length || numericRows * 2 >= rows.length;
}

// --- (d) one cell per line with no separator at all ----------------------------------------------------
// Some scrapers print every <td> on its own line and nothing at the row ends. Rows are recovered
// from the template's shape: a row is its label line(s) followed by its run of numbers.

/** A line that is one numeric cell (a count, a signed change, an amount, a share, or a dash for blank). */
const NUMBER_LINE = /^(?:[+\-−]?[\d０-９][\d０-９,，.．]*\s*(?:万元|元|万|%|％)?|[—–-]{1,2}|\/)$/;
/** Row labels of the templates start with their numbering: 一、 （一） 1. */
const NUMBERED_LABEL = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）]|\d{1,2}[.．、](?!\d))/;

/** A report section title, as opposed to a table's row label (一、本年新收政府信息公开申请数量). */
/** Header and caption lines a table may carry before its first number line. */
const MAX_HEADER_LINES = 12;

const SECTION_TITLE = /^[一二三四五六七八九十]+[、.．].*(情况|事项|措施|问题|概述|工作)$/;

function isLabelLine(l: Line): boolean {
  return l.length <= 60 && !/[。；！？]/.test(l) && !NUMBER_LINE.test(l) && !l.includes('|');
}

interface CellLineRun {
  rows: string[][];
  /** Leading lines (section headings) that belong before the table, not in it. */
  before: string[];
  /** Index just past the last number line used. */
  end: number;
}

/**
 * Starting at line i, collects short label and number lines (blank lines between are skipped) and,
 * if they hold enough numbers, groups them: each run of numbers closes a row whose label is the
 * numbered label line(s) just before it; unnumbered labels before that are the header row(s).
 */
function rebuildCellLines(lines: Line[], i: number): CellLineRun | { retryAt: number } {
  const cells: { text: string; at: number; number: boolean }[] = [];
  let k = i;
  let sawNumber = false;
  for (; k < lines.length; k++) {
    const t = normalizeSpace(lines[k]);
    if (t === '') continue;
    const number = NUMBER_LINE.test(t);
    if (!number && !isLabelLine(t)) break;
    // The next section of the report ("四、政府信息公开行政复议、行政诉讼情况") ends the table.
    if (sawNumber && SECTION_TITLE.test(t)) break;
    sawNumber ||= number;
    cells.push({ text: t, at: k, number });
  }
  // Whatever happens, lines up to k need not be scanned again from a later start (keeps it linear)
  // — except that a table may follow a long stretch of short text lines: retry close to its numbers.
  const firstNumber = cells.findIndex((c) => c.number);
  if (firstNumber > MAX_HEADER_LINES) return { retryAt: cells[firstNumber - MAX_HEADER_LINES].at };
  const lastNumber = cells.map((c) => c.number).lastIndexOf(true);
  if (lastNumber < 0) return { retryAt: k };
  const used = cells.slice(0, lastNumber + 1);
  const numbers = used.filter((c) => c.number).length;
  if (numbers < 6 || numbers * 4 < used.length) return { retryAt: k };
  // Numbers must come in runs (a row's values), not one per label like a list of dates.
  let groups = 0;
  for (let n = 0; n < used.length; n++) if (used[n].number && (n === 0 || !used[n - 1].number)) groups++;
  if (groups < 2 && numbers < 10) return { retryAt: k };

  const rows: string[][] = [];
  const before: string[] = [];
  let labels: string[] = [];
  let u = 0;
  while (u < used.length) {
    if (!used[u].number) {
      labels.push(used[u].text);
      u++;
      continue;
    }
    const values: string[] = [];
    while (u < used.length && used[u].number) values.push(used[u++].text);
    // The row label: the last label, plus the numbered parents just before it (三、本年度办理结果 /
    // （三）不予公开). A wide run of numbers with no numbered label (table 四) has none.
    let rowLabel: string[] = [];
    if (labels.length && (values.length < 10 || NUMBERED_LABEL.test(labels[labels.length - 1]))) {
      let start = labels.length - 1;
      while (start > 0 && NUMBERED_LABEL.test(labels[start - 1]) && NUMBERED_LABEL.test(labels[start])) start--;
      rowLabel = labels.slice(start);
      labels = labels.slice(0, start);
    }
    if (labels.length) {
      const width = values.length + rowLabel.length;
      // Before the first row: section headings of the report, and short text lines beyond a
      // header and a caption or two, are text rather than table cells.
      if (rows.length === 0) {
        while (labels.length > width + 3) before.push(labels.shift()!);
        while (labels.length && classifyHeading(labels[0]) === 2 && !/^[一二三四五六七八九十]+、.*数量/.test(labels[0])) before.push(labels.shift()!);
      }
      let header = labels.length > width ? labels.slice(labels.length - width) : labels;
      // "第二十条第（八）项" captions a block of rows; it is never a column header.
      while (header.length && /^第[一二三四五六七八九十百\d]+条/.test(header[0])) header = header.slice(1);
      for (const l of labels.slice(0, labels.length - header.length)) rows.push([l]);
      if (header.length) rows.push(header);
    }
    rows.push([...rowLabel, ...values]);
    labels = [];
  }
  return { rows, before, end: used[used.length - 1].at + 1 };
}

// --- assembling -------------------------------------------------------------------------------------

function padRows(rows: string[][], warnings: string[]): string[][] {
  let width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  if (width > TEXT_LIMITS.maxColumns) {
    warnings.push(`text table wider than ${TEXT_LIMITS.maxColumns} columns truncated`);
    width = TEXT_LIMITS.maxColumns;
  }
  let out = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
  if (out.length * width > TEXT_LIMITS.maxCellsPerTable) {
    const keep = Math.floor(TEXT_LIMITS.maxCellsPerTable / Math.max(1, width));
    warnings.push(`text table truncated to ${keep} rows`);
    out = out.slice(0, keep);
  }
  // Columns blank in every row are row-closing artefacts of the one-cell-per-line form.
  while (width > 1 && out.every((r) => r[width - 1] === '')) {
    width--;
    out = out.map((r) => r.slice(0, width));
  }
  return out.filter((r) => r.some((c) => c !== ''));
}

const MD_HEADING = /^(#{1,6})\s+(.+?)\s*#*$/;

/** Length from which an unterminated line is taken for a wrapped one (short lines are titles, labels). */
const WRAP_MIN_CHARS = 30;

/**
 * The width a fixed-width dump wraps at: the 90th percentile of line lengths. In text with one
 * paragraph per line it is far above any unterminated line, so nothing is joined there.
 */
function wrapWidth(lines: Line[]): number {
  // Prose lines only: table rows of a -layout dump are padded with runs of spaces.
  const widths = lines
    .filter((l) => l.trim() !== '' && !/\S[ \u3000]{2,}\S/.test(l.trim()))
    .map(displayWidth)
    .sort((a, b) => a - b);
  return widths.length ? widths[Math.floor(widths.length * 0.9)] : Infinity;
}

/** Columns a line takes in a fixed-width dump: Chinese characters are two wide, indentation counts. */
function displayWidth(l: Line): number {
  let w = 0;
  for (const ch of l) w += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return w;
}

/**
 * Whether line `next` continues the paragraph whose last line was `prev` across a hard wrap: `prev`
 * runs to the wrap width without ending its sentence, and `next` starts flush left (dumps indent a
 * new paragraph) and is not a numbered item or a run-together table row.
 */
function isWrapped(prev: Line, next: Line, width: number): boolean {
  const p = prev.trim();
  if (p.length < WRAP_MIN_CHARS || displayWidth(prev) < 0.85 * width) return false;
  if (/[。！？；：!?;:]$/.test(p) || /\d{3,}$/.test(p) || /(报告|年报)$/.test(p)) return false;
  const n = next.trim();
  if (/^[\s\u3000\u00a0]/.test(next) || NUMBERED_LABEL.test(n) || !/[\u4e00-\u9fff]/.test(n)) return false;
  return true;
}

function stripMarkdownInline(s: string): string {
  return s
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/^>\s?/, '')
    .replace(/^[*+-]\s+(?=\S)/, '');
}

/** The next non-blank line index at or after i, or lines.length. */
function skipBlank(lines: Line[], i: number): number {
  while (i < lines.length && lines[i] === '') i++;
  return i;
}

/**
 * Turns decoded text into a Document. Markdown is read the same way (headings by #, pipe tables),
 * since scraped "markdown" is mostly plain text with a few marks.
 */
export function textToDocument(text: string, meta: TextMeta): Document {
  const warnings: string[] = [];
  let lines = text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/).map((l) => l.replace(/[ \u00a0\u3000\f\v]+$/, '').replace(/^[\u00a0\u3000 ]+(?=\|)/, ''));
  if (lines.length > TEXT_LIMITS.maxLines) {
    warnings.push(`text of ${lines.length} lines truncated to ${TEXT_LIMITS.maxLines}`);
    lines = lines.slice(0, TEXT_LIMITS.maxLines);
  }
  // Lines that are only whitespace count as blank.
  lines = lines.map((l) => (/^[\s\u00a0\u3000]*$/.test(l) ? '' : l));
  const tabRow = (l: Line) => l.includes('\t') && splitColumns(l) !== undefined;

  const blocks: Block[] = [];
  let tableCount = 0;
  const pushTable = (rows: string[][]) => {
    const grid = padRows(rows, warnings);
    if (grid.length === 0) return;
    tableCount++;
    blocks.push({ kind: 'table', index: tableCount, rows: grid, origin: 'text' });
  };
  // Where the previous paragraph came from, to rejoin prose that a fixed-width dump (pdftotext
  // -layout) wrapped mid-sentence: "…其中通过区" / "政府门户网站教育局专栏公开302条…".
  let lastParagraphLine = -2;
  const width = wrapWidth(lines);
  const pushText = (raw: string, at = -2) => {
    const md = raw.match(MD_HEADING);
    if (md) {
      const t = normalizeSpace(stripMarkdownInline(md[2]));
      if (t && !isChromeLine(t)) blocks.push({ kind: 'heading', text: t, level: Math.min(md[1].length, 3) });
      return;
    }
    const t = normalizeSpace(stripMarkdownInline(raw.trim()));
    if (!t || isChromeLine(t)) return;
    const level = classifyHeading(t);
    const prev = blocks[blocks.length - 1];
    if (!level && prev?.kind === 'paragraph' && at >= 1 && at === lastParagraphLine + 1 && isWrapped(lines[at - 1], raw, width)) {
      prev.text = joinPieces([prev.text, t]);
      lastParagraphLine = at;
      return;
    }
    blocks.push(level ? { kind: 'heading', text: t, level } : { kind: 'paragraph', text: t });
    lastParagraphLine = level ? -2 : at;
  };

  let i = 0;
  let cellLinesRetryAt = 0;
  while (i < lines.length) {
    const l = lines[i].trim();
    if (l === '') {
      i++;
      continue;
    }
    // (b) markdown table: a pipe row, optionally followed by a --- rule.
    if (isMarkdownRow(l) || (l.includes('|') && i + 1 < lines.length && MD_RULE.test(lines[i + 1].trim()) && !PIPE_ONLY.test(l))) {
      const rows: string[][] = [];
      let j = i;
      while (j < lines.length) {
        const t = lines[j].trim();
        if (MD_RULE.test(t) && t.includes('-')) {
          j++;
          continue;
        }
        if (isMarkdownRow(t) || (rows.length > 0 && t.includes('|') && !PIPE_ONLY.test(t) && !CELL_LINE.test(t)) || (j === i && t.includes('|'))) {
          rows.push(splitMarkdownRow(t));
          j++;
          continue;
        }
        break;
      }
      if (rows.length >= 2 || (rows.length === 1 && rows[0].length >= 3)) {
        pushTable(rows);
        i = j;
        continue;
      }
    }
    // (a) one cell per line with " |".
    if (isPipeCellLine(l)) {
      let j = i;
      const run: Line[] = [];
      while (j < lines.length) {
        const t = lines[j].trim();
        if (t === '') {
          // A blank line inside the run is kept only if the run continues after it.
          const k = skipBlank(lines, j);
          if (k < lines.length && isPipeCellLine(lines[k].trim())) {
            j = k;
            continue;
          }
          break;
        }
        if (!isPipeCellLine(t)) break;
        run.push(t);
        j++;
      }
      const cellLines = run.filter((t) => !PIPE_ONLY.test(t));
      const rowPerLine = cellLines.filter((t) => t.slice(0, -1).includes('|')).length * 2 > cellLines.length;
      if (rowPerLine && run.length >= 2) {
        // "一、本年新收… | 18 | 2 | 0 |" — a whole row per line, without the leading pipe.
        pushTable(cellLines.map((t) => t.slice(0, -1).split('|').map((c) => normalizeSpace(c))));
        i = j;
        continue;
      }
      if (run.length >= 3 && (cellLines.length >= 4 || run.some((t) => PIPE_ONLY.test(t)))) {
        pushTable(rebuildPipeCells(run));
        i = j;
        continue;
      }
    }
    // (d) one cell per line, no separators.
    if (i >= cellLinesRetryAt && (isLabelLine(l) || NUMBER_LINE.test(l))) {
      const run = rebuildCellLines(lines, i);
      if ('rows' in run) {
        for (const b of run.before) pushText(b);
        pushTable(run.rows);
        i = run.end;
        continue;
      }
      cellLinesRetryAt = run.retryAt;
    }
    // (c) tab / multi-space columns over consecutive lines.
    const first = splitColumns(lines[i]) ?? splitLabelNumbers(lines[i]) ?? headerWords(lines, i);
    if (first) {
      const rows: string[][] = [first];
      const sources: Line[] = [lines[i]];
      let j = i + 1;
      while (j < lines.length) {
        const k = skipBlank(lines, j);
        if (k >= lines.length) break;
        // Inside a run a row may carry just two numbers ("政府集中采购 156 8650.43万元").
        let cells = splitColumns(lines[k]) ?? splitLabelNumbers(lines[k], 2, true) ?? headerWords(lines, k);
        // In a tab-separated table a short label line without tabs ("二、依申请公开情况") between
        // two rows of the same width is a one-cell row of that table; between rows of different
        // widths it is the heading of the next table.
        if (!cells && tabRow(lines[i]) && k + 1 < lines.length) {
          const next = splitColumns(lines[skipBlank(lines, k + 1)] ?? '');
          const label = normalizeSpace(lines[k]);
          if (next && next.length === rows[rows.length - 1].length && label.length <= 30 && !/[。；]/.test(label)) cells = [label];
        }
        if (!cells) break;
        rows.push(cells);
        sources.push(lines[k]);
        j = k + 1;
      }
      // A lone "label n n n" line is a table row too (a one-row table 二 section).
      const loneRow = rows.length === 1 && !splitColumns(lines[i]) && splitLabelNumbers(lines[i]) !== undefined;
      if (looksLikeColumnRun(rows) || loneRow) {
        const spaced = !sources.some((l) => l.includes('\t')) && sources.every((l) => splitColumns(l) !== undefined);
        pushTable(spaced ? realignSpaced(sources, rows) : rows);
        i = j;
        continue;
      }
    }
    pushText(lines[i], i);
    i++;
  }

  const titleIdx = findTitleIndex(blocks);
  let title: string | undefined;
  if (titleIdx >= 0) {
    const b = blocks[titleIdx];
    if (b.kind !== 'table') {
      title = b.text;
      blocks[titleIdx] = { kind: 'heading', text: b.text, level: 1 };
    }
  }
  const doc: Document = {
    title,
    blocks,
    source: { name: meta.name, format: meta.format ?? 'text', ...(meta.encoding ? { encoding: meta.encoding } : {}) },
    warnings,
  };
  const published = findPublished(blocks);
  if (published) doc.published = published;
  return doc;
}

const DATE_LINE = /(?:发布日期|发布时间|发文日期|成文日期|日期)\s*[:：]\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/;

function findPublished(blocks: Block[]): string | undefined {
  for (const b of blocks.slice(0, 15)) {
    if (b.kind === 'table') continue;
    const m = b.text.match(DATE_LINE);
    if (m) {
      const mm = Number(m[2]);
      const dd = Number(m[3]);
      if (mm >= 1 && mm <= 12 && dd >= 1 && dd <= 31) return `${m[1]}-${String(mm).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
    }
  }
  return undefined;
}
