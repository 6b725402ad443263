// Table geometry on hand-placed borders and text: the cases real office PDFs produce that the
// Chromium fixtures do not show in isolation.
import { describe, expect, it } from 'vitest';
import type { Segment } from './pdf-geometry.ts';
import { alignedTables } from './pdf-align.ts';
import { withoutOverprint } from './pdf-layout.ts';
import { buildLines, itemRuns, normalizeGlyphs, type Run } from './pdf-lines.ts';
import { continuedRows, joinRows, ruledTables } from './pdf-tables.ts';

const h = (y: number, x0: number, x1: number): Segment => ({ dir: 'h', pos: y, from: x0, to: x1 });
const v = (x: number, y0: number, y1: number): Segment => ({ dir: 'v', pos: x, from: y0, to: y1 });
const run = (text: string, x0: number, y: number, size = 9): Run => ({ text, x0, x1: x0 + text.length * size * (/^[\d.]+$/.test(text) ? 0.5 : 1), y, size });

/** A grid of full borders: xs left→right, ys top→bottom (page space, y up). */
function fullGrid(xs: number[], ys: number[]): Segment[] {
  return [
    ...ys.map((y) => h(y, xs[0], xs[xs.length - 1])),
    ...xs.map((x) => v(x, ys[ys.length - 1], ys[0])),
  ];
}

describe('ruledTables', () => {
  it('keeps two numbers in adjacent narrow cells apart even when their glyphs nearly touch', () => {
    // Columns 14 pt wide; "12" ends at x=109, "3" starts at x=110: closer than any word gap.
    const segs = fullGrid([60, 100, 110.5, 124.5], [700, 680]);
    const runs = [run('行政许可', 62, 686), run('12', 100.5, 686), run('3', 111, 686)];
    const [t] = ruledTables(segs, runs);
    expect(t.rows).toEqual([['行政许可', '12', '3']]);
  });

  it('merges the lines of a wrapped cell and repeats a merged cell over its span', () => {
    // Row 1: a label cell spanning two rows (no border between them in column 0).
    const segs: Segment[] = [
      h(700, 60, 300), h(680, 160, 300), h(660, 60, 300),
      v(60, 660, 700), v(160, 660, 700), v(230, 660, 700), v(300, 660, 700),
    ];
    const runs = [
      run('（三）不予', 62, 688), run('公开', 62, 676),
      run('1.属于国家', 162, 692), run('秘密', 162, 683), run('0', 260, 688),
      run('2.其他', 162, 666), run('1', 260, 666),
    ];
    const [t] = ruledTables(segs, runs);
    expect(t.rows).toEqual([
      ['（三）不予公开', '1.属于国家秘密', '0'],
      ['（三）不予公开', '2.其他', '1'],
    ]);
  });

  it('cuts a label and the number just past its cell border that pdf.js delivered as one string', () => {
    // LibreOffice sets a left-aligned number 2 pt after the border; a label filling its cell
    // ends 2 pt before it, and pdf.js joins the two: "行政规范性文件0" centred in column 0.
    const segs = fullGrid([60, 123, 180, 240], [700, 680, 660]);
    const runs = [
      { text: '行政规范性文件0', x0: 61, x1: 61 + 7 * 9 + 4.5, y: 686, size: 9 },
      run('0', 182, 686), run('0', 242 - 60, 666),
      // a merged label over two columns (no border between them) stays whole
      { text: '第二十条第（一）项', x0: 61, x1: 61 + 9 * 9, y: 666, size: 9 },
    ];
    const segsMerged = [...segs.filter((s) => !(s.dir === 'v' && s.pos === 123)), v(123, 680, 700)];
    const [t] = ruledTables(segsMerged, runs);
    expect(t.rows[0]).toEqual(['行政规范性文件', '0', '0']);
    expect(t.rows[1][0]).toBe('第二十条第（一）项');
    expect(t.rows[1][1]).toBe('第二十条第（一）项');
  });

  it('ignores a frame drawn around prose: one cell of text is not a table', () => {
    const segs = fullGrid([60, 540], [700, 600]);
    expect(ruledTables(segs, [run('本报告所列数据的统计期限自2019年1月1日起至2019年12月31日止。', 70, 650)])).toEqual([]);
  });

  it('reads a table whose borders are drawn cell by cell (Chromium, LibreOffice)', () => {
    const pieces: Segment[] = [];
    for (const [x0, x1] of [[60, 160], [160, 230]]) pieces.push(h(700, x0, x1), h(680, x0, x1), h(660, x0, x1));
    for (const x of [60, 160, 230]) pieces.push(v(x, 680, 700), v(x, 660, 680));
    const [t] = ruledTables(pieces, [run('规章', 62, 686), run('0', 190, 686), run('规范性文件', 62, 666), run('14', 190, 666)]);
    expect(t.rows).toEqual([['规章', '0'], ['规范性文件', '14']]);
  });
});

