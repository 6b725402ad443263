// The hostile corpus: inputs a portal can serve that must never crash, hang or corrupt anything.
//
//   npx tsx test/hostile/make-hostile.ts      # rewrites the committed files in test/hostile/corpus/
//
// Small files are committed (corpus/); the big ones (a 50 MB page, a 10 MB single line, a DOCX
// zip bomb that inflates to 1 GiB) are made by `writeLargeHostile` into a temp dir by the test
// itself, so no tool ever has to open a bomb sitting in the repository.
import { mkdirSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateRawSync, constants } from 'node:zlib';
import iconv from 'iconv-lite';
import { mulberry32 } from '../../scripts/bench/prng.ts';
import { makeTemplateValues } from '../../scripts/bench/template-values.ts';
import { portalPage, table2Grid, table3Grid, table4Grid, type BodyBlock, type Grid } from '../../scripts/bench/render.ts';
import { AGENCIES } from '../../scripts/bench/corpus.ts';
import { storedZip } from '../portal/make-files.ts';

export const CORPUS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'corpus');

const agency = AGENCIES[0]; // 牡丹江市人民政府办公室, 231000 (the report list's owner)

/** Each hostile report page belongs to its own agency, so a run stores each as its own report. */
export const HOSTILE_AGENCY: Record<string, (typeof AGENCIES)[number]> = {
  'nested-tables.html': AGENCIES[1],
  'wide-table.html': AGENCIES[2],
  'gbk-declared-utf8.html': AGENCIES[3],
  'mixed-encoding.html': AGENCIES[4],
  'all-blank.html': AGENCIES[6],
  'contradiction.html': AGENCIES[7],
  'script-loop.html': AGENCIES[8],
  'huge-50mb.html': AGENCIES[9],
};

/** A complete 2019-template report page; `edit` may change the grids before rendering. */
function templatePage(opts: {
  file: string;
  year?: number;
  seed?: number;
  intro?: string;
  edit?: (grids: { t2: Grid; t3: Grid; t4: Grid }) => void;
  extraHead?: string;
  charset?: 'utf-8' | 'gb2312';
}): { html: string; table3: Grid } {
  const year = opts.year ?? 2019;
  const agency = HOSTILE_AGENCY[opts.file];
  const v = makeTemplateValues(mulberry32(opts.seed ?? 7), 't2019');
  const grids = { t2: table2Grid(v), t3: table3Grid(v), t4: table4Grid(v) };
  opts.edit?.(grids);
  const title = `${agency.agency}${year}年政府信息公开工作年度报告`;
  const body: BodyBlock[] = [
    { kind: 'p', text: `本报告根据《中华人民共和国政府信息公开条例》和国办公开办函〔2019〕60号要求编制，所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。` },
    { kind: 'h', text: '一、总体情况' },
    { kind: 'p', text: opts.intro ?? `${year}年，市政府办公室认真贯彻落实新修订的《中华人民共和国政府信息公开条例》，扎实推进政务公开工作。` },
    { kind: 'h', text: '二、主动公开政府信息情况' },
    { kind: 'table', grid: grids.t2 },
    { kind: 'h', text: '三、收到和处理政府信息公开申请情况' },
    { kind: 'table', grid: grids.t3 },
    { kind: 'h', text: '四、政府信息公开行政复议、行政诉讼情况' },
    { kind: 'table', grid: grids.t4 },
    { kind: 'h', text: '五、存在的主要问题及改进情况' },
    { kind: 'p', text: '政策解读的形式还不够丰富，下一步将进一步规范依申请公开办理流程。' },
    { kind: 'h', text: '六、其他需要报告的事项' },
    { kind: 'p', text: '无。' },
  ];
  let html = portalPage({ title, agency, published: `${year + 1}-01-20`, body, charset: opts.charset ?? 'utf-8' });
  if (opts.extraHead) html = html.replace('</head>', `${opts.extraHead}\n</head>`);
  return { html, table3: grids.t3 };
}

const isNumber = (s: string) => /^[+-]?[\d.]+(万元)?$/.test(s);

