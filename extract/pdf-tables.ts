// Tables rebuilt from geometry: the drawn ruling lines give the cell grid (merged cells are the
// places where an inner border is missing), then every text run is dropped into the cell that
// contains it. Runs are placed one by one, before any line joining, so two numbers in adjacent
// narrow cells can never be merged and one number can never be split.
import { buildLines, joinWrapped, splitRunAt, type Run } from './pdf-lines.ts';
import type { Segment } from './pdf-geometry.ts';

export interface GridTable {
  /** Top edge (page space, y up) and extent, for ordering blocks and joining across pages. */
  top: number;
  bottom: number;
  left: number;
  right: number;
  /** Each grid column's left and right edge, left → right (one per entry of a row). */
  cols: [number, number][];
  rows: string[][];
  /**
   * Per column: how many leading rows belong to a cell that has no top border, i.e. a merged
   * cell continued from the previous page (0 when the column's first cell is closed on top).
   */
  openTop: number[];
  /** The runs placed in this table (not to be read again as prose). */
  runs: Set<Run>;
}

/** Positions closer than this (pt) are the same border (double lines, anti-aliased edges). */
const SNAP = 2.5;
/** Grids larger than this are not report tables (or are hostile): left as text. */
const MAX_CELLS = 20_000;
/** Borders per page beyond which no table is looked for. */
const MAX_SEGMENTS = 3_000;

/** Collinear pieces of one border (Chromium draws a border per cell) joined into one segment. */
export function mergeSegments(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const dir of ['h', 'v'] as const) {
    const group = segments.filter((s) => s.dir === dir).sort((a, b) => a.pos - b.pos || a.from - b.from);
    const lanes: Segment[][] = [];
    for (const s of group) {
      const lane = lanes[lanes.length - 1];
      if (lane && Math.abs(lane[0].pos - s.pos) <= 1.5) lane.push(s);
      else lanes.push([s]);
    }
    for (const lane of lanes) {
      const pos = lane.reduce((a, s) => a + s.pos, 0) / lane.length;
      const sorted = [...lane].sort((a, b) => a.from - b.from);
      let cur: Segment | undefined;
      for (const s of sorted) {
        if (cur && s.from <= cur.to + SNAP) cur.to = Math.max(cur.to, s.to);
        else {
          if (cur) out.push(cur);
          cur = { dir, pos, from: s.from, to: s.to };
        }
      }
      if (cur) out.push(cur);
    }
  }
  return out;
}

function crosses(h: Segment, v: Segment): boolean {
  return v.pos >= h.from - SNAP && v.pos <= h.to + SNAP && h.pos >= v.from - SNAP && h.pos <= v.to + SNAP;
}

/** Groups of borders that touch each other: one group per drawn table. */
function components(segs: Segment[]): Segment[][] {
  const parent = segs.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const hs = segs.map((s, i) => [s, i] as const).filter(([s]) => s.dir === 'h');
  const vs = segs.map((s, i) => [s, i] as const).filter(([s]) => s.dir === 'v');
  for (const [h, hi] of hs) for (const [v, vi] of vs) if (crosses(h, v)) parent[find(hi)] = find(vi);
  const groups = new Map<number, Segment[]>();
  segs.forEach((s, i) => {
    const root = find(i);
    if (!groups.has(root)) groups.set(root, []);
    groups.get(root)!.push(s);
  });
  return [...groups.values()];
}

function cluster(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last && v - last[last.length - 1] <= SNAP) last.push(v);
    else out.push([v]);
  }
  return out.map((g) => g.reduce((a, b) => a + b, 0) / g.length);
}

/** Is there a border along `pos` covering most of [from, to]? */
function hasBorder(segs: Segment[], pos: number, from: number, to: number): boolean {
  const need = (to - from) * 0.5;
  let covered = 0;
  for (const s of segs) {
    if (Math.abs(s.pos - pos) > SNAP) continue;
    covered += Math.max(0, Math.min(s.to, to) - Math.max(s.from, from));
    if (covered >= need) return true;
  }
  return false;
}

/** Half of the gap (pt) a run must reach past a border on each side to be cut there. */
const STRADDLE = 1.5;

/**
 * A run crossing a drawn inner border of its row is two cells' text set as one string (see
 * splitRunAt): cut it at every such border. A run over a merged cell (no border there) stays whole.
 */
