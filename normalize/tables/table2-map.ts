// Table 二 rows → metrics. Each 第二十条 block has a header row (信息内容 | columns…); a data row
// takes its columns from the latest header when that header fits its subject, else from the
// template's order for the era. Money columns end up in yuan; 本年增/减 keeps its sign.
import { isMetricKey } from '../dictionary.ts';
import { parseCell } from '../numbers.ts';
import { enumerateSplits, splitAtSigns } from '../recover.ts';
import type { Check, Era, MetricDetail, Qualifier } from '../types.ts';
import { cellKind, compactLabel, fitValues, type RowParts } from './cells.ts';
import { cellDetail, type TableOutput } from './emit.ts';
import type { SourceRow } from './rows.ts';
import { T2_CANONICAL, T2_COLUMNS, T2_WAN, T2_WRAPPED_HEADER, type T2Column } from './table2.ts';

export interface T2Header {
  cells: string[];
  group: number;
}

interface Placed {
  column: T2Column;
  label: string;
  /** Grid index of the column's first cell (same-width rows read by index). */
  index: number;
}

const HEADER_LABEL = /信息内容|项目|类别|内容/;

// The template's column headers, for headers whose cells were glued into one line of text
// ("信息内容上一年项目数量本年增/减").
const HEADER_PHRASES = /本年新制作数量|本年新公开数量|对外公开总数量|本年制发件数|本年废止件数|现行有效件数|上一年项目数量|本年增\/?减|本年处理决定数量|处理决定数量|本年收费金额(?:\(单位:万元\))?|采购项目数量|采购总金额(?:\(万元\))?|本年新/g;

function gluedCells(cells: string[]): string[] {
  const nonblank = cells.map((c) => compactLabel(c)).filter((c) => c);
  if (nonblank.length !== 1) return cells;
  const phrases = nonblank[0].match(HEADER_PHRASES);
  return phrases && phrases.length > 1 ? ['信息内容', ...phrases] : cells;
}

/** The header's columns: each header cell after the label cell, colspan repeats merged. */
function headerColumns(header: T2Header, canonical: T2Column[]): Placed[] | undefined {
  const raw = gluedCells(header.cells);
  const cells = raw.map((c) => compactLabel(c));
  let start = cells.findIndex((c) => HEADER_LABEL.test(c) && !T2_COLUMNS.some((t) => t.pattern.test(c)));
  start = start < 0 ? 0 : start + 1;
  const placed: Placed[] = [];
  let wrapped = 0;
  for (let j = start; j < cells.length; j++) {
    const c = cells[j];
    if (!c) continue;
    const wrappedHere = T2_WRAPPED_HEADER.test(c);
    if (!wrappedHere && j > start && cells[j - 1] === c) continue; // colspan repeat
    let column: T2Column | undefined;
    if (wrappedHere) {
      // "本年新" printed twice for 本年新制作数量 / 本年新公开数量: the n-th is the n-th of the template.
      column = canonical.filter((k) => k.suffix === 'issued' || k.suffix === 'published')[wrapped++];
    } else {
      column = T2_COLUMNS.find((t) => t.pattern.test(c))?.column;
    }
    if (!column) return undefined;
    placed.push({ column, label: raw[j].trim(), index: raw === header.cells ? j : -1 - j });
  }
  return placed.length ? placed : undefined;
}

