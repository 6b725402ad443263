// Tables without drawn borders, rebuilt from column alignment: rows are the lines that carry
// several separate number cells, columns are the x positions where those numbers line up. The
// text left of the number columns is the row's label; label lines with no numbers (a wrapped
// label, a merged group label) join the nearest number row. Header lines just above the first
// row are laid on the same columns. Used only where no ruled table was found.
import { joinWrapped, type Line, type Run } from './pdf-lines.ts';

export interface AlignedTable {
  top: number;
  rows: string[][];
  lines: Set<Line>;
}

const NUMBER = /^[-+]?\d[\d,]*(?:\.\d+)?(?:万?元|%)?$/;
/** A table needs at least this many number rows, each with at least two number cells. */
const MIN_ROWS = 2;
const MIN_NUMBERS = 2;
const MAX_HEADER_LINES = 4;
/**
 * Label-only lines allowed between two number rows: a group label beside rows whose own labels
 * wrap to three lines (（六）其他处理 / 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理…).
 */
const MAX_LABEL_LINES = 6;
/** A row label opening with its item number: 3.其他, （六）其他处理, 四、结转下年度继续办理. */
const ITEM_START = /^(?:\d+[.、．]|[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、)/;
/**
 * A section heading (四、政府信息公开行政复议、行政诉讼情况) ends a table even when another follows
 * closely; a row label (四、结转下年度继续办理) set above its numbers does not.
 */
const SECTION = /^[一二三四五六七八九十]+、.{4,}(?:情况|事项)$/;

const numbers = (l: Line) => l.runs.filter((r) => NUMBER.test(r.text));
const isDataLine = (l: Line) => numbers(l).length >= MIN_NUMBERS && !/[。；]/.test(l.text);

export function alignedTables(lines: Line[]): AlignedTable[] {
  const sorted = [...lines].sort((a, b) => b.y - a.y);
  const tables: AlignedTable[] = [];
  let i = 0;
  let prevEnd = 0;
  while (i < sorted.length) {
    if (!isDataLine(sorted[i])) {
      i++;
      continue;
    }
    // Extend over data lines and short label-only lines between them.
    let end = i;
    let j = i + 1;
    while (j < sorted.length) {
      const gap = sorted[j - 1].y - sorted[j].y;
      if (gap > 3.5 * sorted[j].size) break;
      if (isDataLine(sorted[j])) end = j;
      else if (/[。；]/.test(sorted[j].text) || SECTION.test(sorted[j].text) || j - end > MAX_LABEL_LINES) break;
      j++;
    }
    // The tail of a label wrapped below the last number row.
    while (end + 1 < sorted.length && end - i < 400) {
      const next = sorted[end + 1];
      // (A continuation never opens with numbering: "六、其他需要报告的事项" is the next section.)
      if (isDataLine(next) || /[。；]/.test(next.text) || /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+[.、])/.test(next.text) || next.text.length > 24 || sorted[end].y - next.y > 1.8 * next.size) break;
      end++;
    }
    const body = sorted.slice(i, end + 1);
    const data = body.filter(isDataLine);
    // One row is enough when it is long (table 四: fifteen numbers on one line).
    if (data.length < MIN_ROWS && numbers(data[0]).length < 5) {
      i = end + 1;
      continue;
    }
    let start = i;
    // (Header lines never reach back into the previous table.)
    while (start > prevEnd && i - start < MAX_HEADER_LINES && sorted[start - 1].runs.length >= 2 && !/[。；，,]/.test(sorted[start - 1].text) && sorted[start - 1].y - sorted[start].y <= 3.5 * sorted[start].size) start--;
    tables.push(build(sorted.slice(start, i), body));
    i = end + 1;
    prevEnd = i;
  }
  return tables;
}

function build(header: Line[], body: Line[]): AlignedTable {
  // Number columns: centres of number cells that line up (within about a character).
  const centres = body.filter(isDataLine).flatMap((l) => numbers(l).map((r) => ({ c: (r.x0 + r.x1) / 2, r })));
  centres.sort((a, b) => a.c - b.c);
  const cols: { x0: number; x1: number; c: number }[] = [];
  for (const { c, r } of centres) {
    const last = cols[cols.length - 1];
    if (last && c - last.c <= Math.max(6, r.size * 0.9)) {
      last.x0 = Math.min(last.x0, r.x0);
      last.x1 = Math.max(last.x1, r.x1);
    } else cols.push({ x0: r.x0, x1: r.x1, c });
  }
  const firstNumberX = cols[0].x0 - 2;
  const colOf = (r: Run) => {
    const c = (r.x0 + r.x1) / 2;
    let best = -1;
    let dist = Infinity;
    cols.forEach((col, k) => {
      const d = c < col.x0 ? col.x0 - c : c > col.x1 ? c - col.x1 : 0;
      if (d < dist) [best, dist] = [k, d];
    });
    return best;
  };

  const dataLines = body.filter(isDataLine);
  const all = [...header, ...body];
  // A line reaching into the number columns without numbers is a header row of its own
  // ("信息内容  上一年项目数量  本年增/减", "第二十条第（五）项"); a line left of them is a
  // label fragment of the nearest number row.
  const isHeaderRow = (l: Line) => !isDataLine(l) && (header.includes(l) || l.runs.some((r) => r.x1 > firstNumberX + 2));
  const labels = new Map<Line, string[]>(dataLines.map((l) => [l, []]));
  const nearest = (l: Line) => {
    // Ties go to the row below: wrapped labels more often start level with their numbers.
    let best = dataLines[0];
    for (const d of dataLines) if (Math.abs(d.y - l.y) < Math.abs(best.y - l.y)) best = d;
    // A label that starts with its item number (3.其他) starts its cell: a fragment set in the
    // same column just above it is the tail of the row above (…其政府信息公开申请).
    if (best.y < l.y && best.runs.some((r) => ITEM_START.test(r.text) && l.runs.some((f) => Math.abs(f.x0 - r.x0) < 2))) {
      const above = dataLines.filter((d) => d.y > l.y).sort((a, b) => a.y - b.y)[0];
      if (above) best = above;
    }
    return best;
  };
  for (const line of all) {
    if (isHeaderRow(line)) continue;
    const labelRuns = line.runs.filter((r) => r.x1 <= firstNumberX || !NUMBER.test(r.text));
    if (!labelRuns.length) continue;
    const target = isDataLine(line) ? line : nearest(line);
    const parts = labels.get(target)!;
    const text = labelRuns.map((r) => r.text).join(' ');
    if (line.y > target.y) parts.unshift(text);
    else parts.push(text);
  }
  const rows: string[][] = [];
  for (const line of all) {
    if (isHeaderRow(line)) {
      const row = [line.runs.filter((r) => r.x1 <= firstNumberX).map((r) => r.text).join(' '), ...cols.map(() => '')];
      for (const r of line.runs) if (r.x1 > firstNumberX) row[colOf(r) + 1] = joinWrapped([row[colOf(r) + 1], r.text]);
      rows.push(row);
    } else if (isDataLine(line)) {
      const row = [labels.get(line)!.join(' '), ...cols.map(() => '')];
      for (const r of numbers(line)) if (r.x0 >= firstNumberX) row[colOf(r) + 1] = r.text;
      rows.push(row);
    }
  }
  return { top: (header[0] ?? body[0]).y + (header[0] ?? body[0]).size, rows, lines: new Set([...header, ...body]) };
}