/** A tiny PDF written by hand (Helvetica, ASCII text), with a correct xref table. */
function handMadePdf(text: string, trailerExtra = '', extraObjects: string[] = []): Buffer {
  const stream = `BT /F1 18 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    ...extraObjects,
  ];
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** The committed hostile files: name → bytes. Deterministic. */
export function committedHostile(): Record<string, Uint8Array> {
  const rng = mulberry32(20240601);
  const garbage = new Uint8Array(8192).map(() => Math.floor(rng() * 256));
  garbage.set([0x00, 0x01, 0xfe, 0xff], 0); // not any magic number we know

  const valid = handMadePdf('2019 Annual Report on Government Information Disclosure');
  const truncated = valid.subarray(0, Math.floor(valid.length * 0.55));
  // Standard security handler, RC4 40-bit, with O/U entries no empty password can satisfy.
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(rng() * 256).toString(16).padStart(2, '0')).join('');
  const id = hex(16);
  const encrypted = handMadePdf('secret', `/Encrypt 6 0 R /ID [<${id}> <${id}>]`, [
    `<< /Filter /Standard /V 1 /R 2 /O <${hex(32)}> /U <${hex(32)}> /P -44 >>`,
  ]);

  const nested =
    templatePage({ file: 'nested-tables.html' }).html.replace(
      '<div class="TRS_Editor" id="zoom">',
      '<div class="TRS_Editor" id="zoom">' + '<table><tr><td>'.repeat(10_000) + '政府信息公开' + '</td></tr></table>'.repeat(10_000),
    );

  const wideHeader = Array.from({ length: 5000 }, (_, i) => `<td>第${i + 1}列</td>`).join('');
  const wideRow = (label: string) => `<tr><td>${label}</td>${Array.from({ length: 4999 }, (_, i) => `<td>${i % 7}</td>`).join('')}</tr>`;
  const wide = templatePage({ file: 'wide-table.html' }).html.replace(
    '<p style="text-indent:2em"><strong>二、主动公开政府信息情况</strong></p>',
    `<p style="text-indent:2em"><strong>二、主动公开政府信息情况</strong></p><table border="1"><tr>${wideHeader}</tr>${wideRow('一、本年新收政府信息公开申请数量')}${wideRow('规章')}</table>`,
  );

  // GBK bytes under a page that swears it is UTF-8 (a common CMS template bug).
  const lying = iconv.encode(templatePage({ file: 'gbk-declared-utf8.html', seed: 11 }).html, 'gbk');

  // First half UTF-8, second half GBK: a page assembled from two templates.
  const page = templatePage({ file: 'mixed-encoding.html', seed: 13 }).html;
  const cut = page.indexOf('三、收到和处理政府信息公开申请情况');
  const mixed = Buffer.concat([Buffer.from(page.slice(0, cut), 'utf8'), iconv.encode(page.slice(cut), 'gbk')]);

  // Every number blank: the template's tables with empty cells, and no numbers in the prose.
  const blank = templatePage({
    file: 'all-blank.html',
    seed: 17,
    edit: ({ t2, t3, t4 }) => {
      for (const grid of [t2, t3, t4]) for (const row of grid) for (const cell of row) if (isNumber(cell.text)) cell.text = '';
    },
  }).html;

  // Prose says 120 applications; the table's 一、本年新收 total says otherwise, and its
  // 自然人 cell no longer adds up with the other columns.
  const contra = templatePage({
    file: 'contradiction.html',
    seed: 19,
    intro: '2019年，全市共收到政府信息公开申请120件，办结118件，结转下年度办理2件。全年主动公开政府信息350条。',
    edit: ({ t3 }) => {
      const row = t3.find((r) => r[0]?.text.startsWith('一、本年新收'))!;
      row[1].text = String(Number(row[1].text) + 7);
    },
  }).html;

  const list = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>政府信息公开年报_${agency.region}人民政府</title></head><body>
<div class="position">您当前的位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 政府信息公开年报</div>
<div class="list"><ul>
${Array.from({ length: 40 }, (_, i) => `<li><a href="/zwgk/ndbg/${2023 - (i % 15)}/t${20240100 + i}.html">${agency.region}${['人民政府', '教育局', '民政局', '财政局'][i % 4]}${2023 - (i % 15)}年政府信息公开工作年度报告</a><span>${2024 - (i % 15)}-01-${String((i % 27) + 1).padStart(2, '0')}</span></li>`).join('\n')}
</ul></div>
<div class="page"><script>createPageHTML(12, 0, "index", "html");</script> 共12页 <a href="index_1.html">下一页</a> <a href="index_11.html">尾页</a></div>
</body></html>`;

  const loop = templatePage({
    file: 'script-loop.html',
    seed: 23,
    extraHead: '<script>while(true){}</script><script>for(;;){document.write("政府信息公开")}</script>',
  }).html.replace('<body>', '<body onload="while(true){}">');

  // "Billion laughs": nested internal entities that would expand to 10^9 "lol"s if an XML
  // parser honoured the DTD.
  const dtd =
    '<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE w:document [<!ENTITY lol "lol">' +
    Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('') +
    ']>';
  const laughs = storedZip([
    ['[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'],
    ['_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'],
    ['word/document.xml', `${dtd}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${agency.agency}2019年政府信息公开工作年度报告 &lol9;</w:t></w:r></w:p></w:body></w:document>`],
  ]);

  const enc = (s: string) => new TextEncoder().encode(s);
  return {
    'empty.html': new Uint8Array(0),
    'garbage.bin': garbage,
    'truncated.pdf': truncated,
    'encrypted.pdf': encrypted,
    'nested-tables.html': enc(nested),
    'wide-table.html': enc(wide),
    'gbk-declared-utf8.html': lying,
    'mixed-encoding.html': mixed,
    'all-blank.html': enc(blank),
    'contradiction.html': enc(contra),
    'report-list.html': enc(list),
    'script-loop.html': enc(loop),
    'entity-expansion.docx': new Uint8Array(laughs),
  };
}