function cutAtBorders(run: Run, xs: number[], ys: number[], vs: Segment[]): Run[] {
  const inner = xs.slice(1, -1).filter((x) => run.x0 < x - STRADDLE && run.x1 > x + STRADDLE);
  if (!inner.length) return [run];
  const cy = run.y + 0.35 * run.size;
  const r = ys.findIndex((y, i) => i < ys.length - 1 && cy <= y && cy >= ys[i + 1]);
  if (r < 0) return [run];
  const out: Run[] = [];
  let rest = run;
  for (const x of inner) {
    if (!hasBorder(vs, x, ys[r + 1], ys[r])) continue;
    const parts = splitRunAt(rest, x);
    if (!parts) continue;
    out.push(parts[0]);
    rest = parts[1];
  }
  out.push(rest);
  return out;
}

/**
 * Finds the ruled tables on one page. `runs` are all text runs of the page; each run whose
 * centre lies inside a table's cell is placed there.
 */
export function ruledTables(segments: Segment[], runs: Run[]): GridTable[] {
  const tables: GridTable[] = [];
  const merged = mergeSegments(segments);
  // Pairing borders is quadratic: a page drawing thousands of separate strokes (hatching, a
  // hostile file) is read as text only.
  if (merged.length > MAX_SEGMENTS) return tables;
  for (const comp of components(merged)) {
    const hs = comp.filter((s) => s.dir === 'h');
    const vs = comp.filter((s) => s.dir === 'v');
    if (hs.length < 2 || vs.length < 2) continue;
    const left = Math.min(...hs.map((s) => s.from), ...vs.map((s) => s.pos));
    const right = Math.max(...hs.map((s) => s.to), ...vs.map((s) => s.pos));
    const bottom = Math.min(...vs.map((s) => s.from), ...hs.map((s) => s.pos));
    const top = Math.max(...vs.map((s) => s.to), ...hs.map((s) => s.pos));
    // Open-sided tables draw no outer verticals: the horizontal rules' ends are the edges.
    const xs = cluster([left, right, ...vs.map((s) => s.pos)]);
    const ys = cluster([bottom, top, ...hs.map((s) => s.pos)]).reverse(); // top → bottom
    const nCols = xs.length - 1;
    const nRows = ys.length - 1;
    if (nCols < 1 || nRows < 1 || nCols * nRows < 2 || nCols * nRows > MAX_CELLS) continue;

    // Cells with no border between them are one (merged) cell.
    const parent = Array.from({ length: nRows * nCols }, (_, i) => i);
    const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
    const union = (a: number, b: number) => {
      parent[find(a)] = find(b);
    };
    for (let r = 0; r < nRows; r++) {
      for (let c = 0; c < nCols; c++) {
        if (c + 1 < nCols && !hasBorder(vs, xs[c + 1], ys[r + 1], ys[r])) union(r * nCols + c, r * nCols + c + 1);
        if (r + 1 < nRows && !hasBorder(hs, ys[r + 1], xs[c], xs[c + 1])) union(r * nCols + c, (r + 1) * nCols + c);
      }
    }

    const placed = new Map<number, Run[]>();
    const used = new Set<Run>();
    for (const whole of runs) {
      for (const run of cutAtBorders(whole, xs, ys, vs)) {
        const cx = (run.x0 + run.x1) / 2;
        const cy = run.y + 0.35 * run.size; // baseline → middle of the glyphs
        if (cx < left || cx > right || cy < bottom || cy > top) continue;
        const c = xs.findIndex((x, i) => i < nCols && cx >= x && cx <= xs[i + 1]);
        const r = ys.findIndex((y, i) => i < nRows && cy <= y && cy >= ys[i + 1]);
        if (c < 0 || r < 0) continue;
        const root = find(r * nCols + c);
        if (!placed.has(root)) placed.set(root, []);
        placed.get(root)!.push(run);
        used.add(whole);
      }
    }
    // A frame around prose (a boxed note) is not a table: it holds one cell of text only.
    if (placed.size < 2) continue;

    const text = new Map<number, string>();
    for (const [root, cellRuns] of placed) text.set(root, joinWrapped(buildLines(cellRuns).map((l) => l.text)));
    let rows: string[][] = [];
    for (let r = 0; r < nRows; r++) {
      const row: string[] = [];
      for (let c = 0; c < nCols; c++) row.push(text.get(find(r * nCols + c)) ?? '');
      rows.push(row);
    }
    const keptRows = rows.map((row, r) => (row.some((cell) => cell !== '') ? r : -1)).filter((r) => r >= 0);
    rows = keptRows.map((r) => rows[r]);
    const openTopAll = xs.slice(0, nCols).map((_, c) => {
      if (hasBorder(hs, ys[0], xs[c], xs[c + 1])) return 0;
      let n = 0;
      while (n < keptRows.length && find(keptRows[n] * nCols + c) === find(keptRows[0] * nCols + c)) n++;
      return n;
    });
    // Columns blank in every row are slivers between almost-aligned borders: give their width
    // to the neighbour on the left (or right, for the first) and drop them.
    const cols: [number, number][] = [];
    const keep: number[] = [];
    for (let c = 0; c < nCols; c++) {
      if (rows.some((row) => row[c] !== '')) {
        cols.push([keep.length ? xs[c] : xs[0], xs[c + 1]]);
        keep.push(c);
      } else if (cols.length) cols[cols.length - 1][1] = xs[c + 1];
    }
    if (!keep.length) continue;
    rows = rows.map((row) => keep.map((c) => row[c]));
    tables.push({ top, bottom, left, right, cols, rows, openTop: keep.map((c) => openTopAll[c]), runs: used });
  }
  return tables.sort((a, b) => b.top - a.top);
}

