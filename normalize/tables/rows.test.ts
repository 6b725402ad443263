import { describe, expect, it } from 'vitest';
import type { Block, Document } from '../../extract/document.ts';
import { splitLabelTail, splitRow } from './cells.ts';
import { documentRows } from './rows.ts';

const doc = (blocks: Block[]): Document => ({ blocks, source: { name: 'r.txt', format: 'text' }, warnings: [] });
const p = (text: string): Block => ({ kind: 'paragraph', text });

describe('documentRows: paragraphs that are table rows', () => {
  it('splits rows drawn with box-drawing verticals (text renderings of Word tables)', () => {
    const rows = documentRows(doc([p('│规范性文件    │2             │2             │15            │'), p('│(七)总计│3│1│0│0│0│0│4│')])).map((r) =>
      r.cells.filter((c) => c !== ''),
    );
    expect(rows).toEqual([
      ['规范性文件', '2', '2', '15'],
      ['(七)总计', '3', '1', '0', '0', '0', '0', '4'],
    ]);
  });

  it('splits cells kept with | or tabs, a label glued to its digits, and numbers-only lines', () => {
    const rows = documentRows(
      doc([
        p('一、本年新收政府信息公开申请数量 | 93 | 459 | 77 | 96 | 795 | 334 | 1854'),
        p('行政许可\t120\t+36\t1048'),
        p('（一）予以公开6100007'),
        p('0 2 0 0 2 1 0 0 0 1 0 0 0 0 0'),
      ]),
    ).map((r) => r.cells);
    expect(rows).toEqual([
      ['一、本年新收政府信息公开申请数量', '93', '459', '77', '96', '795', '334', '1854'],
      ['行政许可', '120', '+36', '1048'],
      ['(一)予以公开', '6100007'],
      ['0', '2', '0', '0', '2', '1', '0', '0', '0', '1', '0', '0', '0', '0', '0'],
    ]);
  });

  it('does not turn running prose into rows', () => {
    const prose = '2019年，本局共受理政府信息公开申请20件，办结19件，其中予以公开6件，部分公开3件，不予公开1件。'.repeat(8);
    expect(documentRows(doc([p(prose)]))).toEqual([]);
  });
});

describe('cells', () => {
  it('keeps the digits that belong to a label (1.属于国家秘密, 三安全一稳定) out of the numbers', () => {
    expect(splitLabelTail('1.属于国家秘密0000000')).toEqual({ label: '1.属于国家秘密', tail: ['0000000'] });
    expect(splitLabelTail('政府集中采购 22 5.637万元')).toEqual({ label: '政府集中采购', tail: ['22', '5.637万元'] });
    expect(splitLabelTail('1.属于国家秘密')).toBeUndefined();
  });

  it('splits a grid row into its label cells (spans once) and value cells (blanks kept)', () => {
    expect(splitRow(['三、本年度办理结果', '（三）不予公开', '（三）不予公开', '1', '', '0'])).toEqual({
      labels: ['三、本年度办理结果', '（三）不予公开'],
      values: ['1', '', '0'],
      labelEnd: 3,
    });
  });

  it('gives two numbers sharing a cell back as two cells', () => {
    expect(splitRow(['2.重复申请', '1 0', '0', '0', '0', '1', '2']).values).toEqual(['1', '0', '0', '0', '0', '1', '2']);
  });
});