/** The numbers `contradiction.html` states, for the test's expectations. */
export function contradictionTable(): { newTotal: number } {
  const t3 = templatePage({ file: 'contradiction.html', seed: 19 }).table3;
  const row = t3.find((r) => r[0]?.text.startsWith('一、本年新收'))!;
  return { newTotal: Number(row.at(-1)!.text) };
}

/** Writes one DOCX whose document.xml inflates to `mib` MiB; returns its compressed size. */
function writeZipBomb(file: string, mib: number): number {
  const head = Buffer.from(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>',
  );
  const tail = Buffer.from('</w:body></w:document>');
  const para = '<w:p><w:r><w:t>政府信息公开工作年度报告</w:t></w:r></w:p>';
  const oneMiB = Buffer.alloc(1048576);
  const p = Buffer.from(para);
  let o = 0;
  while (o + p.length <= oneMiB.length) o += p.copy(oneMiB, o);
  oneMiB.fill(' ', o); // pad with whitespace between elements: still well-formed XML
  // Each piece is deflated on its own and ended by a full flush, so the raw deflate streams
  // concatenate; the chunk's compressed form is reused `mib` times.
  const flush = { finishFlush: constants.Z_FULL_FLUSH };
  const dHead = deflateRawSync(head, flush);
  const dChunk = deflateRawSync(oneMiB, flush);
  const dTail = deflateRawSync(tail); // final block
  let crc = crc32(head);
  for (let i = 0; i < mib; i++) crc = crc32(oneMiB, crc);
  crc = crc32(tail, crc);
  const usize = head.length + mib * oneMiB.length + tail.length;
  const csize = dHead.length + mib * dChunk.length + dTail.length;

  const entries: { name: string; data: Buffer[]; crc: number; csize: number; usize: number; method: number }[] = [];
  const stored = (name: string, text: string) => {
    const b = Buffer.from(text);
    entries.push({ name, data: [b], crc: crc32(b), csize: b.length, usize: b.length, method: 0 });
  };
  stored('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
  stored('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  entries.push({ name: 'word/document.xml', data: [dHead, ...Array(mib).fill(dChunk), dTail], crc, csize, usize, method: 8 });

  const fd = openSync(file, 'w');
  let offset = 0;
  const central: Buffer[] = [];
  const put = (b: Buffer) => {
    writeSync(fd, b);
    offset += b.length;
  };
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.csize, 18);
    local.writeUInt32LE(e.usize, 22);
    local.writeUInt16LE(name.length, 26);
    const at = offset;
    put(local);
    put(name);
    for (const d of e.data) put(d);
    const cen = Buffer.alloc(46);
    cen.writeUInt32LE(0x02014b50, 0);
    cen.writeUInt16LE(20, 4);
    cen.writeUInt16LE(20, 6);
    cen.writeUInt16LE(0x0800, 8);
    cen.writeUInt16LE(e.method, 10);
    cen.writeUInt32LE(e.crc >>> 0, 16);
    cen.writeUInt32LE(e.csize, 20);
    cen.writeUInt32LE(e.usize, 24);
    cen.writeUInt16LE(name.length, 28);
    cen.writeUInt32LE(at, 42);
    central.push(cen, name);
  }
  const cdStart = offset;
  for (const b of central) put(b);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(offset - cdStart, 12);
  end.writeUInt32LE(cdStart, 16);
  put(end);
  closeSync(fd);
  return offset;
}

/** The big hostile files, written into `dir`; returns their names. */
export function writeLargeHostile(dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  // A 50 MB report page: the real template with ~50 MB of paragraphs in its body.
  const { html } = templatePage({ file: 'huge-50mb.html', seed: 29 });
  const para = '<p style="text-indent:2em">围绕“放管服”改革、优化营商环境、重大建设项目、公共资源配置、社会公益事业建设等重点领域，持续加大信息公开力度。</p>\n';
  const filler = para.repeat(Math.ceil((50 * 1048576) / Buffer.byteLength(para)));
  writeFileSync(join(dir, 'huge-50mb.html'), html.replace('<p style="text-indent:2em"><strong>五、', filler + '<p style="text-indent:2em"><strong>五、'));
  // A 10 MB single line: a scraped report whose line breaks were all lost.
  const sentence = '2019年全市共收到政府信息公开申请120件，本年度办理结果予以公开80件，部分公开10件。';
  writeFileSync(join(dir, 'long-line-10mb.txt'), '牡丹江市人民政府办公室2019年政府信息公开工作年度报告 ' + sentence.repeat(Math.ceil((10 * 1048576) / Buffer.byteLength(sentence))));
  writeZipBomb(join(dir, 'zip-bomb.docx'), 1024);
  return ['huge-50mb.html', 'long-line-10mb.txt', 'zip-bomb.docx'];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  mkdirSync(CORPUS_DIR, { recursive: true });
  for (const [name, bytes] of Object.entries(committedHostile())) writeFileSync(join(CORPUS_DIR, name), bytes);
  process.stdout.write(`wrote ${Object.keys(committedHostile()).length} files to ${CORPUS_DIR}\n`);
}
