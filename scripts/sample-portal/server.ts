// The bundled sample portal for `npm start`: a TRS-style 政府信息公开年报 column on 127.0.0.1 with
// a paginated list (createPageHTML, 0-based index_N.html), one detail page per seed report
// (portal chrome around the report text), one report also published as a PDF attachment, and a
// couple of look-alike pages that are not annual reports. Pages are built from manifest.json.
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';

const DIR = new URL('./reports/', import.meta.url);

interface ManifestReport {
  file?: string;
  attachment?: string;
  title: string;
  published: string;
  path: string;
  attachmentPath?: string;
  /** The seed text has no title line: the page's heading supplies it, as real portals do. */
  headline?: boolean;
}

interface Manifest {
  site: string;
  column: string;
  perPage: number;
  reports: ManifestReport[];
  lookalikes: ManifestReport[];
}

export function loadManifest(): Manifest {
  return JSON.parse(readFileSync(new URL('./manifest.json', import.meta.url), 'utf8')) as Manifest;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function chrome(title: string, body: string): string {
  return `<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>${escape(title)}</title><meta name="SiteName" content="示例门户"></head>
<body>
<div class="top"><a href="/">首页</a> | <a href="/wza/">无障碍</a> | 登录 注册</div>
<div class="nav"><a href="/zwgk/">政务公开</a> <a href="/zwfw/">政务服务</a> <a href="/hdjl/">互动交流</a></div>
<div class="crumbs">您当前的位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/zfxxgknb/">政府信息公开年报</a></div>
${body}
<div class="foot">主办：示例市人民政府办公室　网站标识码：0000000001<br>扫一扫在手机打开当前页　返回顶部</div>
</body></html>`;
}

function listPage(m: Manifest, page: number): string {
  const entries = [...m.reports, ...m.lookalikes].sort((a, b) => b.published.localeCompare(a.published));
  const pages = Math.ceil(entries.length / m.perPage);
  const items = entries
    .slice(page * m.perPage, (page + 1) * m.perPage)
    .map((e) => `<li><a href="./${e.path}" target="_blank" title="${escape(e.title)}">${escape(e.title)}</a><span>${e.published}</span></li>`)
    .join('\n');
  return chrome(
    '政府信息公开年报',
    `<div class="list"><ul class="list-ul">
${items}
</ul>
<div class="page"><script type="text/javascript">
var currentPage = ${page};//所在页从0开始
var countPage = ${pages}//共多少页
createPageHTML(countPage, currentPage, "index", "html");
</script></div></div>`,
  );
}

function detailPage(r: ManifestReport): string {
  if (!r.file) {
    return chrome(r.title, `<div class="TRS_Editor"><h1>${escape(r.title)}</h1><p>（内容略）</p></div>`);
  }
  const raw = readFileSync(new URL(r.file, DIR), 'utf8');
  const attachment = r.attachmentPath
    ? `<p class="fj">附件：<a href="/zwgk/zfxxgknb/${r.attachmentPath}">${escape(r.title)}.pdf</a></p>`
    : '';
  if (r.file.endsWith('.html')) {
    // Already a full portal page: add the attachment link after the article, as TRS does.
    return attachment ? raw.replace('<div class="share', `${attachment}\n<div class="share`) : raw;
  }
  const lines = raw.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const paragraphs = lines
    .map((l) => (l === r.title ? `<h1>${escape(l)}</h1>` : `<p>${escape(l)}</p>`))
    .join('\n');
  const heading = r.headline ? `<h1>${escape(r.title)}</h1>\n` : '';
  return chrome(
    r.title,
    `<div class="info">发布日期：${r.published}　来源：本网　浏览次数：<span>318</span></div>
<div class="TRS_Editor">
${heading}${paragraphs}
</div>${attachment}`,
  );
}

export interface SamplePortal {
  /** Base URL, e.g. http://127.0.0.1:40123 */
  url: string;
  /** The column's first list page: the start URL for the sites file. */
  startUrl: string;
  /** Re-publishes the page at `path` with edited content, as a portal correcting a report does. */
  revise(path: string, edit: (body: string) => string): void;
  close(): Promise<void>;
}

/**
 * Serves the portal on 127.0.0.1: on `preferredPort` when it is free (so a database built by an
 * earlier demo keeps pointing at the same URLs), else on a random port.
 */
export async function startSamplePortal(opts: { preferredPort?: number } = {}): Promise<SamplePortal> {
  // Pages the portal has "re-published" with new content (tests: a corrected report).
  const revised = new Map<string, (body: string) => string>();
  const m = loadManifest();
  const routes = new Map<string, () => { type: string; body: string | Buffer }>();
  const html = (f: () => string) => () => ({ type: 'text/html; charset=utf-8', body: f() });
  const pages = Math.ceil((m.reports.length + m.lookalikes.length) / m.perPage);
  routes.set(m.column, html(() => listPage(m, 0)));
  for (let p = 0; p < pages; p++) routes.set(`${m.column}${p === 0 ? 'index' : `index_${p}`}.html`, html(() => listPage(m, p)));
  for (const r of [...m.reports, ...m.lookalikes]) {
    routes.set(m.column + r.path, html(() => detailPage(r)));
    if (r.attachment && r.attachmentPath) {
      const file = r.attachment;
      routes.set(m.column + r.attachmentPath, () => ({ type: 'application/pdf', body: readFileSync(new URL(file, DIR)) }));
    }
  }
  routes.set(
    '/zwgk/',
    html(() => chrome('政务公开', `<div class="column"><h2>政务公开</h2><ul><li><a href="${m.column}">政府信息公开年报</a></li><li><a href="/zwgk/zfxxgkzn/">政府信息公开指南</a></li></ul></div>`)),
  );
  routes.set('/robots.txt', () => ({ type: 'text/plain', body: 'User-agent: *\nDisallow: /search/\n' }));

  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const route = routes.get(path);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      res.end(chrome('404', '<p>您访问的页面不存在</p>'));
      return;
    }
    const served = route();
    const revise = revised.get(path);
    const { type, body } = revise && typeof served.body === 'string' ? { ...served, body: revise(served.body) } : served;
    // Conditional requests as real portals (nginx in front of TRS) answer them: an unchanged
    // page is a 304 with no body, so a nightly re-crawl downloads almost nothing.
    const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag });
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': type, 'content-length': Buffer.byteLength(body), etag });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      const onError = (err: Error) => reject(err);
      server.once('error', onError);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', onError);
        resolve();
      });
    });
  try {
    await listen(opts.preferredPort ?? 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE' || !opts.preferredPort) throw err;
    await listen(0);
  }
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    startUrl: `${url}${m.column}index.html`,
    revise(path, edit) {
      revised.set(path, edit);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
