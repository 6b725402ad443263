// The benchmark corpus: N reports made by varying the project's fixtures, deterministic for a seed.
// - t2019 / t2021: fresh numbers that satisfy every template identity, rendered as a portal page
//   (some in GBK, as many portals still serve) or as scraped text with `|`/tab-separated tables;
// - pre2019: the real seed reports with every counted number in their prose changed;
// - PDF: the committed PDF fixtures as they are (printing new PDFs needs Chromium).
// `generateItem` is pure; `writeCorpus` is the only part that touches the disk.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { count, int, mulberry32, pick, type Rng } from './prng.ts';
import { makeTemplateValues, type TemplateEra } from './template-values.ts';
import { portalPage, table2Grid, table3Grid, table4Grid, textPage, type Agency, type BodyBlock } from './render.ts';

export type CorpusFormat = 'html' | 'text' | 'pdf';
export type CorpusEra = TemplateEra | 'pre2019' | 'unknown';

export interface CorpusItem {
  name: string;
  format: CorpusFormat;
  era: CorpusEra;
  bytes: Uint8Array;
  /** Planted numbers (template reports only): what a faithful parser must give back. */
  expected?: Record<string, number>;
}

/** Real places (GB/T 2260 codes) so metadata resolution does the same work as on real reports. */
export const AGENCIES: readonly Agency[] = [
  { region: '牡丹江市', code: '231000', agency: '牡丹江市人民政府办公室', province: '黑龙江省' },
  { region: '哈尔滨市南岗区', code: '230103', agency: '哈尔滨市南岗区人民政府', province: '黑龙江省' },
  { region: '珲春市', code: '222404', agency: '珲春市人民政府', province: '吉林省' },
  { region: '杭州市滨江区', code: '330108', agency: '杭州市滨江区人民政府', province: '浙江省' },
  { region: '重庆市开州区', code: '500154', agency: '重庆市开州区人民政府', province: '重庆市' },
  { region: '平潭综合实验区', code: '350128', agency: '平潭综合实验区管理委员会', province: '福建省' },
  { region: '成都市武侯区', code: '510107', agency: '成都市武侯区教育局', province: '四川省' },
  { region: '苏州市', code: '320500', agency: '苏州市人民政府', province: '江苏省' },
  { region: '济南市历下区', code: '370102', agency: '济南市历下区卫生健康局', province: '山东省' },
  { region: '长沙县', code: '430121', agency: '长沙县人民政府', province: '湖南省' },
  { region: '广州市天河区', code: '440106', agency: '广州市天河区人民政府办公室', province: '广东省' },
  { region: '昆明市', code: '530100', agency: '昆明市生态环境局', province: '云南省' },
];

const FILLER = [
  '坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党中央、国务院关于全面推进政务公开工作的决策部署，以公开为常态、不公开为例外，不断提升政务公开质量和实效。',
  '严格落实《中华人民共和国政府信息公开条例》，进一步健全政府信息公开工作机制，明确分管领导和具体工作人员，做到专人负责、及时更新。',
  '围绕“放管服”改革、优化营商环境、重大建设项目、公共资源配置、社会公益事业建设等重点领域，持续加大信息公开力度。',
  '认真做好政策解读和回应关切工作，坚持政策文件与解读方案、解读材料同步组织、同步审签、同步部署，运用图表图解、视频音频等形式开展多元化解读。',
  '进一步规范依申请公开办理流程，严格按照受理、登记、审核、答复、归档等环节办理，确保在法定期限内答复申请人。',
  '加强政府网站和政务新媒体建设管理，完善信息发布审核制度，落实“三审三校”要求，确保发布信息准确、权威。',
  '组织开展政务公开业务培训，邀请专家对新修订的条例进行解读，提高工作人员依法公开意识和业务能力。',
  '将政务公开工作纳入年度绩效考核，定期开展自查和第三方评估，对发现的问题及时督促整改。',
];
const PROBLEMS = [
  '存在的主要问题：一是公开内容的深度和广度还需进一步拓展；二是政策解读形式还不够丰富；三是工作人员业务水平有待提高。',
  '改进措施：一是加强组织领导，压实工作责任；二是拓宽公开渠道，提升公开实效；三是加强业务培训，提升队伍素质。',
];

