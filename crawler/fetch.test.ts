// fetchUrl against a throwaway node:http server on 127.0.0.1: what each kind of answer is classed as.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyResponse, fetchUrl, GateRefusal, retryAfterMs, type FetchLimits } from './fetch.ts';

const LIMITS: FetchLimits = { userAgent: 'ogi/test (+https://example.org)', timeoutMs: 500, transferTimeoutMs: 1500, connectTimeoutMs: 500, maxBytes: 4096, maxRedirects: 5 };
let server: Server;
let origin: string;
const seen: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req.url!);
    const hop = req.url!.match(/^\/hop\/(\d+)$/);
    if (hop) {
      const n = Number(hop[1]);
      return void res.writeHead(302, { location: n > 0 ? `/hop/${n - 1}` : '/ok' }).end();
    }
    switch (req.url) {
      case '/ok':
        return void res.writeHead(200, { 'content-type': 'text/html', etag: '"v1"' }).end(req.headers['if-none-match'] === '"v1"' ? undefined : '<p>年报</p>');
      case '/etag':
        if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304).end();
        return void res.writeHead(200, { etag: '"v1"' }).end('<p>body</p>');
      case '/big':
        return void res.writeHead(200, { 'content-type': 'application/pdf' }).end(Buffer.alloc(10_000));
      case '/trickle': {
        res.writeHead(200, { 'content-type': 'text/html' });
        const t = setInterval(() => res.write('.'), 100);
        res.on('close', () => clearInterval(t));
        return;
      }
      case '/silent':
        return; // never answers
      case '/ruishu':
        return void res.writeHead(412, { 'content-type': 'text/html' }).end('<script>$_ts=window[\'$_ts\'];</script>');
      case '/jsl':
        return void res.writeHead(521, { 'content-type': 'text/html' }).end('<script>document.cookie=("__jsl_clearance_s=1");location.href=location.pathname</script>');
      case '/busy':
        return void res.writeHead(429, { 'retry-after': '7' }).end('too many');
      case '/gone':
        return void res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>404</h1>');
      case '/soft':
        return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<p>对不起，您访问的页面不存在！</p>');
      case '/loop-a':
        return void res.writeHead(301, { location: '/loop-b' }).end();
      case '/loop-b':
        return void res.writeHead(302, { location: '/loop-a' }).end();
      default:
        return void res.writeHead(500).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const open = async () => {};
const get = (path: string, extra = {}) => fetchUrl({ url: origin + path, ...extra }, LIMITS, open);

describe('fetchUrl', () => {
  it('follows up to five redirects, recording each hop', async () => {
    const r = await get('/hop/4');
    expect(r.cls).toBe('ok');
    expect(r.finalUrl).toBe(`${origin}/ok`);
    expect(r.redirects.map((h) => h.status)).toEqual([302, 302, 302, 302, 302]);
    expect((await get('/hop/5')).cls).toBe('redirect_limit');
  });

  it('stops a redirect loop before asking for the same URL twice', async () => {
    seen.length = 0;
    expect((await get('/loop-a')).cls).toBe('redirect_loop');
    expect(seen).toEqual(['/loop-a', '/loop-b']);
  });

  it('sends validators and reports 304 as not_modified', async () => {
    const r = await get('/etag', { etag: '"v1"' });
    expect(r.status).toBe(304);
    expect(r.cls).toBe('not_modified');
  });

  it('gives up on a body over the cap, on a server that does not answer, and on one that never finishes', async () => {
    expect((await get('/big')).cls).toBe('too_large');
    const silent = await get('/silent');
    expect([silent.cls, silent.error]).toEqual(['timeout', 'no answer (or a stalled body) for 500 ms']);
    // A trickle keeps the body from stalling, so only the whole-exchange deadline ends it.
    const trickle = await get('/trickle');
    expect([trickle.cls, trickle.error]).toEqual(['timeout', 'no complete response within 1500 ms']);
  });

  it('classes challenges, rate limiting, 404 and soft 404', async () => {
    expect((await get('/ruishu')).cls).toBe('challenge_ruishu');
    expect((await get('/jsl')).cls).toBe('challenge_jsl');
    const busy = await get('/busy');
    expect([busy.cls, busy.retryAfterMs]).toEqual(['http_429', 7000]);
    expect((await get('/gone')).cls).toBe('http_4xx');
    expect((await get('/soft')).cls).toBe('soft_404');
    expect((await get('/other')).cls).toBe('http_5xx');
  });

  it('classes a refused connection, and asks the gate before every hop', async () => {
    const refused = await fetchUrl({ url: 'http://127.0.0.1:1/' }, LIMITS, open);
    expect(refused.cls).toBe('connect_refused');
    const gated: string[] = [];
    const r = await fetchUrl({ url: `${origin}/hop/1` }, LIMITS, async (u) => {
      gated.push(new URL(u).pathname);
      if (u.endsWith('/ok')) throw new GateRefusal('robots_disallowed', 'robots.txt disallows /ok');
    });
    expect(gated).toEqual(['/hop/1', '/hop/0', '/ok']);
    expect(r.cls).toBe('robots_disallowed');
  });
});

describe('classifyResponse and Retry-After', () => {
  it('a big portal error page served with 200 is a soft 404 by its title', () => {
    const page = `<html><head><title>404-页面不存在_某某市人民政府</title></head><body>${'<li><a href="/x">栏目</a></li>'.repeat(200)}</body></html>`;
    expect(classifyResponse(200, { 'content-type': 'text/html' }, Buffer.from(page))).toBe('soft_404');
    const report = `<html><head><title>某某市2023年政府信息公开工作年度报告</title></head><body>${'<p>主动公开政府信息404条</p>'.repeat(200)}</body></html>`;
    expect(classifyResponse(200, { 'content-type': 'text/html' }, Buffer.from(report))).toBe('ok');
  });

  it('a 412 without $_ts is an ordinary 4xx; an empty 200 is empty_body', () => {
    expect(classifyResponse(412, {}, Buffer.from('Precondition Failed'))).toBe('http_4xx');
    expect(classifyResponse(200, {}, Buffer.alloc(0))).toBe('empty_body');
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(retryAfterMs('120')).toBe(120_000);
    expect(retryAfterMs('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(10_000);
    expect(retryAfterMs(undefined)).toBeUndefined();
  });
});
