// Typed extraction failures. The CLI maps every one of them to exit code 4 (unreadable or
// unsupported file); `needs_ocr` and `extraction_empty` are results a pipeline records, not crashes.

export type ExtractFailure =
  | 'unreadable' // damaged, truncated, encrypted, binary garbage
  | 'unsupported' // a format we do not read (OFD, images, archives)
  | 'needs_ocr' // a PDF with no usable text layer
  | 'extraction_empty' // decoded, but (almost) no Chinese text came out
  | 'too_large'; // over the size/complexity limits

export class ExtractError extends Error {
  readonly failure: ExtractFailure;
  readonly file: string;
  constructor(failure: ExtractFailure, file: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ExtractError';
    this.failure = failure;
    this.file = file;
  }
}
