// Word 97–2003 (.doc) and Kingsoft WPS 文字 (.wps, same OLE layout) → Document.
//
// 1. word-extractor (pure JS, milliseconds). Its body text marks table cells with a tab and table
//    rows with a newline — but its sprm reader mis-sizes sprmTDefTable and skips huge PAPX, so
//    most row ends go unmarked and whole tables run together. The paragraph-property pass is
//    redone here with the sizes of [MS-DOC] 2.2.5, and each row's sprmTDefTable (cell edges,
//    merge flags) is kept, so merged cells expand into the same grid HTML spans give.
// 2. LibreOffice, only when /usr/bin/soffice exists and step 1 left tables ambiguous (rows without
//    cell geometry) or could not open the file: converted headless to DOCX, then the DOCX path.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { classifyHeading, normalizeSpace } from './blocks.ts';
import type { Block, Document } from './document.ts';
import { extractDocx } from './docx.ts';
import { ExtractError } from './errors.ts';

export interface DocOptions {
  /** LibreOffice binary; `false` forces the word-extractor path. */
  soffice?: string | false;
  /** Conversion budget in ms. */
  timeoutMs?: number;
}

const SOFFICE = '/usr/bin/soffice';
const require = createRequire(import.meta.url);

export async function extractDoc(bytes: Uint8Array, name: string, options: DocOptions = {}): Promise<Document> {
  const soffice = options.soffice === undefined ? (existsSync(SOFFICE) ? SOFFICE : false) : options.soffice;
  let read: { doc: Document; ambiguous: boolean } | undefined;
  let failure: unknown;
  try {
    read = await viaWordExtractor(bytes, name);
    if (!read.ambiguous) return read.doc;
  } catch (err) {
    failure = err;
  }
  // Tables whose rows carry no cell geometry (or a file word-extractor cannot open): LibreOffice,
  // when installed, rebuilds them exactly. It takes seconds, so it is the fallback, not the rule.
  if (soffice) {
    try {
      return await viaLibreOffice(bytes, name, soffice, options.timeoutMs ?? 60_000);
    } catch {
      // keep what word-extractor gave, or its error
    }
  }
  if (read) return read.doc;
  throw failure;
}

