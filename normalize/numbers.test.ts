import { describe, expect, it } from 'vitest';
import {
  parseCell,
  parseChineseNumeral,
  parseMoney,
  parseQuantity,
  parseSigned,
  parseYear,
  QUANTITY_SOURCE,
} from './numbers.ts';

describe('Chinese numerals', () => {
  it.each([
    ['两百', 200],
    ['一千零五', 1005],
    ['十二', 12],
    ['十', 10],
    ['二十五', 25],
    ['一万二千', 12000],
    ['十万', 100000],
    ['一亿二千万', 120000000],
    ['两', 2],
    ['零', 0],
    ['二〇二三', 2023],
    ['贰佰', 200], // financial forms, as money amounts are written
    ['叁仟伍佰', 3500],
    ['二零一八', 2018],
  ])('%s = %d', (text, value) => {
    expect(parseChineseNumeral(text)).toBe(value);
  });

  it.each(['三四', '万', '一是', ''])('%s is not a number', (text) => {
    expect(parseChineseNumeral(text)).toBeUndefined();
  });

  it('reads years in every form the reports use', () => {
    expect(parseYear('二〇一八年')).toBe(2018);
    expect(parseYear('二○一四年')).toBe(2014); // ○ U+25CB, as typed in many reports
    expect(parseYear('二0一六年')).toBe(2016);
    expect(parseYear('２０１９')).toBe(2019);
    expect(parseYear('2017年度')).toBe(2017);
    expect(parseYear('十二')).toBeUndefined();
  });
});

describe('prose quantities', () => {
  it.each([
    ['8.06万条', 80600, 'exact'],
    ['1600余条', 1600, 'approx'],
    ['600余条', 600, 'approx'],
    ['三千余条', 3000, 'approx'],
    ['一千余条', 1000, 'approx'],
    ['两件', 2, 'exact'],
    ['十二次', 12, 'exact'],
    ['近二十个', 20, 'approx'],
    ['约300人次', 300, 'approx'],
    ['50件左右', 50, 'approx'],
    ['100人以上', 100, 'approx'],
    ['超过500条', 500, 'approx'],
    ['1,234条', 1234, 'exact'],
    ['１２３件', 123, 'exact'],
    ['164 件', 164, 'exact'],
    ['5万元', 50000, 'exact'],
    ['5.637万元', 56370, 'exact'],
    ['1,234.5元', 1234.5, 'exact'],
    // 万 inside a Chinese numeral, and after it as the multiplier
    ['一万二千六百余条', 12600, 'approx'],
    ['一千二百四十元', 1240, 'exact'],
    ['三万余条', 30000, 'approx'],
    ['两万零五十件', 20050, 'exact'],
  ])('%s → %d (%s)', (text, value, qualifier) => {
    const q = parseQuantity(text);
    expect(q?.value).toBe(value);
    expect(q?.qualifier).toBe(qualifier);
  });

  const re = new RegExp(QUANTITY_SOURCE, 'g');
  const found = (s: string) => [...s.matchAll(re)].map((m) => parseQuantity(m[0])?.value);

  it.each([
    ['统计期限自2018年1月1日起,2018年12月31日止'],
    ['根据国办公开办函〔2019〕60号和国办发〔2018〕123号的要求'],
    ['同意公开的占64.64%'],
    ['电话:0433-7550019;传真:0433-7567005'],
    ['邮编:133300'],
    ['地址:珲春市河南街新安路2097号'],
    ['网址http://zwgk.harbin.gov.cn/col/123'],
    ['刊发至第三期'],
    ['一是加强领导,二是完善制度'],
    ['(一)推进公开工作落实'],
  ])('reads no count out of %s', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('reads counts with their units out of a sentence', () => {
    expect(found('全市共收到政府信息公开申请53件,其中当面申请35件,占66.04%')).toEqual([53, 35]);
    expect(found('共主动公开政府信息一万二千六百余条,其中网站公开9800余条')).toEqual([12600, 9800]);
  });
});

describe('table cells', () => {
  it.each([
    ['0', 0],
    ['12', 12],
    ['１２３', 123],
    ['1,234', 1234],
    ['无', 0],
    ['没有', 0],
    ['未发生', 0],
    ['均为0', 0],
    ['+1036', 1036],
    ['-8', -8],
    ['减少3', -3],
    ['增加5', 5],
    ['5.637万元', 56370],
    ['8.06万', 80600],
  ])('%s → %d', (text, value) => {
    expect(parseCell(text)?.value).toBe(value);
  });

  it.each(['', '  ', '—', '——', '/', '／', '-', '…', '见附件', '第三期'])('%j is not stated', (text) => {
    expect(parseCell(text)).toBeUndefined();
  });

  it('marks qualified cells approx', () => {
    expect(parseCell('3000余')).toMatchObject({ value: 3000, qualifier: 'approx' });
    expect(parseCell('约50')).toMatchObject({ value: 50, qualifier: 'approx' });
  });

  it('reads signed changes and money', () => {
    expect(parseSigned('减少3')).toBe(-3);
    expect(parseSigned('+1036')).toBe(1036);
    expect(parseMoney('5万元')).toBe(50000);
    expect(parseMoney('5.637万元')).toBe(56370);
    expect(parseMoney('1,234.5元')).toBe(1234.5);
  });
});

describe('money written with 人民币 and financial numerals', () => {
  it('reads 人民币贰佰元 and 人民币356元 in yuan', () => {
    expect(parseQuantity('人民币贰佰元')).toMatchObject({ value: 200, unit: '元', qualifier: 'exact' });
    expect(parseQuantity('人民币356元')).toMatchObject({ value: 356, unit: '元' });
    expect(parseQuantity('约人民币1.5万元')).toMatchObject({ value: 15000, unit: '元', qualifier: 'approx' });
  });
});
