// Table 三 rows → metrics. Columns by header where the grid has real columns and the header
// names each of them once; otherwise by the template's order (the last seven value cells).
// Rows whose cells ran together are recovered jointly with the table identities.
import { parseCell } from '../numbers.ts';
import { enumerateSplits, solveJointly, type Identity, type Unknown } from '../recover.ts';
import type { Check, MetricDetail } from '../types.ts';
import { cellKind, fitValues, isDigitRun, splitRow, type RowParts } from './cells.ts';
import { cellDetail, stackHeaders, type TableOutput } from './emit.ts';
import type { SourceRow } from './rows.ts';
import {
  OTHER_SPLIT_ROWS,
  OUTCOME_ROWS_2019,
  OUTCOME_ROWS_SPLIT,
  T3_COLUMNS,
  T3_GROUPS,
  T3_ROWS,
  type T3Group,
  type T3Row,
} from './table3.ts';

export interface T3Input {
  spec: T3Row;
  parts: RowParts;
  row: SourceRow;
  /** Header rows seen above this row in the same grid. */
  headers: string[][];
}

const N = T3_COLUMNS.length;
/** What a column header holds when it names no column: the caption over every column, the row-label caption. */
const UNNAMED = /申请人情况|\(本列数据.*?\)|本列数据.*$|\//g;
const HEADER_NOISE = /申请人情况|法人或其他组织|\(本列数据.*?\)|本列数据.*$|\//g;

/** Grid column index → column position (0..6), or undefined when the header is not usable. */
const headerCache = new WeakMap<string[][], Map<number, number> | undefined>();

export function table3HeaderColumns(headers: string[][]): Map<number, number> | undefined {
  if (headerCache.has(headers)) return headerCache.get(headers);
  const columns = headerColumnsUncached(headers);
  headerCache.set(headers, columns);
  return columns;
}

function headerColumnsUncached(headers: string[][]): Map<number, number> | undefined {
  if (headers.length === 0) return undefined;
  const stacked = stackHeaders(headers);
  const map = new Map<number, number>();
  const used = new Set<number>();
  for (let j = 0; j < stacked.length; j++) {
    const text = stacked[j].replace(HEADER_NOISE, '');
    if (!text) continue;
    const hits = T3_COLUMNS.map((c, i) => (c.pattern.test(text) ? i : -1)).filter((i) => i >= 0);
    if (hits.length > 1) return undefined; // a left-packed header mixes columns: not usable
    if (hits.length === 0) continue; // the row-label column's caption
    if (used.has(hits[0])) {
      // colspan repeats a header: fine only if adjacent to the same column
      if (map.get(j - 1) !== hits[0]) return undefined;
      continue;
    }
    used.add(hits[0]);
    map.set(j, hits[0]);
  }
  return used.has(0) && used.has(N - 1) ? map : undefined;
}

/**
 * A number in a column the header leaves unnamed (blank, or only the row-label caption): the
 * header does not describe this row. A named column outside the seven (a simplified table's
 * unsplit 法人或其他组织) is not stray.
 */
function strayValue(cells: string[], labelEnd: number, columns: Map<number, number>, headers: string[][]): boolean {
  let stacked: string[] | undefined;
  for (let j = labelEnd; j < cells.length; j++) {
    if (columns.has(j) || cellKind(cells[j]) !== 'value') continue;
    stacked ??= stackHeaders(headers);
    if (!(stacked[j] ?? '').replace(UNNAMED, '')) return true;
  }
  return false;
}

interface Pending {
  input: T3Input;
  segments: string[];
}

export function mapTable3(inputs: T3Input[]): TableOutput {
  const details: MetricDetail[] = [];
  const checks: Check[] = [];
  const seen = new Set<string>();
  /** Row key → column values (undefined = blank), for the joint recovery. */
  const known = new Map<string, Array<number | undefined>>();
  const pending: Pending[] = [];
  const labelOf = new Map<string, string>();

  for (const input of inputs) {
    const { spec, parts, row } = input;
    if (seen.has(spec.key)) continue; // a repeated table (e.g. a summary copy): first one wins
    const cells = readCells(input);
    if (!cells) {
      const nonblank = parts.values.filter((v) => cellKind(v) !== 'blank');
      if (nonblank.length > 0 && nonblank.every(isDigitRun)) {
        seen.add(spec.key);
        labelOf.set(spec.key, parts.labels.join(' '));
        pending.push({ input, segments: nonblank.map((v) => v.normalize('NFKC').trim()) });
      } else if (nonblank.length > 0) {
        checks.push({
          rule: `t3.cells.${spec.key}`,
          ok: false,
          message: `row "${parts.labels.join(' ')}" has ${parts.values.length} value cells, expected ${N}; not read`,
        });
      }
      continue;
    }
    seen.add(spec.key);
    labelOf.set(spec.key, parts.labels.join(' '));
    const values: Array<number | undefined> = [];
    cells.forEach((raw, i) => {
      const parsed = parseCell(raw);
      values.push(parsed?.value);
      if (!parsed) return;
      const d = cellDetail(`applications.${spec.key}.${T3_COLUMNS[i].key}`, parsed.value, parsed.qualifier, {
        row,
        labels: parts.labels,
        column: T3_COLUMNS[i].label,
        raw,
      });
      if (d) details.push(d);
    });
    known.set(spec.key, values);
  }

  if (pending.length) recoverRows(pending, known, labelOf, details, checks);
  return { details, checks };
}

const isRunTogether = (cell: string) => /^\d{7,}$/.test(cell.normalize('NFKC').trim());