async function viaLibreOffice(bytes: Uint8Array, name: string, soffice: string, timeoutMs: number): Promise<Document> {
  const dir = await mkdtemp(join(tmpdir(), 'ogi-doc-'));
  try {
    const input = join(dir, 'report.doc');
    await writeFile(input, bytes);
    // A private profile directory: concurrent conversions must not share (and lock) one.
    await promisify(execFile)(
      soffice,
      [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--norestore', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', dir, input],
      { timeout: timeoutMs, env: { ...process.env, HOME: dir } },
    );
    const docx = await readFile(join(dir, 'report.docx')).catch(() => undefined);
    if (!docx) throw new ExtractError('unreadable', name, `LibreOffice could not convert the Word file.`);
    const doc = await extractDocx(docx, name);
    doc.source.format = 'doc';
    for (const b of doc.blocks) if (b.kind === 'table') b.origin = 'doc';
    doc.warnings.push('converted to DOCX with LibreOffice');
    return doc;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// ── word-extractor with a corrected table-row pass ──────────────────────────────────────────

interface Piece {
  text: string;
  startFilePos: number;
  endFilePos: number;
  size: number;
  bpc: number;
}

const SPRM_P_FTTP = 0x2417; // this paragraph ends a table row
const SPRM_P_FINNER_TTP = 0x244c; // same, inside a nested table
const SPRM_T_DEF_TABLE = 0xd608; // operand size is a 2-byte count
const SPRM_P_CHG_TABS = 0xc615; // operand size byte 255 means "count it"
const SPRM_P_HUGE_PAPX = 0x6646; // the properties live in the Data stream (wide table rows)

/** Byte size of a sprm's operand ([MS-DOC] 2.2.5.1), or undefined when it cannot be known. */
function operandSize(buf: Buffer, at: number, sprm: number): number | undefined {
  switch ((sprm >> 13) & 7) {
    case 0:
    case 1:
      return 1;
    case 2:
    case 4:
    case 5:
      return 2;
    case 3:
      return 4;
    case 7:
      return 3;
    case 6:
      if (sprm === SPRM_T_DEF_TABLE) return at + 1 < buf.length ? buf.readUInt16LE(at) - 1 + 2 : undefined;
      if (sprm === SPRM_P_CHG_TABS && buf[at] === 255) {
        // cb 255: cTabsDel (1 byte) + 4 × del, then cTabsAdd + 3 × add.
        const del = buf[at + 1] ?? 0;
        const add = buf[at + 2 + del * 4] ?? 0;
        return 1 + 1 + del * 4 + 1 + add * 3;
      }
      return at < buf.length ? buf[at] + 1 : undefined;
    default:
      return undefined;
  }
}

/** What the row-end paragraph says about its row: cell edges (twips) and merge flags. */
export interface RowDef {
  /** itcMac + 1 cell edges, left to right; absent when the row carries no sprmTDefTable. */
  edges?: number[];
  /** Per cell: horzMerge (2 = merged into the cell on its left), vertMerge (1 = continues the cell above). */
  merges?: { h: number; v: number }[];
}

/** Reads a paragraph's grpprl: a RowDef when the paragraph ends a table row, else undefined. */
function rowDef(grpprl: Buffer, offset: number, data: Buffer | undefined): RowDef | undefined {
  let ends = false;
  const def: RowDef = {};
  while (offset + 2 <= grpprl.length) {
    const sprm = grpprl.readUInt16LE(offset);
    offset += 2;
    if ((sprm === SPRM_P_FTTP || sprm === SPRM_P_FINNER_TTP) && grpprl[offset] === 1) ends = true;
    if (sprm === SPRM_T_DEF_TABLE) Object.assign(def, tableDef(grpprl, offset));
    if (sprm === SPRM_P_HUGE_PAPX && data && offset + 4 <= grpprl.length) {
      // A 2-byte size then the grpprl, at the given offset of the Data stream.
      const at = grpprl.readUInt32LE(offset);
      if (at + 2 <= data.length) {
        const huge = rowDef(data.subarray(at + 2, at + 2 + data.readUInt16LE(at)), 0, undefined);
        if (huge) return huge;
      }
    }
    const size = operandSize(grpprl, offset, sprm);
    if (size === undefined) break;
    offset += size;
  }
  return ends ? def : undefined;
}

/** sprmTDefTable operand: cb, itcMac, rgdxaCenter[itcMac + 1], rgTc80[≤ itcMac] (20 bytes each). */
function tableDef(buf: Buffer, at: number): RowDef {
  const cb = buf.readUInt16LE(at);
  const end = Math.min(buf.length, at + 2 + cb - 1);
  const n = buf[at + 2];
  const edges: number[] = [];
  for (let i = 0; i <= n && at + 3 + i * 2 + 2 <= end; i++) edges.push(buf.readInt16LE(at + 3 + i * 2));
  const merges: { h: number; v: number }[] = [];
  const tcs = at + 3 + (n + 1) * 2;
  for (let i = 0; i < n; i++) {
    const p = tcs + i * 20;
    const grf = p + 2 <= end ? buf.readUInt16LE(p) : 0;
    merges.push({ h: grf & 3, v: (grf >> 5) & 3 });
  }
  return edges.length === n + 1 ? { edges, merges } : {};
}

function fillByFilePos(pieces: Piece[], start: number, end: number, ch: string): void {
  for (const piece of pieces) {
    if (piece.endFilePos < start || piece.startFilePos > end) continue;
    const s = Math.max(start, piece.startFilePos);
    const e = Math.min(end, piece.startFilePos + piece.size);
    if (e <= s) continue;
    const a = (s - piece.startFilePos) / piece.bpc;
    const b = (e - piece.startFilePos) / piece.bpc;
    piece.text = piece.text.slice(0, a) + ''.padStart(b - a, ch) + piece.text.slice(b);
  }
}

let RowAwareExtractor: (new () => { rows: { fc: number; def: RowDef }[]; extract(reader: unknown): Promise<{ getBody(o?: object): string }> }) | undefined;

function rowAwareExtractor() {
  if (RowAwareExtractor) return RowAwareExtractor;
  const Base = require('word-extractor/lib/word-ole-extractor.js');
  class RowAware extends Base {
    _data?: Buffer;
    rows: { fc: number; def: RowDef }[] = [];
    // The Data stream holds the properties of wide table rows (sprmPHugePapx): read it first.
    extractWordDocument(document: unknown, buffer: Buffer): Promise<unknown> {
      const self = this as unknown as { documentStream(d: unknown, n: string): Promise<unknown>; streamBuffer(s: unknown): Promise<Buffer> };
      return self
        .documentStream(document, 'Data')
        .then((stream) => self.streamBuffer(stream))
        .then((data) => (this._data = data), () => undefined)
        .then(() => super.extractWordDocument(document, buffer));
    }

    // Same walk over the PAPX FKPs as word-extractor's, with correct sprm sizes.
    writeParagraphProperties(buffer: Buffer, table: Buffer): void {
      const pieces = (this as unknown as { _pieces: Piece[] })._pieces;
      const fc = buffer.readUInt32LE(0x0102);
      const lcb = buffer.readUInt32LE(0x0106);
      const count = (lcb - 4) / 8;
      const plc = table.subarray(fc, fc + lcb);
      for (let i = 0; i < count; i++) {
        const page = plc.readUInt32LE((count + 1) * 4 + i * 4);
        const fkp = buffer.subarray(page * 512, (page + 1) * 512);
        if (fkp.length < 512) continue;
        const crun = fkp[511];
        for (let j = 0; j < crun; j++) {
          const from = fkp.readUInt32LE(j * 4);
          const to = fkp.readUInt32LE((j + 1) * 4);
          const at = fkp[(crun + 1) * 4 + j * 13] * 2;
          if (!at) continue;
          let grpprl: Buffer;
          const cb = fkp[at];
          if (cb !== 0) grpprl = fkp.subarray(at + 1, at + 1 + 2 * cb - 1);
          else grpprl = fkp.subarray(at + 2, at + 2 + 2 * fkp[at + 1]);
          // The first two bytes are the paragraph's style index.
          const def = grpprl.length > 2 ? rowDef(grpprl, 2, this._data) : undefined;
          if (def) {
            fillByFilePos(pieces, from, to, '\n');
            this.rows.push({ fc: from, def });
          }
        }
      }
    }
  }
  RowAwareExtractor = RowAware as unknown as typeof RowAwareExtractor;
  return RowAwareExtractor!;
}

async function viaWordExtractor(bytes: Uint8Array, name: string): Promise<{ doc: Document; ambiguous: boolean }> {
  let body: string;
  let defs: RowDef[] = [];
  try {
    const BufferReader = require('word-extractor/lib/buffer-reader.js');
    const reader = new BufferReader(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    await reader.open();
    try {
      const extractor = new (rowAwareExtractor())();
      body = (await extractor.extract(reader)).getBody({ filterUnicode: false });
      defs = extractor.rows.sort((a, b) => a.fc - b.fc).map((r) => r.def);
    } finally {
      await reader.close();
    }
  } catch (err) {
    throw new ExtractError('unreadable', name, `the Word (DOC/WPS) file is damaged or encrypted and cannot be read (${(err as Error).message}).`, { cause: err });
  }
  const warnings: string[] = [];
  const blocks = bodyToBlocks(body, defs, warnings);
  if (!blocks.some((b) => b.kind !== 'table' || b.rows.length)) throw new ExtractError('extraction_empty', name, `the Word (DOC/WPS) file holds no text.`);
  const heading = blocks.find((b) => b.kind === 'heading' && b.level === 1);
  const doc: Document = {
    title: heading && heading.kind === 'heading' ? heading.text : undefined,
    blocks,
    source: { name, format: 'doc' },
    warnings,
  };
  return { doc, ambiguous: warnings.length > 0 };
}

/**
 * word-extractor body text → blocks. A line holding tabs is a table row (one tab closes each
 * cell); consecutive rows form one table. Other lines are headings or paragraphs. With the row
 * definitions (one per row, in order) merged cells are expanded like HTML spans.
 */
export function bodyToBlocks(body: string, defs: RowDef[] = [], warnings: string[] = []): Block[] {
  const blocks: Block[] = [];
  const lines = body.split('\n');
  const rowCount = lines.filter((l) => l.includes('\t')).length;
  const useDefs = defs.length === rowCount && rowCount > 0;
  if (rowCount && !useDefs) warnings.push(`table rows without cell geometry (${defs.length} definitions for ${rowCount} rows): merged cells not expanded`);
  let rows: string[][] = [];
  let rowDefs: RowDef[] = [];
  let seen = 0;
  let tables = 0;
  const flush = () => {
    if (!rows.length) return;
    const grid = (useDefs && expandMerged(rows, rowDefs)) || padRows(rows);
    blocks.push({ kind: 'table', index: ++tables, origin: 'doc', rows: grid });
    rows = [];
    rowDefs = [];
  };
  for (const raw of lines) {
    if (raw.includes('\t')) {
      const cells = raw.split('\t');
      if (cells[cells.length - 1].trim() === '') cells.pop(); // the tab after the last cell
      rows.push(cells.map((c) => normalizeSpace(c)));
      rowDefs.push(defs[seen++] ?? {});
      continue;
    }
    const text = normalizeSpace(raw);
    if (!text) continue;
    flush();
    const level = blocks.length === 0 && /报告/.test(text) && text.length <= 80 ? 1 : classifyHeading(text);
    blocks.push(level ? { kind: 'heading', text, level } : { kind: 'paragraph', text });
  }
  flush();
  return blocks;
}

function padRows(rows: string[][]): string[][] {
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...Array<string>(width - r.length).fill('')]);
}

/** Twips between two cell edges that are the same column line. */
const EDGE_SNAP = 30;

/**
 * Lays every row on the table's common column edges: a cell spanning several columns repeats
 * its text in each, a vertically merged continuation takes the text of the cell above — the
 * same grid the HTML extractor makes from colspan/rowspan. Undefined when a row's definition
 * does not match its cells.
 */
export function expandMerged(rows: string[][], defs: RowDef[]): string[][] | undefined {
  if (defs.some((d, r) => !d.edges || !d.merges || d.edges.length !== rows[r].length + 1)) return undefined;
  const all = defs.flatMap((d) => d.edges!).sort((a, b) => a - b);
  const cols: number[] = [];
  for (const x of all) if (!cols.length || x - cols[cols.length - 1] > EDGE_SNAP) cols.push(x);
  const col = (x: number) => cols.findIndex((c) => Math.abs(c - x) <= EDGE_SNAP);
  const grid: string[][] = rows.map(() => Array<string>(cols.length - 1).fill(''));
  rows.forEach((row, r) => {
    const { edges, merges } = defs[r];
    row.forEach((text, i) => {
      const a = col(edges![i]);
      const b = col(edges![i + 1]);
      let value = text;
      if (merges![i].v === 1 && r > 0 && !text) value = grid[r - 1][a];
      else if (merges![i].h === 2 && i > 0 && !text) value = grid[r][a - 1] ?? '';
      for (let c = a; c < b; c++) grid[r][c] = value;
    });
  });
  return grid;
}