function sentences(rng: Rng, lo: number, hi: number): string[] {
  return Array.from({ length: int(rng, lo, hi) }, () => pick(rng, FILLER));
}

function isoDate(rng: Rng, year: number): string {
  const m = int(rng, 1, 3);
  return `${year + 1}-${String(m).padStart(2, '0')}-${String(int(rng, 1, 28)).padStart(2, '0')}`;
}

function templateReport(rng: Rng, era: TemplateEra) {
  const agency = pick(rng, AGENCIES);
  const year = era === 't2019' ? int(rng, 2019, 2020) : int(rng, 2021, 2024);
  const v = makeTemplateValues(rng, era);
  const proactive = count(rng, 200) + 20;
  const expected = { ...v.expected, 'proactive.total': proactive };
  const title = `${agency.agency}${year}年政府信息公开工作年度报告`;
  const doc = era === 't2019' ? '国办公开办函〔2019〕60号' : '国办公开办函〔2021〕30号';
  const body: BodyBlock[] = [
    { kind: 'p', text: `本报告根据《中华人民共和国政府信息公开条例》和《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》（${doc}）要求编制。本报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。如对本报告有疑问，请与${agency.agency}联系（电话：0${int(rng, 100, 999)}-${int(rng, 1000000, 9999999)}）。` },
    { kind: 'h', text: '一、总体情况' },
    { kind: 'p', text: `${year}年，${agency.agency}${sentences(rng, 1, 1)[0]}全年主动公开政府信息${proactive}条。` },
    ...sentences(rng, 2, 6).map((text) => ({ kind: 'p' as const, text })),
    { kind: 'h', text: '二、主动公开政府信息情况' },
    { kind: 'table', grid: table2Grid(v) },
    { kind: 'h', text: '三、收到和处理政府信息公开申请情况' },
    { kind: 'table', grid: table3Grid(v) },
    { kind: 'h', text: '四、政府信息公开行政复议、行政诉讼情况' },
    { kind: 'table', grid: table4Grid(v) },
    { kind: 'h', text: '五、存在的主要问题及改进情况' },
    ...PROBLEMS.map((text) => ({ kind: 'p' as const, text })),
    { kind: 'h', text: '六、其他需要报告的事项' },
    { kind: 'p', text: era === 't2021' ? `本年度未收取信息处理费。` : '无。' },
  ];
  return { agency, year, title, published: isoDate(rng, year), body, expected };
}

/**
 * A real prose report with its counted numbers changed: every integer followed by a counting unit
 * (条/件/次/人次/人/个/篇/期/场) gets a new value. Years, dates, document numbers and phone
 * numbers carry no such unit and stay as they were.
 */
export function varyProse(rng: Rng, text: string): string {
  return text.replace(/(\d+)(\s*)(余|多)?(人次|条|件|次|人|个|篇|期|场)/g, (_m, digits: string, sp: string, q = '', unit: string) => {
    const n = Number(digits);
    const next = n === 0 ? (rng() < 0.8 ? 0 : int(rng, 1, 9)) : Math.max(1, Math.round(n * (0.5 + rng())));
    return `${next}${sp}${q}${unit}`;
  });
}

export interface Sources {
  /** Seed report texts (test/fixtures/seeds/*.txt). */
  seeds: { name: string; text: string; template: boolean }[];
  /** Committed PDF fixtures (test/fixtures/docs/*.pdf), scanned ones excluded. */
  pdfs: { name: string; bytes: Uint8Array }[];
}

export function loadSources(root: string): Sources {
  const seedDir = join(root, 'test/fixtures/seeds');
  const seeds = readdirSync(seedDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const text = readFileSync(join(seedDir, f), 'utf8');
      return { name: f, text, template: /本年新收政府信息公开申请数量/.test(text) };
    });
  const docDir = join(root, 'test/fixtures/docs');
  let pdfs: Sources['pdfs'] = [];
  try {
    pdfs = readdirSync(docDir)
      .filter((f) => f.endsWith('.pdf') && !/scan|damaged|truncat|broken/i.test(f))
      .sort()
      .map((f) => ({ name: f, bytes: readFileSync(join(docDir, f)) }));
  } catch {
    // No PDF fixtures yet: the corpus simply has no PDFs and the bench says so.
  }
  return { seeds, pdfs };
}