/**
 * A table continued on the next page: same left and right edges. The continuation may draw
 * fewer inner borders (its rows span columns the first part splits), so its rows are mapped onto
 * the first part's columns by position. Returns the continuation's rows on those columns, or
 * undefined when the two parts do not line up.
 */
export function continuedRows(prev: GridTable, next: GridTable): Continuation | undefined {
  // Tables rebuilt from alignment (no borders) carry no column edges: a part on the next page
  // continues one with the same number of columns, column for column.
  if (!prev.cols.length || !next.cols.length) {
    const width = (t: GridTable) => new Set(t.rows.map((r) => r.length));
    const [a, b] = [width(prev), width(next)];
    if (prev.cols.length || next.cols.length || a.size !== 1 || b.size !== 1 || [...a][0] !== [...b][0]) return undefined;
    return { cols: [], refine: (rows) => rows, rows: next.rows, openTop: next.rows[0].map(() => 0) };
  }
  if (Math.abs(prev.left - next.left) > 6 || Math.abs(prev.right - next.right) > 6) return undefined;
  // The common columns: every edge either part draws. A part that lacks an edge (its rows span
  // there) repeats the spanning cell's text on both sides, as span expansion does.
  const edges = [...prev.cols.flat(), ...next.cols.flat()].sort((a, b) => a - b);
  const common: number[] = [];
  for (const x of edges) if (!common.length || x - common[common.length - 1] > 3) common.push(x);
  const cols: [number, number][] = common.slice(1).map((x, i) => [common[i], x]);
  const owner = (t: GridTable) => cols.map(([a, b]) => t.cols.findIndex(([c, d]) => (a + b) / 2 >= c - 1 && (a + b) / 2 <= d + 1));
  const inPrev = owner(prev);
  const inNext = owner(next);
  if (inPrev.some((j) => j < 0) || inNext.some((j) => j < 0)) return undefined;
  return {
    cols,
    refine: (rows) => rows.map((row) => inPrev.map((j) => row[j])),
    rows: next.rows.map((row) => inNext.map((j) => row[j])),
    openTop: inNext.map((j) => next.openTop[j]),
  };
}

export interface Continuation {
  /** The columns both parts share from now on. */
  cols: [number, number][];
  /** Re-lays the rows read so far on those columns. */
  refine: (rows: string[][]) => string[][];
  /** The continuation's rows on those columns. */
  rows: string[][];
  openTop: number[];
}

export function joinRows(prev: string[][], next: { rows: string[][]; openTop: number[] }): string[][] {
  let skip = 0;
  while (skip < next.rows.length && skip < prev.length - 1 && sameRow(prev[skip], next.rows[skip])) skip++;
  const rest = next.rows.slice(skip).map((row) => [...row]);
  const last = prev[prev.length - 1];
  const before = prev[prev.length - 2];
  if (!last) return [...prev, ...rest];
  last.forEach((text, c) => {
    if (!text || /^[-+]?[\d.,]+$/.test(text)) return;
    if (skip === 0 && next.openTop[c] > 0) {
      // A merged cell cut by the page break, its top border missing on this page: its text
      // was printed on the previous page. The continued part takes the same text.
      for (let r = 0; r < next.openTop[c] && r < rest.length; r++) if (rest[r][c] === '') rest[r][c] = text;
    } else if (before && text === before[c]) {
      // A label spanning rows across a repeated header (三、本年度办理结果): carry it down into
      // the continued rows until the column has text of its own.
      for (const row of rest) {
        if (row[c] !== '') break;
        row[c] = text;
      }
    }
  });
  joinCutCells(prev, rest);
  return [...prev, ...rest.filter((row) => row.some((cell) => cell !== ''))];
}

// Template labels open with their numbering: 三、 （五） 1. — text that does not is the tail of
// a label the page break cut.
const NUMBERED = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+[.．、])/;
const NUMBER_CELL = /^[-+]?[\d.,]+$/;

/**
 * A merged label cell whose text the page break cut ("三、本年" | "度办理结果", "（五）不予处" |
 * "理"): the two parts are joined and given to every row of both parts. A continuation row left
 * holding only such tails is emptied (and then dropped).
 */
