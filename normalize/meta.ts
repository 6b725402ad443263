// Report metadata from the document: title, year covered, region (GB/T 2260), agency, agency kind,
// publishing date. Pure.
//
// - Title: the report's own title line (…年政府信息公开工作年度报告) near the top, else the
//   document's <title> with the site name cut off.
// - Year covered: the title's year; else the 统计期限 (自2018年1月1日起…); else "现将2017年度…";
//   never the publishing date.
// - Region: the most specific unit the title names (重庆市开州区 → 开州区); without a title, the
//   unit whose 政府 speaks in the opening paragraphs, then the signature at the end. Duplicate
//   names are settled by the parents the document mentions (杭州市 → 滨江区 330108).
// - Agency: the title's subject. A bare region (珲春市, 2015年南岗区) or a 人民政府 is the
//   government's own report; an office/bureau/committee/street/township is a department.
import type { Block, Document } from '../extract/document.ts';
import { parseYear } from './numbers.ts';
import { findRegions, governmentName, isZone, mostSpecificRegion, resolveRegionName, toRegion, type RegionNode } from './regions.ts';
import type { AgencyKind, ReportMeta } from './types.ts';

// 二〇一四 is also typed with ○ (a circle), O or 0 for the zero.
const YEAR = '(?:(?:19|20)\\d{2}|[一二][〇零九○Oo0][〇零一二三四五六七八九○Oo0]{2})';
// A trailing bracket may name the unit or the year: …年度报告（宿松县） / …年度报告(2016年度).
const TITLE_LINE = /(?:政府信息公开|政务公开|信息公开)[^,，。:：]{0,12}(?:报告|年报)(?:\s*[(（【][^()（）【】]{2,30}[)）】])?$/;
const HAS_YEAR = new RegExp(YEAR);
/** A bracket tag names a unit (宿松县, 某局), not an edition note (全文, 摘要, 图解). */
const UNIT_TAG = /(?:省|市|州|盟|县|区|旗|镇|乡|街道|办事处|政府|局|委员会|委|办公室|办|厅|中心|院|所)$/;
/** A title line run together with the page's dateline: …年度报告信息来源：县人社局发布时间：2018-01-26. */
const DATELINE_AFTER_TITLE = /(?<=报告|年报)(?:[(（]?(?:信息来源|来源|发布时间|发布日期|发布机构|日期|时间|索引号|浏览次数|点击数?)[:：].*|[(（]?\d{4}[-./年]\d{1,2}[-./月]\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?[)）]?)$/;
const SITE_SUFFIX = /\s*[_|｜\-–—]\s*[^_|｜\-–—]*(?:网|政府|门户|平台)[^_|｜\-–—]*$/;

function blockText(b: Block): string {
  return b.kind === 'table' ? '' : b.text.normalize('NFKC').trim();
}

function isTitle(t: string): boolean {
  // A breadcrumb (首页>…>年度报告) ends like a title but is navigation.
  return t.length <= 60 && TITLE_LINE.test(t) && new RegExp(YEAR).test(t) && !/[>›»]|位置/.test(t);
}

function findTitle(doc: Document): string | undefined {
  const lines = doc.blocks.slice(0, 14).map((b) => blockText(b).replace(/\s+/g, '').replace(DATELINE_AFTER_TITLE, ''));
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i];
    // Titles wrapped over two lines: 宿州市人民政府2016年 / 政府信息公开工作年度报告.
    const joined = t + (lines[i + 1] ?? '');
    if (!isTitle(t) && t.length <= 30 && isTitle(joined) && !isTitle(lines[i + 1] ?? '')) return joined;
    if (!isTitle(t)) continue;
    // 龙潭区人民政府 / 2017年政府信息公开工作年度报告: the agency on the line above.
    const prev = lines[i - 1] ?? '';
    if (titleSubject(t) === '' && /^[^\d,，。:：]{2,30}(政府|局|委员会|委|办公室|办|厅|中心|街道办事处|街道|乡|镇)$/.test(prev)) return prev + t;
    return t;
  }
  const own = doc.title?.normalize('NFKC').trim().replace(SITE_SUFFIX, '');
  return own && TITLE_LINE.test(own.replace(/\s+/g, '')) ? own.replace(/\s+/g, '') : undefined;
}

