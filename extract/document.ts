// The document model: what every extractor (HTML, text, PDF, DOCX, DOC) produces and what
// normalize/ reads. Ordered blocks; tables are plain cell grids with spans already expanded.

/** Where a block sits in the source, so provenance can say "page 3, table 2". */
export interface Position {
  /** 1-based page number (PDF, paginated sources); absent for HTML/text. */
  page?: number;
  /** Top-left x/y of the block on its page in PDF units, when known. */
  x?: number;
  y?: number;
}

export interface HeadingBlock extends Position {
  kind: 'heading';
  text: string;
  /** 1 = document title, 2 = section (一、…), 3 = subsection ((一)…). */
  level: number;
}

export interface ParagraphBlock extends Position {
  kind: 'paragraph';
  text: string;
}

export interface TableBlock extends Position {
  kind: 'table';
  /** 1-based ordinal of this table in the document (provenance: "table 2"). */
  index: number;
  /**
   * Cell text, row by row. rowspan/colspan are expanded: a spanned cell's text is repeated in
   * every grid position it covers, so every row has the same length. Empty string = blank cell.
   */
  rows: string[][];
  /** How the grid was obtained: an HTML/DOCX table, rebuilt from text lines, or PDF geometry. */
  origin: 'html' | 'text' | 'pdf' | 'docx' | 'doc';
}

export type Block = HeadingBlock | ParagraphBlock | TableBlock;

export type SourceFormat = 'html' | 'text' | 'markdown' | 'pdf' | 'docx' | 'doc';

export interface Document {
  /** The document's own title when the source states one (<title>, first heading, PDF metadata). */
  title?: string;
  /** Publishing date (YYYY-MM-DD) when the page states one ("发布日期：2019-03-22", meta PubDate). */
  published?: string;
  blocks: Block[];
  source: {
    /** File path or URL as given by the caller. */
    name: string;
    format: SourceFormat;
    /** Character encoding used to decode text sources (e.g. "utf-8", "gb18030"). */
    encoding?: string;
    /** Page count for paginated formats. */
    pages?: number;
    /** The text was read by OCR from images: its numbers are low-confidence. */
    ocr?: boolean;
  };
  /** Non-fatal notes from extraction (e.g. "table 3 continued across page 2→3 joined"). */
  warnings: string[];
}

/** The document's text, block by block, tables as ` | `-joined rows. For prose search and FTS. */
export function documentText(doc: Document): string {
  return doc.blocks
    .map((b) => (b.kind === 'table' ? b.rows.map((r) => r.join(' | ')).join('\n') : b.text))
    .join('\n');
}
