// Generates the portal's attachment fixtures (committed next to this script):
//   files/report-2020.pdf  — a report printed to PDF by Debian Chromium (page.pdf), CJK text via fonts-noto-cjk
//   files/report-2022.docx — a minimal but valid WordprocessingML package (stored zip, no compression)
// Run: npx tsx test/portal/make-files.ts
import { writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { chromium } from 'playwright-core';

const here = new URL('./files/', import.meta.url);

const PDF_HTML = `<!doctype html><html><head><meta charset="utf-8"><style>
body{font-family:"Noto Serif CJK SC","Noto Sans CJK SC",serif;font-size:12pt} table{border-collapse:collapse} td,th{border:1px solid #000;padding:2px 6px}
</style></head><body>
<h1>平潭综合实验区2020年政府信息公开工作年度报告</h1>
<p>本报告根据《中华人民共和国政府信息公开条例》要求编制。报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止。</p>
<h2>一、总体情况</h2><p>2020年，全区主动公开政府信息1234条。</p>
<h2>二、主动公开政府信息情况</h2>
<table><tr><th>信息内容</th><th>本年新制作数量</th><th>本年新公开数量</th><th>对外公开总数量</th></tr>
<tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr><tr><td>规范性文件</td><td>12</td><td>12</td><td>88</td></tr></table>
</body></html>`;

async function makePdf(): Promise<Buffer> {
  // A fresh profile directory; Playwright takes it as launchPersistentContext's first argument.
  const browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'ogi-pdf-')), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage();
    await page.setContent(PDF_HTML);
    return await page.pdf({ format: 'A4' });
  } finally {
    await browser.close();
  }
}

/** A zip with stored (uncompressed) entries: enough for Word, mammoth and word-extractor. */
export function storedZip(entries: Array<[string, string]>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of entries) {
    const data = Buffer.from(text, 'utf8');
    const nameBuf = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt32LE(0, 10); // time/date
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt32LE(0, 12);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, data);
    centrals.push(central, nameBuf);
    offset += 30 + nameBuf.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const para = (t: string) => `<w:p><w:r><w:t xml:space="preserve">${t}</w:t></w:r></w:p>`;
const cell = (t: string) => `<w:tc><w:p><w:r><w:t>${t}</w:t></w:r></w:p></w:tc>`;
const row = (cells: string[]) => `<w:tr>${cells.map(cell).join('')}</w:tr>`;

export function makeDocx(): Buffer {
  const body = [
    para('平潭综合实验区2022年政府信息公开工作年度报告'),
    para('本报告由平潭综合实验区管委会办公室编制，统计期限自2022年1月1日起至2022年12月31日止。'),
    para('三、收到和处理政府信息公开申请情况'),
    `<w:tbl>${row(['本年新收政府信息公开申请数量', '64'])}${row(['上年结转政府信息公开申请数量', '2'])}</w:tbl>`,
    para('四、政府信息公开行政复议、行政诉讼情况'),
  ].join('');
  return storedZip([
    [
      '[Content_Types].xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
    ],
    [
      '_rels/.rels',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
    ],
    ['word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`],
  ]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(new URL('report-2022.docx', here), makeDocx());
  writeFileSync(new URL('report-2020.pdf', here), await makePdf());
  console.log('wrote test/portal/files/report-2020.pdf and report-2022.docx');
}