function yearOf(title: string | undefined, text: string): number | undefined {
  const inTitle = title && new RegExp(`(${YEAR})\\s*年`).exec(title);
  if (inTitle) return parseYear(inTitle[1]);
  const period = new RegExp(`(?:统计|期限|时间|数据)[^。]{0,30}?(?:自|从)?\\s*(${YEAR})\\s*年\\s*(?:1|一)\\s*月\\s*(?:1|一)\\s*日`).exec(text) ??
    new RegExp(`自\\s*(${YEAR})\\s*年\\s*(?:1|一)\\s*月\\s*(?:1|一)\\s*日`).exec(text);
  if (period) return parseYear(period[1]);
  const reportOn = new RegExp(`(${YEAR})\\s*年度?(?:的)?(?:政府信息公开|政务公开)(?:工作)?(?:情况|年度报告)`).exec(text) ??
    new RegExp(`^\\s*(${YEAR})\\s*年[,，]`, 'm').exec(text);
  if (reportOn) return parseYear(reportOn[1]);
  return undefined;
}

function publishedOf(head: string): string | undefined {
  const m = /(?:发布日期|发布时间|成文日期|日期|时间)\s*[:：]\s*(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})/.exec(head);
  if (!m) return undefined;
  return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
}

/** The title's subject: who reports, i.e. what precedes its year and report phrase. */
function titleSubject(title: string): string {
  // Portals that list many units' reports tag the unit in brackets: 【宿松县】2015年…报告,
  // 2015年政府信息公开工作年度报告（宿松县）.
  const tagged = /^[【\[〔]([^】\]〕]{2,30})[】\]〕]/.exec(title) ?? /报告\s*[(（【]([^()（）【】]{2,30}?)[)）】]$/.exec(title);
  if (tagged && !HAS_YEAR.test(tagged[1]) && UNIT_TAG.test(tagged[1].trim())) return tagged[1].trim();
  const t = title.replace(new RegExp(`^${YEAR}\\s*年度?`), '');
  const cut = t.search(new RegExp(`${YEAR}\\s*年|政府信息公开|政务公开|信息公开`));
  // 某县人民政府关于2016年政府信息公开工作的报告: 关于 belongs to the sentence, not the name.
  let subject = (cut >= 0 ? t.slice(0, cut) : t).replace(/^关于/, '').replace(/关于$/, '').replace(/的$/, '').trim();
  // 某县人民政府办公室关于某县2019年…报告: the office publishes, the unit after 关于 reports.
  const about = /^(.+?)关于(?:印发|公布|发布)?(.{2,})$/.exec(subject);
  if (about) subject = about[2];
  // 某市人民政府信息公开工作年度报告: 政府 went with 政府信息公开.
  if (/人民$/.test(subject)) subject += '政府';
  return subject;
}

/**
 * A development zone GB/T 2260 does not code (成都高新区, 南京江北新区, 武汉东湖新技术开发区):
 * the city its name starts with. Zones that have a code are regions of their own (regions.ts).
 */
const UNCODED_ZONE = /^([\u4e00-\u9fa5]{2,3}?)市?[\u4e00-\u9fa5]{0,4}?(?:高新技术产业开发区|新技术产业开发区|新技术开发区|高新区|经济技术开发区|经开区|经济开发区|工业园区|新区)/;
/** What follows a zone's name when its administrative committee speaks for the whole zone. */
const ZONE_COMMITTEE = /^(?:党工委)?(?:管委会|管理委员会)?$/;

