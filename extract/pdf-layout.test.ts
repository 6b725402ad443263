// Page layout on hand-placed text items: how lines become paragraphs.
import { describe, expect, it } from 'vitest';
import { layoutPages, type PdfPage } from './pdf-layout.ts';
import type { TextItem } from './pdf-lines.ts';

const item = (str: string, x: number, y: number, size = 12): TextItem => ({
  str, x, y, size, width: [...str].reduce((w, ch) => w + (/[\x20-\x7e]/.test(ch) ? 0.5 : 1), 0) * size,
});
const page = (items: TextItem[]): PdfPage => ({ number: 1, width: 595, height: 842, items, graphics: { segments: [], images: 0, imageCover: 0 } });

describe('paragraphs', () => {
  it('ends a 统计表 row printed without borders at its last number, even when that cell reaches the margin', () => {
    const prose = '根据《中华人民共和国政府信息公开条例》要求，现将本区政府信息公开工作情况报告如下，请予审阅。';
    const { blocks } = layoutPages([page([
      item(prose.slice(0, 36), 72, 760), item(prose.slice(36), 72, 740),
      // label · unit · the year's number · 历年累计 at the right margin
      item('（一）收到申请数', 72, 700), item('件', 330, 700), item('27', 420, 700), item('196', 502, 700),
      item('1.当面申请数', 72, 680), item('件', 330, 680), item('9', 420, 680),
    ])]);
    const texts = blocks.map((b) => (b.kind === 'table' ? b.rows.map((r) => r.join('|')).join('/') : b.text));
    expect(texts).toContain('1.当面申请数件 9');
    expect(texts.some((t) => t.startsWith('（一）收到申请数') && !t.includes('当面'))).toBe(true);
  });

  it('keeps the second line of a header repeated on a new page (单/位, 2018/年, 历年累/计) off the row below', () => {
    const prose = '根据《中华人民共和国政府信息公开条例》要求，现将本区政府信息公开工作情况报告如下，请予审阅。';
    const { blocks } = layoutPages([page([
      item(prose.slice(0, 36), 72, 760), item(prose.slice(36), 72, 740),
      item('位', 330, 700), item('年', 430, 700), item('计', 510, 700),
      item('（三）其他情形数', 72, 680), item('件', 330, 680), item('0', 430, 680),
    ])]);
    expect(blocks.map((b) => (b.kind === 'table' ? '' : b.text))).toContain('（三）其他情形数件 0');
  });
});
