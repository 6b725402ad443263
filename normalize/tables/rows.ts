// The document as one stream of rows: table rows as they are, plus paragraphs that are really
// table rows flattened to text ("规章 0 0 0", "一、本年新收政府信息公开申请数量640020470").
// Template tables are often split across blocks, so the mappers read rows, not tables.
import type { Document } from '../../extract/document.ts';
import { compactLabel, splitLabelTail } from './cells.ts';

export interface SourceRow {
  cells: string[];
  /** Table ordinal (provenance), absent for a paragraph row. */
  table?: number;
  /** Rows sharing a `group` come from the same grid (headers apply by column index there). */
  group: number;
  /** True when the grid has real columns (HTML/DOCX/PDF), false when rebuilt from text. */
  aligned: boolean;
  page?: number;
}

// A paragraph is a row only when it is short and built like one: label then numbers, or numbers
// alone (table 四's data row), or a table 二 header line.
const MAX_ROW_LABEL = 60;
const MAX_ROW_TEXT = 400;
const NUMBERS_ONLY = /^[\d\s+\-—/.]+$/;
const T2_HEADER_LINE = /^信息内容/;
// Box-drawing verticals (│┃) come from text renderings of Word tables.
const CELL_SEPARATOR = /[|｜\t│┃]/;
const CELL_SPLIT = /\s*[|｜\t│┃]\s*/;

export function documentRows(doc: Document): SourceRow[] {
  const rows: SourceRow[] = [];
  let paragraphGroup = -1;
  for (const block of doc.blocks) {
    if (block.kind === 'table') {
      const aligned = block.origin !== 'text';
      for (const cells of block.rows) rows.push({ cells, table: block.index, group: block.index, aligned, page: block.page });
      continue;
    }
    // Long paragraphs are prose, never a flattened row; skipping them also bounds the regex work.
    if (block.text.length > MAX_ROW_TEXT) {
      paragraphGroup--;
      continue;
    }
    const text = block.text.normalize('NFKC').trim();
    if (!text) continue;
    // A row whose cells still carry their separators ("label | 93 | 459 | …", tabs).
    if (CELL_SEPARATOR.test(text)) {
      const cells = text.split(CELL_SPLIT).map((c) => c.trim());
      while (cells.length > 1 && cells[cells.length - 1] === '') cells.pop();
      rows.push({ cells, group: paragraphGroup, aligned: false, page: block.page });
      continue;
    }
    if (NUMBERS_ONLY.test(text) && /\d/.test(text)) {
      rows.push({ cells: text.split(/\s+/), group: paragraphGroup, aligned: false, page: block.page });
      continue;
    }
    const split = splitLabelTail(text);
    if (split && compactLabel(split.label).length <= MAX_ROW_LABEL) {
      rows.push({ cells: [split.label, ...split.tail], group: paragraphGroup, aligned: false, page: block.page });
      continue;
    }
    if (T2_HEADER_LINE.test(text) && text.length <= MAX_ROW_LABEL) {
      rows.push({ cells: text.split(/\s+/), group: paragraphGroup, aligned: false, page: block.page });
      continue;
    }
    // Short lines without numbers may be header cells of a flattened table; keep them as rows.
    if (compactLabel(text).length <= MAX_ROW_LABEL) {
      rows.push({ cells: text.split(/\s{2,}|\t| \| /), group: paragraphGroup, aligned: false, page: block.page });
    }
    paragraphGroup--;
  }
  return rows;
}