function uncodedZone(subject: string): { zone: string; city?: RegionNode } | undefined {
  const m = UNCODED_ZONE.exec(subject);
  if (!m) return undefined;
  const city = resolveRegionName(`${m[1]}市`);
  return { zone: m[0], city: city && city.level <= 2 ? city : undefined };
}

function agencyFromSubject(subject: string, gov: string | undefined): { agency: string; agency_kind: AgencyKind } {
  // Strip the region names the subject starts with; what remains says who is speaking.
  let rest = subject;
  let last: RegionNode | undefined;
  for (const m of findRegions(subject)) {
    if (m.index === subject.length - rest.length) {
      rest = rest.slice(m.name.length);
      last = m.node;
    }
  }
  // 盟 and 地区 have a 行政公署 (行署) where other units have a people's government.
  if (rest === '' || /^(?:(?:人民)?政府|行政公署|行署)$/.test(rest)) return { agency: gov ?? subject, agency_kind: 'government' };
  // A zone without a code: its committee (or the bare zone name) reports as the zone's government.
  const zone = last ? undefined : uncodedZone(subject);
  if (zone && ZONE_COMMITTEE.test(subject.slice(zone.zone.length))) {
    return { agency: subject === zone.zone ? `${subject}管理委员会` : subject, agency_kind: 'government' };
  }
  // A development zone's committee reports for the whole zone, as a government would: 合肥高新区管委会.
  if (last && isZone(last) && /^(?:党工委)?(?:管委会|管理委员会)$/.test(rest)) return { agency: subject, agency_kind: 'government' };
  // Anything else after the region is a body of it: 人民政府办公室, 教育局, 某某街道办事处.
  return { agency: subject, agency_kind: 'department' };
}

const ORGANIZATION = '[\\u4e00-\\u9fa5]{2,30}?(?:人民政府办公室|人民政府|办公室|局|委员会|街道办事处|办事处|中心|厅)';
/** The signature under the report: a line that is only an organisation's name. */
const SIGNATURE = new RegExp(`^${ORGANIZATION}$`);
/** 本报告由本溪市生态环境局根据…编制 / 本报告是XX依据…编制的. */
const COMPILED_BY = new RegExp(
  `本(?:年度)?报告(?:由|是)(${ORGANIZATION})(?:根据|依据|按照|编制|结合)|` +
    // 本年度报告根据《条例》…要求，由广州市白云区景泰街道办事处编制
    `本(?:年度)?报告[^。]{0,80}?[,，]由(${ORGANIZATION})(?:负责)?(?:编制|编写)`,
);
const SIGNATURE_LINES = 6;

function namedAgency(paragraphs: string[]): string | undefined {
  for (const p of paragraphs.slice(-SIGNATURE_LINES).reverse()) {
    const t = p.replace(/\s+/g, '');
    if (SIGNATURE.test(t) && findRegions(t).length) return t;
  }
  for (const p of paragraphs.slice(0, SIGNATURE_LINES)) {
    const m = COMPILED_BY.exec(p.replace(/\s+/g, ''));
    const org = m && (m[1] ?? m[2]);
    if (org && findRegions(org).length) return org;
  }
  return undefined;
}

function agencyOf(
  title: string | undefined,
  region: RegionNode | undefined,
  text: string,
  paragraphs: string[],
): { agency?: string; agency_kind?: AgencyKind } {
  const subject = title ? expandBareLevel(titleSubject(title), region) : '';
  const gov = region ? governmentName(region) : undefined;
  if (subject) {
    // Strip the region names the subject starts with; what remains says who is speaking.
    return agencyFromSubject(subject, gov);
  }
  // A title without its subject (2021年政府信息公开工作年度报告): the unit that signs the report
  // or compiles it (本报告由本溪市生态环境局根据…编制) names the agency.
  // No title: a department speaks of itself as 本局/我局/我委; a government as 我市/我区/我县.
  const self = /(?:我|本)(局|委|办|厅|中心|街道|镇|乡)/.exec(text.slice(0, 3000));
  const gov2 = /(?:我|本|全)(市|区|县|旗|州|省)/.exec(text.slice(0, 3000));
  const speaksAsDepartment = self !== null && (!gov2 || self.index < gov2.index);
  const named = namedAgency(paragraphs);
  // The government's office signs the government's own report too: who speaks decides.
  if (named && !(/政府办公室$/.test(named) && !speaksAsDepartment && gov)) return agencyFromSubject(named, gov);
  if (speaksAsDepartment) return { agency_kind: 'department' };
  return gov ? { agency: gov, agency_kind: 'government' } : {};
}