describe('tables continued on the next page', () => {
  const first = ruledTables(fullGrid([60, 160, 230, 300], [700, 680, 660]), [
    run('信息内容', 62, 686), run('本年新制作数量', 162, 686), run('对外公开总数量', 232, 686),
    run('规章', 62, 666), run('0', 190, 666), run('0', 260, 666),
  ])[0];

  it('drops the header rows the next page repeats', () => {
    const next = ruledTables(fullGrid([60, 160, 230, 300], [780, 760, 740]), [
      run('信息内容', 62, 766), run('本年新制作数量', 162, 766), run('对外公开总数量', 232, 766),
      run('规范性文件', 62, 746), run('14', 190, 746), run('101', 260, 746),
    ])[0];
    const rest = continuedRows(first, next)!;
    expect(joinRows(first.rows, rest)).toEqual([
      ['信息内容', '本年新制作数量', '对外公开总数量'],
      ['规章', '0', '0'],
      ['规范性文件', '14', '101'],
    ]);
  });

  it('maps a continuation that draws fewer inner borders onto the first part\'s columns', () => {
    // 行政事业性收费 | 12.5 spanning the last two columns.
    const next = ruledTables(
      [h(780, 60, 300), h(760, 60, 300), v(60, 760, 780), v(160, 760, 780), v(300, 760, 780)],
      [run('行政事业性收费', 62, 766), run('12.5', 220, 766)],
    )[0];
    expect(continuedRows(first, next)!.rows).toEqual([['行政事业性收费', '12.5', '12.5']]);
  });

  it('continues a borderless (aligned) table column for column, and only one of the same width', () => {
    const aligned = (rows: string[][]) => ({ top: 700, bottom: 700, left: NaN, right: NaN, cols: [], rows, openTop: [], runs: new Set<Run>() });
    const p2 = aligned([['（五）1.信访举报投诉类申请', '0', '0'], ['2.重复申请', '1', '1']]);
    const p3 = aligned([['3.要求提供公开出版物', '0', '0']]);
    const rest = continuedRows(p2, p3)!;
    expect(joinRows(rest.refine(p2.rows), rest)).toEqual([
      ['（五）1.信访举报投诉类申请', '0', '0'], ['2.重复申请', '1', '1'], ['3.要求提供公开出版物', '0', '0'],
    ]);
    expect(continuedRows(p2, aligned([['行政复议', '1', '0', '0', '1']]))).toBeUndefined();
    expect(continuedRows(first, p3)).toBeUndefined();
  });

  it('does not join a table of a different width', () => {
    const other = ruledTables(fullGrid([90, 200, 400], [780, 760, 740]), [run('结果维持', 92, 766), run('3', 300, 746), run('0', 120, 746)])[0];
    expect(continuedRows(first, other)).toBeUndefined();
  });
});

describe('text items', () => {
  it('cuts an item holding a whole table row at its blanks', () => {
    const runs = itemRuns({ str: '52  7  1', x: 300, y: 500, width: 36, size: 9 });
    expect(runs.map((r) => r.text)).toEqual(['52', '7', '1']);
    expect(runs[0].x1).toBeLessThan(runs[1].x0);
  });

  it('folds radical and compatibility glyphs back to the characters typed', () => {
    expect(normalizeGlyphs('福州市⻓乐区人⺠政府⻔⼾网站')).toBe('福州市长乐区人民政府门户网站');
    expect(normalizeGlyphs('⼀、总体情况')).toBe('一、总体情况');
  });
});

