// Tables that arrive as text, one rebuilder per shape a scraper leaves them in: (a) one cell per
// line ending in " |", (b) markdown pipes, (c) tab / space-aligned / single-spaced rows, (d) one cell
// per line with no separator. Cell text is kept exactly as written (run-together digits stay one
// cell: the normaliser splits them with the template's identities).
import { classifyHeading, normalizeSpace } from './blocks.ts';

export type Line = string;

// --- (a) one cell per line, each ending in " |"; a line of only "|" closes the row ------------------

export const PIPE_ONLY = /^\|+$/;
export const CELL_LINE = /^[^|].*\|$/;

export function isPipeCellLine(l: Line): boolean {
  return PIPE_ONLY.test(l) || CELL_LINE.test(l);
}

/**
 * Rebuilds a table written one cell per line: "text |" is a cell ("|" alone, when it does not close
 * a row, is a blank cell), a line of k pipes adds k blank cells and closes the row. Whether a lone
 * "|" closes the row is decided by the table's width, learned from the rows that close with 2+
 * pipes (they always fill the row to the full width). Rows are left-packed: the source lost the
 * rowspans, so short rows are padded at the end and never realigned.
 */
export function rebuildPipeCells(lines: Line[]): string[][] {
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

export const MD_RULE = /^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$/;

export function isMarkdownRow(l: Line): boolean {
  return /^\|.*\|$/.test(l) && l.length > 2 && !PIPE_ONLY.test(l) && (l.match(/\|/g)?.length ?? 0) >= 2;
}

export function splitMarkdownRow(l: Line): string[] {
  let s = l.trim();
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1);
  return s.split(/(?<!\\)\|/).map((c) => normalizeSpace(c.replace(/\\\|/g, '|')));
}

// --- (c) tab- or multi-space-separated rows, and labels followed by single-spaced numbers ----------------------------------------------------------

/** A cell that carries a number (the sign that a line of short cells is a table row). */
export const NUMERIC_CELL = /^[+\-−]?[\d０-９][\d０-９,，.．]*\s*(亿元|万元|元|亿|万|件|条|个|次|人次|%|％)?$/;

export function splitColumns(l: Line): string[] | undefined {
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
export function realignSpaced(lines: Line[], rows: string[][]): string[][] {
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

const NUMBER_TOKEN = '(?:[+\\-−]?[\\d０-９][\\d０-９,.]*(?:%|亿元|万元|亿|万|元)?|[—–/-])';
const LABEL_THEN_NUMBERS = new RegExp(`^(.*?[^\\d０-９\\s,.%+−-])?\\s*((?:${NUMBER_TOKEN}\\s+){1,}${NUMBER_TOKEN})$`);

/**
 * "3.补正后申请内容仍不明确 0 0 0 0 0 0 0": a label followed by three or more numbers separated by
 * single spaces (scrapers that joined cells with one space). A line of numbers alone (table 四's
 * data row) needs five and may only continue a table, never start one.
 */
export function splitLabelNumbers(l: Line, minNumbers = 3, allowBare = false): string[] | undefined {
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
export function headerWords(lines: Line[], k: number): string[] | undefined {
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

export function looksLikeColumnRun(rows: string[][]): boolean {
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
export const NUMBER_LINE = /^(?:[+\-−]?[\d０-９][\d０-９,，.．]*\s*(?:亿元|万元|元|亿|万|%|％)?|[—–-]{1,2}|\/)$/;
/** Row labels of the templates start with their numbering: 一、 （一） 1. */
export const NUMBERED_LABEL = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）]|\d{1,2}[.．、](?!\d))/;

/** A report section title, as opposed to a table's row label (一、本年新收政府信息公开申请数量). */
/** Header and caption lines a table may carry before its first number line. */
const MAX_HEADER_LINES = 12;

const SECTION_TITLE = /^[一二三四五六七八九十]+[、.．].*(情况|事项|措施|问题|概述|工作)$/;

export function isLabelLine(l: Line): boolean {
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
export function rebuildCellLines(lines: Line[], i: number): CellLineRun | { retryAt: number } {
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