function regionOf(title: string | undefined, doc: Document, text: string): RegionNode | undefined {
  if (title) {
    const m = mostSpecificRegion(title, text);
    if (m) return m.node;
    const zoneCity = uncodedZone(titleSubject(title))?.city;
    if (zoneCity) return zoneCity;
  }
  const paras = doc.blocks.map(blockText).filter(Boolean);
  const opening = paras.slice(0, 6).join('\n');
  // The unit whose government is speaking: 滨江区政府紧紧围绕…
  // 《浙江省政府信息公开暂行办法》 names a regulation, not a government speaking.
  const speaking = findRegions(opening, text).filter(
    (m) => /^(人民)?政府(?!信息公开)/.test(opening.slice(m.index + m.name.length)) && opening[m.index - 1] !== '《',
  );
  if (speaking.length) return speaking.reduce((a, b) => (b.node.level > a.node.level ? b : a)).node;
  // The signature block: short lines without sentence punctuation (a name, a date), not prose.
  const signature = paras.slice(-8).filter((p) => p.length <= 30 && !/[,，。;；《》]/.test(p)).join('\n');
  // A title that names its unit by level only (市教育局, 县人民政府办公室) leans on the portal's
  // own name in the page <title> (…_杭州市人民政府) before any place the opening merely mentions.
  const site = doc.title?.normalize('NFKC') ?? '';
  return mostSpecificRegion(signature, text)?.node ?? mostSpecificRegion(site, text)?.node ?? mostSpecificRegion(opening, text)?.node;
}

/** A subject that names its unit by level only: 市教育局, 省财政厅, 县人民政府办公室, 区民政局. */
const BARE_LEVEL = /^(自治区|省|市|州|县|区|旗|盟)(?=[\u4e00-\u9fa5]{2})/;

/** 市教育局 of 杭州市 → 杭州市教育局: the level word stands for the report's unit of that level. */
function expandBareLevel(subject: string, region: RegionNode | undefined): string {
  const m = BARE_LEVEL.exec(subject);
  if (!m || !region || findRegions(subject).some((r) => r.index === 0)) return subject;
  for (let n: RegionNode | undefined = region; n; n = n.parent) {
    if (n.name.endsWith(m[1])) return n.name + subject.slice(m[1].length);
  }
  return subject;
}

export function extractMeta(doc: Document): ReportMeta {
  // The page's own <title> often carries the site name (…_长春市朝阳区人民政府): good context.
  const text = [doc.title?.normalize('NFKC') ?? '', ...doc.blocks.map(blockText)].join('\n');
  const title = findTitle(doc);
  const region = regionOf(title, doc, text);
  const meta: ReportMeta = {
    title,
    year: yearOf(title, text),
    region: region && toRegion(region),
    ...agencyOf(title, region, text, doc.blocks.map(blockText).filter(Boolean)),
    // The extractor keeps the page's date when it strips the chrome around it; text sources say it inline.
    published: doc.published ?? publishedOf(doc.blocks.slice(0, 15).map(blockText).join('\n')),
  };
  for (const k of Object.keys(meta) as (keyof ReportMeta)[]) if (meta[k] === undefined) delete meta[k];
  return meta;
}
