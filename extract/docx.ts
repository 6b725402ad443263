// DOCX bytes → Document: mammoth turns the Word XML into HTML (tables stay <table> with their
// colspan/rowspan), then the HTML extractor builds the blocks, so a Word table goes through the
// same span expansion as a portal page's.
import type { Document } from './document.ts';
import { ExtractError } from './errors.ts';
import { htmlToDocument } from './html.ts';
import { checkZipBudget } from './zip-budget.ts';

/** Unpacked size a report's DOCX may reach; beyond it the file is a zip bomb or not a report. */
const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;

export async function extractDocx(bytes: Uint8Array, name: string): Promise<Document> {
  checkZipBudget(bytes, name, MAX_UNPACKED_BYTES);
  const { default: mammoth } = await import('mammoth');
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      // Images are dropped: a report's numbers are never in them (scans go through OCR instead).
      { convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
    );
    html = result.value;
  } catch (err) {
    throw new ExtractError('unreadable', name, `the Word (DOCX) file is damaged and cannot be read (${(err as Error).message}).`, { cause: err });
  }
  const doc = htmlToDocument(`<html><body>${html}</body></html>`, { name, format: 'docx', tableOrigin: 'docx', wholeBody: true });
  if (!doc.blocks.length) throw new ExtractError('extraction_empty', name, `the Word (DOCX) file holds no text.`);
  return doc;
}