describe('tables without borders (column alignment)', () => {
  const line = (y: number, ...cells: [string, number][]) => buildLines(cells.map(([t, x]) => run(t, x, y)))[0];

  it('rows from lines of number cells, labels wrapped onto the nearest row, header rows kept', () => {
    const lines = [
      line(700, ['信息内容', 60], ['本年制发件数', 200], ['本年废止件数', 300], ['现行有效件数', 400]),
      line(680, ['规章', 60], ['0', 230], ['0', 330], ['0', 430]),
      line(660, ['行政规范性文件', 60], ['5', 230], ['2', 330], ['37', 428]),
      line(640, ['（二）部分公开（区分处理的，', 60], ['5', 230], ['1', 330], ['6', 430]),
      line(628, ['只计这一情形）', 60]),
      line(600, ['2021年，我区政务公开工作取得了一定成效。', 60]),
    ];
    const [t] = alignedTables(lines);
    expect(t.rows).toEqual([
      ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
      ['规章', '0', '0', '0'],
      ['行政规范性文件', '5', '2', '37'],
      ['（二）部分公开（区分处理的， 只计这一情形）', '5', '1', '6'],
    ]);
    expect(t.lines.has(lines[5])).toBe(false);
  });

  it('keeps a row whose group label and wrapped label take many lines, and gives a label tail to the row above', () => {
    // （六）其他处理 beside rows whose labels wrap to three lines (LibreOffice, no borders, numbers
    // centred on the middle line); the tail "申请" sits just above the next row's "3.其他".
    const lines = [
      line(700, ['（五）', 60], ['2.重复申请', 100], ['0', 300], ['0', 340]),
      line(680, ['1.申请人无正当理由逾期不', 100]),
      line(668, ['补正、行政机关不再处理', 100], ['0', 300], ['0', 340]),
      line(656, ['其政府信息公开申请', 100]),
      line(644, ['（六）', 60]),
      line(632, ['2.申请人逾期未按收费通知', 100]),
      line(620, ['其他处', 60], ['要求缴纳费用、行政机关', 100], ['1', 300], ['1', 340]),
      line(608, ['理', 60], ['不再处理其政府信息公开', 100]),
      line(598, ['申请', 100]),
      line(590, ['3.其他', 100], ['2', 300], ['2', 340]),
      line(560, ['四、政府信息公开行政复议、行政诉讼情况', 60]),
      line(540, ['行政复议', 60]),
      line(520, ['0', 100], ['0', 140], ['0', 180], ['0', 220], ['0', 260]),
    ];
    const tables = alignedTables(lines);
    expect(tables[0].rows.map((r) => r.slice(1))).toEqual([['0', '0'], ['0', '0'], ['1', '1'], ['2', '2']]);
    expect(tables[0].rows[2][0]).toContain('不再处理其政府信息公开 申请');
    expect(tables[0].rows[3][0]).toBe('3.其他');
    // The section heading ends table 三: table 四 is a table of its own.
    expect(tables).toHaveLength(2);
  });

  it('keeps a numbered row label set above its numbers (四、结转下年度继续办理) in the table', () => {
    const lines = [
      line(700, ['（七）总计', 60], ['3', 300], ['3', 340]),
      line(684, ['四、结转下年度继续办理', 60]),
      line(674, ['0', 300], ['0', 340]),
    ];
    const [t, ...more] = alignedTables(lines);
    expect(more).toEqual([]);
    expect(t.rows).toEqual([['（七）总计', '3', '3'], ['四、结转下年度继续办理', '0', '0']]);
  });

  it('finds nothing in prose, where numbers sit against the words around them', () => {
    const prose = [line(700, ['全年共受理政府信息公开申请63件，上年结转4件，已办结62件。', 60]), line(680, ['结转下年度继续办理5件。', 60])];
    expect(alignedTables(prose)).toEqual([]);
  });
});

describe('distributed alignment (分散对齐)', () => {
  it('a label spread across its cell reads as one word', () => {
    const segs = fullGrid([60, 200, 260], [700, 680]);
    const spread = ['信', '息', '内', '容'].map((ch, i) => run(ch, 64 + i * 36, 686));
    const [t] = ruledTables(segs, [...spread, run('14', 225, 686)]);
    expect(t.rows).toEqual([['信息内容', '14']]);
  });
});

describe('bounded work', () => {
  const table = fullGrid([60, 160, 230], [700, 680, 660]);
  const cells = [run('规章', 62, 686), run('0', 190, 686), run('规范性文件', 62, 666), run('14', 190, 666)];

  it('finds the table on an ordinary page', () => {
    expect(ruledTables(table, cells)).toHaveLength(1);
  });

  it('reads a page drawing thousands of separate strokes (hatching, a hostile file) as text only', () => {
    const hatching: Segment[] = [];
    // 200 rows of 20 short dashes, too far apart to merge into longer borders.
    for (let i = 0; i < 4_000; i++) hatching.push(h(100 + (i % 200) * 2, 300 + Math.floor(i / 200) * 5, 301 + Math.floor(i / 200) * 5));
    expect(ruledTables([...table, ...hatching], cells)).toEqual([]);
  });
});

describe('overprinted text (fake bold)', () => {
  it('a string printed twice a fraction of a point apart is read once', () => {
    const segs = fullGrid([60, 160, 230], [700, 680]);
    const runs = withoutOverprint([run('行政许可', 62, 686), run('行政许可', 62.3, 686), run('12', 190, 686), run('12', 190.3, 686.1)]);
    expect(ruledTables(segs, runs)[0].rows).toEqual([['行政许可', '12']]);
  });

  it('the same number in two cells of a row is kept twice', () => {
    expect(withoutOverprint([run('0', 190, 686), run('0', 260, 686)])).toHaveLength(2);
  });
});