export function mapTable2Row(
  prefix: string,
  row: SourceRow,
  parts: RowParts,
  header: T2Header | undefined,
  era: Exclude<Era, 'pre2019'>,
): TableOutput {
  const details: MetricDetail[] = [];
  const checks: Check[] = [];
  const canonical = T2_CANONICAL[era][prefix] ?? [];
  let columns = header ? headerColumns(header, canonical) : undefined;
  // A header from another block (e.g. 本年新制作数量 above 行政许可) does not fit this subject.
  if (columns && !columns.every((p) => isMetricKey(`${prefix}.${p.column.suffix}`))) columns = undefined;
  // A header naming fewer columns than the row has numbers lost part of itself (a wrapped
  // "本年新/制作数量" in text from a PDF); the template's order fits a row of its full width.
  const stated = parts.values.filter((v) => cellKind(v) !== 'blank').length;
  if (columns && stated > columns.length && stated === canonical.length) columns = undefined;
  const wan = header ? T2_WAN.test(header.cells.join('')) : false;
  const placed: Placed[] = columns ?? canonical.map((column, i) => ({ column, label: column.suffix, index: -1 - i }));
  if (!placed.length) return { details, checks };

  let cells: string[];
  // By grid index only when the header lines up with the row: a header column over the row's
  // label means a left-packed header (its 信息内容 cell was lost), read in order instead.
  if (
    columns &&
    header &&
    header.group === row.group &&
    header.cells.length === row.cells.length &&
    columns.every((p) => p.index >= parts.labelEnd)
  ) {
    const labelEnd = parts.labelEnd;
    cells = placed.map((p) => (p.index >= labelEnd ? (row.cells[p.index] ?? '').trim() : ''));
  } else {
    cells = fitValues(parts.values, placed.length);
  }

  if (cells.length < placed.length) {
    const recovered = recoverSigned(parts.values, placed.length);
    if (!recovered) {
      const nonblank = parts.values.filter((v) => cellKind(v) !== 'blank');
      if (nonblank.length) {
        checks.push({
          rule: `t2.cells.${prefix}`,
          ok: false,
          message: `row "${parts.labels.join(' ')}" has ${nonblank.length} value cells for ${placed.length} columns and no unique split; not read`,
        });
      }
      return { details, checks };
    }
    cells = recovered;
  }

  cells.forEach((raw, i) => {
    const p = placed[i];
    const inWan = wan || T2_WAN.test(p.label) || (p.column.wanByDefault === true && !/元/.test(p.label));
    const parsed = readT2Cell(raw, p.column, inWan);
    if (!parsed) return;
    const d = cellDetail(`${prefix}.${p.column.suffix}`, parsed.value, parsed.qualifier, {
      row,
      labels: parts.labels,
      column: columns ? p.label : canonicalLabel(p.column),
      raw,
    });
    if (d) details.push(d);
  });
  return { details, checks };
}

const SUFFIX_LABELS: Record<string, string> = {
  issued: '本年制作/制发数量',
  published: '本年新公开数量',
  public_total: '对外公开总数量',
  repealed: '本年废止件数',
  in_force: '现行有效件数',
  prev_items: '上一年项目数量',
  change: '本年增/减',
  decisions: '处理决定数量',
  amount: '金额',
  projects: '采购项目数量',
};
const canonicalLabel = (c: T2Column) => SUFFIX_LABELS[c.suffix] ?? c.suffix;

const WORDED_CHANGE = /^(增加|增|新增|减少|减)(\d+)(?:项|个|件)?$/;

function readT2Cell(raw: string, column: T2Column, wan: boolean): { value: number; qualifier: Qualifier } | undefined {
  const t = raw.normalize('NFKC').replace(/\s+/g, '');
  if (column.signed) {
    const m = WORDED_CHANGE.exec(t);
    if (m) return { value: (m[1].startsWith('减') ? -1 : 1) * Number(m[2]), qualifier: 'exact' };
  }
  if (column.money) {
    const p = parseCell(t, { money: true });
    if (!p) return undefined;
    const stated = /[万亿元]/.test(t);
    const value = wan && !stated ? Math.round(p.value * 10_000 * 100) / 100 : p.value;
    return { value, qualifier: p.qualifier };
  }
  const p = parseCell(t);
  return p && { value: p.value, qualifier: p.qualifier };
}

/** Run-together cells of one row: a sign starts a cell; otherwise only a unique digit split is taken. */
function recoverSigned(values: string[], parts: number): string[] | undefined {
  const segments = values
    .filter((v) => cellKind(v) !== 'blank')
    .flatMap((v) => splitAtSigns(v.normalize('NFKC').replace(/\s+/g, '')));
  if (!segments.every((s) => /^[+-]?\d+$/.test(s))) return undefined;
  if (segments.length === parts) return segments;
  const splits = enumerateSplits(segments, parts);
  if (!splits || splits.length !== 1) return undefined;
  return splits[0].map((v) => String(v));
}
