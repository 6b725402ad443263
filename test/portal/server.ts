// A local imitation of government portals for the crawler's tests: node:http on 127.0.0.1 with a
// random port, serving the columns described in data.ts with their families' markup, GBK where the
// real ones are GBK, ETag/Last-Modified with 304s, and the faults real portals have (503 then 200,
// 429 with Retry-After, redirect chains and a loop, a slow page, a huge page, a soft 404, an endless
// calendar). Every request goes to an access log so tests can check politeness from the server side.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import iconv from 'iconv-lite';
import { COLUMNS, HOSTILE, ROBOTS_TXT, type Column, type Item } from './data.ts';
import {
  chrome,
  detailPage,
  gkmlptApi,
  gkmlptShell,
  hanwebColumnPage,
  hanwebPagedAnswer,
  hanwebPagedColumnPage,
  hanwebProxyAnswer,
  jpaasColumnPage,
  jpaasUnit,
  jsListShell,
  listHref,
  ruishuChallenge,
  trsListPage,
  trueCmsAnswer,
  trueCmsColumnPage,
  xxgkAnswer,
  xxgkColumnPage,
} from './render.ts';

export interface AccessEntry {
  /** Arrival time, ms (monotonic, same clock for all entries). */
  t: number;
  method: string;
  /** Path and query. */
  url: string;
  userAgent?: string;
  ifNoneMatch?: string;
  ifModifiedSince?: string;
  status: number;
  /** Body bytes actually sent (0 for 304, redirects, aborted transfers). */
  bytes: number;
  /** The response body was sent to the end. */
  completed: boolean;
  /** When the exchange ended (response finished or connection closed), same clock as `t`. */
  end?: number;
}

export interface Portal {
  origin: string;
  host: string;
  log: AccessEntry[];
  close(): Promise<void>;
}

export interface PortalOptions {
  /** Milliseconds the slow page waits before answering (default 5 000). */
  slowMs?: number;
  /** Size of the huge page, bytes (default 3 MB). */
  hugeBytes?: number;
  /** Extra time every answer takes, ms (a distant server; default 0). */
  latencyMs?: number;
}

interface Resource {
  status?: number;
  type: string;
  body: Buffer;
  headers?: Record<string, string>;
  /** No validators: a dynamic answer. */
  dynamic?: boolean;
  /** Sent chunked, without Content-Length (the size is only known by reading it). */
  chunked?: boolean;
}

type Handler = (req: IncomingMessage, body: string, url: URL) => Resource | Promise<Resource>;

const LAST_MODIFIED = 'Mon, 29 Jan 2024 02:00:00 GMT';
const FILES = new URL('./files/', import.meta.url);

function encode(html: string, col: Pick<Column, 'encoding'>): Buffer {
  return col.encoding === 'utf8' ? Buffer.from(html, 'utf8') : iconv.encode(html, 'gbk');
}

const html = (body: Buffer, extra: Partial<Resource> = {}): Resource => ({ type: 'text/html', body, ...extra });
/** A column's page: UTF-8 columns say so in the header; GBK ones, like the old CMSs, only in <meta> if at all. */
const columnPage = (text: string, col: Pick<Column, 'encoding'>): Resource =>
  html(encode(text, col), col.encoding === 'utf8' ? { type: 'text/html; charset=utf-8' } : {});

