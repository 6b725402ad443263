// A pagination adapter knows one CMS family: how to recognise its list pages and where the other
// pages of the same list are. Adapters return requests; the crawl loop decides scope and politeness.

export interface ListPage {
  url: string;
  /** Decoded page text (HTML, or the XML a Hanweb dataproxy answers). */
  html: string;
  /** The form body this page was POSTed with (a dataproxy answer's own parameters). */
  requestBody?: string;
}

export interface PageRequest {
  url: string;
  method?: 'GET' | 'POST';
  /** urlencoded form body for POST. */
  body?: string;
}

export interface Adapter {
  name: string;
  /** When it recognises a page, its idea of the page count is the truth (no index_N probing after it). */
  authoritative?: boolean;
  detect(page: ListPage): boolean;
  /** Other pages of the same list (may include the page itself; the frontier de-duplicates). */
  pages(page: ListPage): PageRequest[];
  /** HTML fragments holding list items that are not in the page's DOM (e.g. XML-embedded records). */
  items?(page: ListPage): string[];
  /** The page is this adapter's own answer (JSON, a catalogue mixing other columns): its links are
   * only those `items` returns, never the raw text's. */
  ownsLinks?(page: ListPage): boolean;
}
