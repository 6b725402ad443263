import { describe, expect, it } from 'vitest';
import { governmentName, loadRenames, mostSpecificRegion, regionByCode, resolveRegionName } from './regions.ts';
import { extractMeta } from './meta.ts';

describe('region names → GB/T 2260 codes', () => {
  it('resolves current names at every level', () => {
    expect(resolveRegionName('牡丹江市')?.code).toBe('231000');
    expect(resolveRegionName('珲春市')?.code).toBe('222404');
    expect(resolveRegionName('吉林省')?.code).toBe('220000');
    expect(resolveRegionName('济源市')?.code).toBe('419001'); // 省直辖县级市
  });

  it.each([
    ['开县', '开州区', '500154'],
    ['崇文区', '东城区', '110101'],
    ['宣武区', '西城区', '110102'],
    ['襄樊市', '襄阳市', '420600'],
    ['思茅市', '普洱市', '530800'],
    ['蓟县', '蓟州区', '120119'],
    ['闸北区', '静安区', '310106'],
    ['铜仁地区', '铜仁市', '520600'],
    ['双流县', '双流区', '510116'],
    ['户县', '鄠邑区', '610118'],
    ['胶南市', '黄岛区', '370211'],
    ['绍兴县', '柯桥区', '330603'],
    ['萝岗区', '黄埔区', '440112'],
    ['那曲地区', '那曲市', '540600'],
  ])('resolves the former unit %s to today\'s %s %s', (old, now, code) => {
    const node = resolveRegionName(old);
    expect(node?.name).toBe(now);
    expect(node?.code).toBe(code);
  });

  it('every row of the renames table points at a real current unit of that name', () => {
    for (const r of loadRenames()) {
      expect(regionByCode(r.code)?.name, `${r.old_name} → ${r.code}`).toBe(r.new_name);
    }
  });

  it('settles duplicate district names by the parent the document names', () => {
    expect(resolveRegionName('朝阳区', '长春市朝阳区人民政府办公室')?.code).toBe('220104');
    expect(resolveRegionName('朝阳区', '北京市朝阳区')?.code).toBe('110105');
    expect(resolveRegionName('鼓楼区', '福州市鼓楼区2016年政府信息公开工作年度报告')?.code).toBe('350102');
    expect(resolveRegionName('鼓楼区', '根据《江苏省政府信息公开规定》和徐州市政府要求')?.code).toBe('320302');
    expect(resolveRegionName('铁西区', '鞍山市人民政府')?.code).toBe('210303');
    // 双桥区 is today a district of 承德市, and the former 重庆市双桥区 is now 大足区.
    expect(resolveRegionName('双桥区', '承德市双桥区')?.code).toBe('130802');
    expect(resolveRegionName('双桥区', '重庆市双桥区')?.code).toBe('500111');
  });

  it('finds the most specific unit a title names', () => {
    expect(mostSpecificRegion('重庆市开州区2017年政府信息公开工作年度报告')?.node.code).toBe('500154');
    expect(mostSpecificRegion('牡丹江市人民政府办公室2019年政府信息公开工作年度报告')?.node.code).toBe('231000');
    expect(mostSpecificRegion('2015年南岗区政府信息公开工作年度报告', '哈尔滨市')?.node.code).toBe('230103');
  });

  it('does not read two-character names out of ordinary words', () => {
    // 城区 / 郊区 / 东区 are districts somewhere, and ordinary words everywhere else.
    expect(mostSpecificRegion('推进城区和郊区低保公示')).toBeUndefined();
  });

  it('names a district government with its city', () => {
    expect(governmentName(resolveRegionName('滨江区', '杭州市')!)).toBe('杭州市滨江区人民政府');
    expect(governmentName(resolveRegionName('开州区')!)).toBe('重庆市开州区人民政府');
    expect(governmentName(resolveRegionName('珲春市')!)).toBe('珲春市人民政府');
    expect(governmentName(resolveRegionName('神农架林区')!)).toBe('神农架林区人民政府'); // under 湖北省 directly
  });
});

describe('autonomous units by their short names', () => {
  it.each([
    ['延边州', '222400'],
    ['黔东南州', '522600'],
    ['恩施州', '422800'],
    ['长阳县', '420528'],
    ['大厂县', '131028'],
  ])('%s → %s', (name, code) => {
    expect(resolveRegionName(name)?.code).toBe(code);
  });

  it('gives a title in the short name the prefecture\'s government', () => {
    expect(extractMeta({
      blocks: [{ kind: 'paragraph', text: '延边州2012年政府信息公开工作年度报告' }],
      source: { name: 'r.txt', format: 'text' }, warnings: [],
    })).toMatchObject({ region: { code: '222400' }, agency: '延边朝鲜族自治州人民政府', agency_kind: 'government' });
  });
});

describe('provinces with 地区 among their prefectures', () => {
  it('keeps prefectures above their districts (乌鲁木齐市水磨沟区 is the district)', () => {
    expect(mostSpecificRegion('乌鲁木齐市水磨沟区2015年政府信息公开工作年度报告')?.node.code).toBe('650105');
    expect(resolveRegionName('喀什地区')?.level).toBe(2);
    expect(resolveRegionName('大兴安岭地区')?.level).toBe(2);
    expect(governmentName(resolveRegionName('水磨沟区')!)).toBe('乌鲁木齐市水磨沟区人民政府');
  });
});

describe('two-character county names before one of their townships', () => {
  it('counts 攸县 in 攸县城关镇 (a township report names its county that way)', () => {
    expect(mostSpecificRegion('2021年，攸县城关镇推进政务公开。')?.node.code).toBe('430223');
  });
});

describe('development zones', () => {
  it.each([
    ['合肥高新区', '340171'],
    ['秦皇岛经开区', '130371'],
    ['唐山芦台经开区', '130271'],
    ['苏州工业园区', '320571'],
  ])('resolves %s to the zone\'s own code %s', (name, code) => {
    expect(resolveRegionName(name)?.code).toBe(code);
  });
});