export async function startPortal(opts: PortalOptions = {}): Promise<Portal> {
  const routes = new Map<string, Handler>();
  const redirects = new Map<string, { to: string; status: number }>();
  const seen = new Map<string, number>();
  const once = (key: string) => {
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n;
  };
  const file = (name: string) => readFileSync(new URL(name, FILES));
  const fileType = (name: string) => (name.endsWith('.pdf') ? 'application/pdf' : 'application/octet-stream');

  /** Path prefixes behind the challenge, and the cookie that proves a browser ran its script. */
  const guarded: string[] = [];
  const CLEARANCE = /FSSBBIl1UgzbN7N80S=\w+/;
  for (const col of COLUMNS) {
    const pages = Math.ceil(col.items.length / col.perPage);
    if (col.challenge) guarded.push(col.base);
    if (col.family === 'trs0' || col.family === 'trs1') {
      for (let i = 0; i < pages; i++) {
        const name = i === 0 ? 'index.html' : col.family === 'trs0' ? `index_${i}.html` : `index_${i + 1}.html`;
        // The second page of the 0-based column declares no charset at all: GBK bytes, nothing else.
        const enc = col.family === 'trs0' && i === 1 ? { encoding: 'gbk-bare' as const } : col;
        const page = () => columnPage(trsListPage(col, i, pages), enc);
        routes.set(col.base + name, page);
        if (i === 0) routes.set(col.base, page);
      }
    } else if (col.family === 'hanweb') {
      const group = col.perPage * 3;
      const page = () => columnPage(hanwebColumnPage(col, group), col);
      routes.set(col.base, page);
      routes.set(col.base + 'index.html', page);
      routes.set('/module/web/jpage/dataproxy.jsp', (req, body, url) => {
        const form = new URLSearchParams(body);
        // Like the real endpoint: without the column's own parameters there is no data.
        if (req.method !== 'POST' || form.get('columnid') !== col.hanweb!.columnid || form.get('unitid') !== col.hanweb!.unitid) {
          return { status: 400, type: 'text/plain', body: Buffer.from('参数错误'), dynamic: true };
        }
        const start = Number(url.searchParams.get('startrecord') ?? 1);
        const end = Number(url.searchParams.get('endrecord') ?? start + group - 1);
        return { type: 'text/xml; charset=utf-8', body: Buffer.from(hanwebProxyAnswer(col, start, end)), dynamic: true };
      });
    } else if (col.family === 'jslist') {
      const page = () => columnPage(jsListShell(col), col);
      routes.set(col.base, page);
      routes.set(col.base + 'index.html', page);
      routes.set(col.base + 'data.json', (_req, _body, url) => {
        const page = Math.max(1, Number(url.searchParams.get('page') ?? 1));
        const list = col.items.slice((page - 1) * col.perPage, page * col.perPage).map((it) => ({ title: it.title, url: it.path, date: it.date }));
        return { type: 'application/json', body: Buffer.from(JSON.stringify({ total: col.items.length, page, pages, list })) };
      });
    } else if (col.family === 'hanweb-page' || col.family === 'xxgk' || col.family === 'jpaas' || col.family === 'gkmlpt' || col.family === 'truecms') {
      addPlatformColumn(col);
    }
    for (const item of [...col.items, ...(col.foreign ?? [])]) addItem(col, item);
  }

  /** The four API-backed families: a column page plus the endpoint its script calls. Each endpoint
   * answers like the real one: without the column's own parameters, no data. */
  function addPlatformColumn(col: Column): void {
    const refuse = (): Resource => ({ status: 400, type: 'text/plain', body: Buffer.from('参数错误'), dynamic: true });
    const json = (text: string): Resource => ({ type: 'application/json;charset=UTF-8', body: Buffer.from(text), dynamic: true });
    if (col.family === 'hanweb-page') {
      const page = () => columnPage(hanwebPagedColumnPage(col), col);
      routes.set(col.base, page);
      routes.set(col.base + 'index.html', page);
      routes.set('/module/jpage/dataproxy.jsp', (_req, body, url) => {
        const form = new URLSearchParams(body);
        const param = (k: string) => url.searchParams.get(k) ?? form.get(k);
        if (param('columnid') !== col.hanweb!.columnid) return refuse();
        // startrecord/endrecord mean nothing here: no page= is page 1. perpage above the ceiling is
        // cut short (the page's place in the list is still counted at the size asked for).
        const n = Math.max(1, Number(param('page') ?? 1));
        const size = Math.max(1, Number(param('perpage') ?? 15));
        return { type: 'text/xml; charset=utf-8', body: Buffer.from(hanwebPagedAnswer(col, (n - 1) * size, Math.min(size, col.ceiling!))), dynamic: true };
      });
    } else if (col.family === 'xxgk') {
      const page = () => columnPage(xxgkColumnPage(col), col);
      routes.set(col.base, page);
      routes.set(col.base + 'index.html', page);
      routes.set('/module/xxgk/search.jsp', (req, body) => {
        const form = new URLSearchParams(body);
        if (req.method !== 'POST' || form.get('area') !== col.xxgk!.area || form.get('infotypeId') !== col.xxgk!.infotypeId) return refuse();
        const n = Math.max(1, Number(form.get('currpage') ?? 1));
        return { type: 'text/html; charset=utf-8', body: Buffer.from(xxgkAnswer(col, n)), dynamic: true };
      });
    } else if (col.family === 'jpaas') {
      const page = () => columnPage(jpaasColumnPage(col), col);
      routes.set(col.base, page);
      routes.set(col.base + 'index.html', page);
      routes.set('/api-gateway/jpaas-publish-server/front/page/build/unit', (_req, _body, url) => {
        const j = col.jpaas!;
        if (url.searchParams.get('webId') !== j.webId || url.searchParams.get('pageId') !== j.pageId) return refuse();
        // Paging outside paramJson is ignored, as on the real platform.
        let p: { pageNo?: number; pageSize?: number } = {};
        try {
          p = JSON.parse(url.searchParams.get('paramJson') ?? '{}');
        } catch {
          return refuse();
        }
        return json(jpaasUnit(col, Math.max(1, Number(p.pageNo ?? 1)), Math.max(1, Number(p.pageSize ?? 15))));
      });
    } else if (col.family === 'truecms') {
      const page = () => columnPage(trueCmsColumnPage(col), col);
      routes.set(col.base, page);
      routes.set(col.base + 'index.html', page);
      routes.set('/messageController/getMessage.do', (req, _body, url) => {
        const q = url.searchParams;
        // No Referer from this site: 404, as on the real deployments.
        if (!String(req.headers.referer ?? '').includes(String(req.headers.host)) || q.get('columnId') !== col.truecms!.columnId) {
          return { status: 404, type: 'text/html', body: Buffer.from('<h1>404</h1>'), dynamic: true };
        }
        const start = Number(q.get('startrecord') ?? 1);
        const size = Number(q.get('perpage') ?? 15);
        const end = size > col.ceiling! ? start - 1 : Number(q.get('endrecord') ?? start + size - 1);
        return { type: 'application/javascript;charset=UTF-8', body: Buffer.from(trueCmsAnswer(col, q.get('callback') ?? 'callback', start, end)), dynamic: true };
      });
    } else {
      const g = col.gkmlpt!;
      routes.set(col.base + 'index', () => columnPage(gkmlptShell(col), col));
      routes.set(`/gkmlpt/api/all/${g.column}`, (_req, _body, url) =>
        url.searchParams.get('sid') !== g.sid ? refuse() : json(gkmlptApi(col, col.items, Math.max(1, Number(url.searchParams.get('page') ?? 1)))),
      );
      // The shell's other column (公开指南): the crawler has no business there.
      routes.set('/gkmlpt/api/all/2811', (_req, _body, url) => json(gkmlptApi(col, col.foreign ?? [], Math.max(1, Number(url.searchParams.get('page') ?? 1)))));
    }
  }

  function addItem(col: Column, item: Item): void {
    if (item.quirk === 'gone') return; // listed, but the page was deleted: 404
    if (item.direct) {
      const name = item.direct.file;
      routes.set(item.path, () => ({ type: fileType(name), body: file(name) }));
      return;
    }
    const page = () => columnPage(detailPage(item, col), col);
    if (item.quirk === 'flaky503') {
      routes.set(item.path, () =>
        once(item.path) === 1 ? { status: 503, type: 'text/html', body: Buffer.from('<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>'), dynamic: true } : page(),
      );
    } else if (item.quirk === 'retry429') {
      routes.set(item.path, () =>
        once(item.path) === 1
          ? { status: 429, type: 'text/html', body: Buffer.from('<html><body>访问过于频繁，请稍后再试</body></html>'), headers: { 'retry-after': '1' }, dynamic: true }
          : page(),
      );
    } else {
      routes.set(item.path, page);
    }
    if (item.quirk === 'redirect-chain') {
      const first = listHref(item);
      const second = first.replace('/go/', '/go2/');
      redirects.set(first, { to: second, status: 302 });
      redirects.set(second, { to: item.path, status: 301 });
    }
    const att = item.attachment;
    if (att) {
      if (att.via === 'downfile') {
        const target = '/attach/0/' + new URL(att.path, 'http://x').searchParams.get('filename');
        redirects.set(att.path, { to: target, status: 302 });
        routes.set(target, () => ({ type: 'application/octet-stream', body: file(att.file) }));
      } else {
        routes.set(att.path, () => ({ type: fileType(att.file), body: file(att.file) }));
      }
    }
  }

  // Hostile corners reachable from the TRS column's side menu.
  routes.set(HOSTILE.calendar, (_req, _body, url) => {
    const month = Number(url.searchParams.get('month') ?? 202401);
    const body = `<div class="calendar"><h2>政务活动日历 ${month}</h2><a href="?month=${month - 1}">上个月</a> <a href="?month=${month + 1}">下个月</a><p>本月暂无活动。</p></div>`;
    return html(encode(chrome('政务活动日历', body, { charset: 'gb2312' }), { encoding: 'gbk-meta' }));
  });
  routes.set(HOSTILE.slow, async () => {
    await new Promise((r) => setTimeout(r, opts.slowMs ?? 5000));
    return html(Buffer.from(chrome('专题专栏', '<p>专题</p>')));
  });
  routes.set(HOSTILE.huge, () => html(Buffer.alloc(opts.hugeBytes ?? 3 * 1024 * 1024, 0x20), { dynamic: true, chunked: true }));
  redirects.set(HOSTILE.loop, { to: HOSTILE.loop.replace(/a$/, 'b'), status: 302 });
  redirects.set(HOSTILE.loop.replace(/a$/, 'b'), { to: HOSTILE.loop, status: 302 });
  routes.set(HOSTILE.soft404, () => html(Buffer.from('<html><head><meta charset="utf-8"><title>提示</title></head><body><p>对不起，您访问的页面不存在或已被删除！</p><a href="/">返回首页</a></body></html>')));
  routes.set(HOSTILE.disallowedColumn, () => html(Buffer.from(chrome('内部资料', '<p>内部</p>'))));
  routes.set('/robots.txt', () => ({ type: 'text/plain', body: Buffer.from(ROBOTS_TXT) }));

  const log: AccessEntry[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      void serve(req, Buffer.concat(chunks).toString('utf8'), res);
    });
  });

  async function serve(req: IncomingMessage, body: string, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://portal');
    const entry: AccessEntry = {
      t: performance.now(),
      method: req.method ?? 'GET',
      url: url.pathname + url.search,
      userAgent: req.headers['user-agent'],
      ifNoneMatch: req.headers['if-none-match'],
      ifModifiedSince: req.headers['if-modified-since'],
      status: 0,
      bytes: 0,
      completed: false,
    };
    log.push(entry);
    res.on('close', () => {
      entry.end = performance.now();
    });
    if (guarded.some((g) => url.pathname.startsWith(g)) && !CLEARANCE.test(req.headers.cookie ?? '')) {
      const page = Buffer.from(ruishuChallenge());
      entry.status = 412;
      entry.completed = true;
      res.writeHead(412, { 'content-type': 'text/html', 'set-cookie': '__jsluid_s=6e3a1f; path=/', 'content-length': String(page.length) }).end(page);
      return;
    }
    if (opts.latencyMs) await new Promise((r) => setTimeout(r, opts.latencyMs));
    const redirect = redirects.get(url.pathname + url.search) ?? redirects.get(url.pathname);
    if (redirect) {
      entry.status = redirect.status;
      entry.completed = true;
      res.writeHead(redirect.status, { location: redirect.to, 'content-length': '0' }).end();
      return;
    }
    const handler = routes.get(url.pathname);
    let r: Resource;
    if (!handler) {
      r = { status: 404, type: 'text/html', body: Buffer.from(chrome('404', '<h1>404 Not Found</h1><p>您访问的页面不存在</p>' + '<!-- padding -->'.repeat(200))), dynamic: true };
    } else {
      r = await handler(req, body, url);
    }
    const status = r.status ?? 200;
    const headers: Record<string, string> = { 'content-type': r.type, ...r.headers };
    if (status === 200 && !r.dynamic) {
      const etag = `"${createHash('sha1').update(r.body).digest('hex').slice(0, 16)}"`;
      headers.etag = etag;
      headers['last-modified'] = LAST_MODIFIED;
      if (req.headers['if-none-match'] === etag) {
        entry.status = 304;
        entry.completed = true;
        res.writeHead(304, { etag }).end();
        return;
      }
    }
    entry.status = status;
    if (!r.chunked) headers['content-length'] = String(r.body.length);
    res.on('finish', () => {
      entry.completed = true;
      entry.bytes = r.body.length;
    });
    res.writeHead(status, headers);
    if (!r.chunked) {
      res.end(r.body);
      return;
    }
    // Big bodies go out piece by piece with back-pressure, so a client that hangs up mid-way is
    // seen as such (no 'finish'), the way a real server's transfer log would show it.
    const bytes = r.body;
    let offset = 0;
    const pump = () => {
      while (offset < bytes.length && !res.destroyed) {
        const piece = bytes.subarray(offset, offset + 64 * 1024);
        offset += piece.length;
        if (!res.write(piece)) return void res.once('drain', pump);
      }
      if (!res.destroyed) res.end();
    };
    pump();
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Serve from the command line for manual poking: `npx tsx test/portal/server.ts`. */
if (import.meta.url === `file://${process.argv[1]}`) {
  const p = await startPortal();
  console.log(`portal at ${p.origin}`);
}
