// One stored document → a parsed report with its text, or a classified failure. Mirrors
// parseBytes (scripts/parse-file.ts) and also keeps the document's text for full-text search.
// Pure apart from the parser itself, so it runs the same in the main thread and in a worker.
import type { ParsedDocument } from '../db/store.ts';
import { extractBytes } from '../extract/index.ts';
import { documentText } from '../extract/document.ts';
import { ExtractError } from '../extract/errors.ts';
import { normalize } from '../normalize/index.ts';
import { NotAReportError } from '../normalize/types.ts';

export async function parseDocument(bytes: Uint8Array, name: string, contentType?: string): Promise<ParsedDocument> {
  try {
    const doc = await extractBytes(bytes, { name, contentType });
    return { ok: true, report: normalize(doc), text: documentText(doc) };
  } catch (err) {
    if (err instanceof NotAReportError) return { ok: false, failure: 'not_a_report', message: err.message };
    if (err instanceof ExtractError) return { ok: false, failure: err.failure, message: err.message };
    // A parser bug on one document must not stop the other thousands: record it as data.
    return { ok: false, failure: 'parser_error', message: (err as Error).stack ?? String(err) };
  }
}
