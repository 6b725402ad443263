// One file → Report, or a classified failure. Shared by `ogi parse`, `ogi eval` and the pipeline.
import { readFile } from 'node:fs/promises';
import { documentText } from '../extract/document.ts';
import { extractBytes } from '../extract/index.ts';
import { ExtractError } from '../extract/errors.ts';
import { normalize } from '../normalize/index.ts';
import { NotAReportError, type Report } from '../normalize/types.ts';

export type ParseResult =
  | { ok: true; report: Report; /** the document's text, for full-text search (with `withText`) */ text?: string }
  | { ok: false; file: string; exitCode: 3 | 4; failure: string; message: string };

export interface ParseOptions {
  /** OCR scanned PDFs (tesseract). Default: the OGI_OCR=1 environment switch. */
  ocr?: boolean;
  /** Also return the document's text (the store indexes it; `ogi parse` does not need it). */
  withText?: boolean;
}

export async function parseBytes(
  bytes: Uint8Array,
  name: string,
  contentType?: string,
  opts: ParseOptions = {},
): Promise<ParseResult> {
  try {
    const doc = await extractBytes(bytes, { name, contentType, ocr: opts.ocr ?? process.env.OGI_OCR === '1' });
    const report = normalize(doc);
    return opts.withText ? { ok: true, report, text: documentText(doc) } : { ok: true, report };
  } catch (err) {
    if (err instanceof NotAReportError) {
      return { ok: false, file: name, exitCode: 3, failure: 'not_a_report', message: err.message };
    }
    if (err instanceof ExtractError) {
      return { ok: false, file: name, exitCode: 4, failure: err.failure, message: err.message };
    }
    // A parser bug on one document must not stop the other thousands (nor print a stack trace
    // to a user): it is classified like any other failure, with the detail kept for a bug report.
    return {
      ok: false,
      file: name,
      exitCode: 4,
      failure: 'parser_error',
      message: `internal parser error (${(err as Error).message}); please report this file`,
    };
  }
}

export async function parseFile(file: string, opts: ParseOptions = {}): Promise<ParseResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (err) {
    return { ok: false, file, exitCode: 4, failure: 'unreadable', message: `cannot read file: ${(err as Error).message}` };
  }
  return parseBytes(bytes, file, undefined, opts);
}

export function describeFailure(r: Extract<ParseResult, { ok: false }>): string {
  // One line whatever a library put in its error text (xmldom's carry newlines and tabs).
  return `ogi: ${r.file}: ${r.message.replace(/\s*[\r\n\t]+\s*/g, ' ')}`;
}