function joinCutCells(prev: string[][], rest: string[][]): void {
  const last = prev[prev.length - 1];
  const first = rest[0];
  if (!last || !first) return;
  last.forEach((head, c) => {
    const tail = first[c];
    if (!head || !tail || head === tail || !NUMBERED.test(head) || NUMBERED.test(tail) || NUMBER_CELL.test(tail)) return;
    const whole = joinWrapped([head, tail]);
    for (let r = prev.length - 1; r >= 0 && prev[r][c] === head; r--) prev[r] = prev[r].map((cell) => (cell === head ? whole : cell));
    for (let r = 0; r < rest.length && rest[r][c] === tail; r++) rest[r] = rest[r].map((cell) => (cell === tail ? whole : cell));
  });
  joinCutHeaderRow(prev, rest);
  // The row that only carried the cut tails repeats labels now and holds nothing else.
  const [head, end] = [rest[0], prev[prev.length - 1]];
  const onlyLabels = head.every((cell, c) => cell === '' || cell === end[c]);
  if (onlyLabels && head.some((cell) => cell !== '')) rest[0] = head.map(() => '');
}

// Header labels of the report templates, for recognising one cut in two by a page break.
const TEMPLATE_HEADERS = new Set([
  '结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '复议后起诉', '行政复议', '行政诉讼',
  '自然人', '法人或其他组织', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '申请人情况',
  '本年新制作数量', '本年新公开数量', '对外公开总数量', '本年制发件数', '本年废止件数', '现行有效件数',
  '上一年项目数量', '本年增/减', '处理决定数量', '本年处理决定数量', '采购项目数量', '采购总金额',
]);

/**
 * A header row cut by the page break ("结果" on one page, "维持" on the next): neither part holds
 * a number, and each joined pair reads as a header of the table (or of the templates). The
 * tails are joined onto the heads and their row is emptied.
 */
function joinCutHeaderRow(prev: string[][], rest: string[][]): void {
  const last = prev[prev.length - 1];
  const first = rest[0];
  if (!last || !first || last.some((c) => NUMBER_CELL.test(c)) || first.some((c) => NUMBER_CELL.test(c))) return;
  const known = new Set([...TEMPLATE_HEADERS, ...prev.flat()]);
  const pairs = last.map((head, c) => ({ head, tail: first[c] }));
  const cut = pairs.filter(({ head, tail }) => tail && tail !== head);
  if (!cut.length || !cut.every(({ head, tail }) => head && known.has(joinWrapped([head, tail])))) return;
  prev[prev.length - 1] = pairs.map(({ head, tail }) => (tail && tail !== head ? joinWrapped([head, tail]) : head));
  rest[0] = first.map(() => '');
}

function sameRow(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((cell, i) => cell === b[i]);
}

/**
 * Text of a merged cell that overflowed the table's bottom border at a page break (Chromium
 * prints the rest of "（三）不予公开" under the last rule). Runs just below the table, with
 * nothing else under them on the page, are appended to the cell of the last row above them.
 * Returns the runs absorbed.
 */
export function absorbOverflow(table: GridTable, runs: Run[], isBodyText: (r: Run) => boolean): Set<Run> {
  const absorbed = new Set<Run>();
  const below = runs.filter((r) => r.y < table.bottom && isBodyText(r));
  if (!below.length) return absorbed;
  const nearest = Math.max(...below.map((r) => r.y));
  const size = Math.max(...below.map((r) => r.size));
  if (table.bottom - (nearest + size) > 0.6 * size) return absorbed; // not touching the table
  // Only at the end of a page: any other prose further down means this is ordinary text.
  const candidates = below.filter((r) => Math.abs(r.y - nearest) <= 0.35 * size);
  if (below.length !== candidates.length) return absorbed;
  const last = table.rows[table.rows.length - 1];
  for (const run of candidates) {
    // Each piece must fit inside one column of a filled cell: a heading under the table does not.
    const c = table.cols.findIndex(([a, b]) => run.x0 >= a - 1 && run.x1 <= b + 1);
    if (c < 0 || !last || last[c] === '') return new Set();
  }
  for (const run of candidates.sort((a, b) => a.x0 - b.x0)) {
    const c = table.cols.findIndex(([a, b]) => run.x0 >= a - 1 && run.x1 <= b + 1);
    const old = last[c];
    // The cell's text is repeated over its span (columns and rows): extend every copy.
    for (let r = table.rows.length - 1; r >= 0 && table.rows[r].includes(old); r--) {
      table.rows[r] = table.rows[r].map((cell) => (cell === old ? joinWrapped([old, run.text]) : cell));
    }
    absorbed.add(run);
  }
  return absorbed;
}