/** The kinds of item and their share of the corpus (PDFs only when fixtures exist). */
const MIX: readonly [kind: string, weight: number][] = [
  ['html:t2019', 20],
  ['html:t2021', 20],
  ['html:pre2019', 10],
  ['text:t2019', 15],
  ['text:t2021', 15],
  ['text:pre2019', 12],
  ['text:seed', 3],
  ['pdf', 5],
];

function chooseKind(rng: Rng, hasPdf: boolean): string {
  const mix = MIX.filter(([k]) => hasPdf || k !== 'pdf');
  let r = rng() * mix.reduce((s, [, w]) => s + w, 0);
  for (const [k, w] of mix) if ((r -= w) < 0) return k;
  return mix[0][0];
}

const enc = new TextEncoder();

/** Item `i` of the corpus for `seed`: the same bytes every time. */
export function generateItem(seed: number, i: number, src: Sources): CorpusItem {
  const rng = mulberry32(seed * 1_000_003 + i);
  const kind = chooseKind(rng, src.pdfs.length > 0);
  const id = String(i).padStart(5, '0');
  if (kind === 'pdf') {
    const pdf = src.pdfs[i % src.pdfs.length];
    const era = (['t2019', 't2021', 'pre2019'] as const).find((e) => pdf.name.startsWith(e)) ?? 'unknown';
    return { name: `${id}-${pdf.name}`, format: 'pdf', era, bytes: pdf.bytes };
  }
  const [format, what] = kind.split(':') as ['html' | 'text', string];
  if (what === 't2019' || what === 't2021') {
    const r = templateReport(rng, what);
    if (format === 'html') {
      const charset = rng() < 0.15 ? 'gb2312' : 'utf-8';
      const page = portalPage({ title: r.title, agency: r.agency, published: r.published, body: r.body, charset });
      const bytes = charset === 'gb2312' ? new Uint8Array(iconv.encode(page, 'gbk')) : enc.encode(page);
      return { name: `${id}-${what}.html`, format, era: what, bytes, expected: r.expected };
    }
    const text = textPage({ title: r.title, published: r.published, body: r.body, sep: rng() < 0.5 ? ' | ' : '\t' });
    return { name: `${id}-${what}.txt`, format, era: what, bytes: enc.encode(text), expected: r.expected };
  }
  const pool = src.seeds.filter((s) => s.template === (what === 'seed'));
  const s = pick(rng, pool.length ? pool : src.seeds);
  const text = varyProse(rng, s.text);
  if (format === 'text') return { name: `${id}-${s.name}`, format, era: s.template ? 't2019' : 'pre2019', bytes: enc.encode(text) };
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const titleAt = lines.findIndex((l) => /年度报告$/.test(l));
  const title = titleAt >= 0 ? lines[titleAt] : `${pick(rng, AGENCIES).agency}政府信息公开工作年度报告`;
  const body: BodyBlock[] = lines.filter((_, j) => j !== titleAt).map((t) => ({ kind: /^[一二三四五六七八九十]+、/.test(t) ? 'h' : 'p', text: t }));
  const page = portalPage({ title, agency: pick(rng, AGENCIES), published: '2018-03-20', body, charset: 'utf-8' });
  return { name: `${id}-${s.name.replace(/\.txt$/, '.html')}`, format, era: 'pre2019', bytes: enc.encode(page) };
}

/** One written file. Planted numbers are not kept here (10 000 × ~200 keys would dominate the
 * benchmark's own heap): `generateItem(seed, index)` gives them back on demand. */
export interface ManifestEntry {
  file: string;
  format: CorpusFormat;
  era: CorpusEra;
  bytes: number;
}

/** Writes items [0, n) to `dir` plus `manifest.json`; returns the manifest. */
export function writeCorpus(dir: string, n: number, seed: number, src: Sources): ManifestEntry[] {
  mkdirSync(dir, { recursive: true });
  const manifest: ManifestEntry[] = [];
  for (let i = 0; i < n; i++) {
    const item = generateItem(seed, i, src);
    const file = join(dir, item.name);
    writeFileSync(file, item.bytes);
    manifest.push({ file, format: item.format, era: item.era, bytes: item.bytes.length });
  }
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return manifest;
}