/** The row's seven cells in template order, or undefined when they cannot be placed. */
function readCells(input: T3Input): string[] | undefined {
  const { parts, row, headers } = input;
  const fitted = fitValues(parts.values, N);
  if (row.aligned) {
    const columns = table3HeaderColumns(headers);
    // A header naming fewer than seven columns (a variant caption we do not know, or a simplified
    // table) is trusted only when the row does not have the template's seven cells anyway.
    // Numbers glued to the label cell are not in the grid's columns: read them from the label.
    const gridHasValues = row.cells.slice(parts.labelEnd).some((c) => cellKind(c) !== 'blank');
    // Every number of the row must stand under a column the header names; a number outside them
    // means the header does not line up with this row (a split table whose rows lost a spanned
    // label cell but repeat the full header).
    const stray = columns !== undefined && strayValue(row.cells, parts.labelEnd, columns, headers);
    if (columns && gridHasValues && !stray && (columns.size === N || fitted.length !== N)) {
      const labelEnd = parts.labelEnd;
      const out: string[] = new Array(N).fill('');
      let ok = true;
      for (const [j, i] of columns) {
        if (j < labelEnd) ok = false;
        else out[i] = (row.cells[j] ?? '').trim();
      }
      // A cell holding a seven-digit run is a row that ran together, not a million applications.
      if (ok && !out.some(isRunTogether)) return out;
      if (ok) return undefined;
    }
  }
  if (fitted.length !== N) return undefined;
  // Seven cells of which one swallowed its neighbours are not seven cells.
  return fitted;
}

function recoverRows(
  pending: Pending[],
  known: Map<string, Array<number | undefined>>,
  labelOf: Map<string, string>,
  details: MetricDetail[],
  checks: Check[],
): void {
  const rowSum = (v: number[]) => v[0] + v[1] + v[2] + v[3] + v[4] + v[5] === v[6];
  const unknowns: Unknown[] = [];
  for (const p of pending) {
    const candidates = enumerateSplits(p.segments, N, rowSum);
    unknowns.push({ id: p.input.spec.key, candidates: candidates ?? [] });
  }
  const identities = table3Identities(known, new Set(unknowns.map((u) => u.id)), new Set([...known.keys(), ...unknowns.map((u) => u.id)]));
  const resolved = solveJointly(unknowns.filter((u) => u.candidates.length > 0), identities);
  for (const p of pending) {
    const key = p.input.spec.key;
    const res = resolved.get(key);
    const runs = p.segments.join(' ');
    const label = labelOf.get(key) ?? key;
    if (!res?.values) {
      const fits = res?.surviving ?? 0;
      checks.push({
        rule: `t3.recover.${key}`,
        ok: false,
        message:
          fits === 0
            ? `row "${label}" cells ran together as "${runs}" and no split into ${N} cells fits the identities; left empty`
            : `row "${label}" cells ran together as "${runs}": ${fits} splits fit the identities; left empty`,
      });
      continue;
    }
    const split = res.values.join('|');
    checks.push({ rule: `t3.recover.${key}`, ok: true, message: `row "${label}" "${runs}" read as ${split}, the only split that fits the identities` });
    res.values.forEach((value, i) => {
      const d = cellDetail(`applications.${key}.${T3_COLUMNS[i].key}`, value, 'exact', {
        row: p.input.row,
        labels: p.input.parts.labels,
        column: T3_COLUMNS[i].label,
        raw: String(value),
        note: `${runs} = ${split}`,
      });
      if (d) details.push(d);
    });
  }
}


/** The per-column identities of table 三 over the rows present, folding known cells into constants. */
function table3Identities(
  known: Map<string, Array<number | undefined>>,
  unknownIds: Set<string>,
  present: Set<string>,
): Identity[] {
  const outcomeRows = OTHER_SPLIT_ROWS.some((k) => present.has(k)) ? OUTCOME_ROWS_SPLIT : OUTCOME_ROWS_2019;
  const equations: Array<Array<[string, number]>> = [
    [['new', 1], ['carried_over', 1], ['outcome.total', -1], ['carried_forward', -1]],
    [['outcome.total', 1], ...outcomeRows.map((k) => [k, -1] as [string, number])],
  ];
  const out: Identity[] = [];
  for (let c = 0; c < N; c++) {
    for (const eq of equations) {
      const id: Identity = { terms: [], constant: 0 };
      let usable = true;
      for (const [rowKey, coefficient] of eq) {
        if (unknownIds.has(rowKey)) id.terms.push({ id: rowKey, index: c, coefficient });
        else {
          const v = known.get(rowKey)?.[c];
          if (v === undefined) usable = false;
          else id.constant += coefficient * v;
        }
      }
      if (usable && id.terms.length) out.push(id);
    }
  }
  return out;
}

/** Which group the rows below belong to: rowspanned group labels are often lost in flattening. */
export interface T3Context {
  group?: T3Group;
}

/**
 * The table 三 row a row's labels name (compact, numbering stripped), or undefined. The last
 * label that names a row wins ("三、本年度办理结果 | (三)不予公开 | 1.属于国家秘密"); group labels
 * update the context so a bare "3.其他" below (六)其他处理 is found.
 */
export function matchTable3Row(labels: string[], ctx: T3Context): T3Row | undefined {
  let found: T3Row | undefined;
  for (const label of labels) {
    const g = T3_GROUPS.find((x) => x.pattern.test(label));
    if (g) ctx.group = g.group;
    const r = T3_ROWS.find((x) => x.pattern.test(label) && (!x.onlyIn || x.onlyIn === ctx.group));
    if (r) found = r;
  }
  if (found?.group) ctx.group = found.group;
  else if (found && !found.onlyIn) ctx.group = undefined;
  return found;
}
