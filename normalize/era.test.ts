import { describe, expect, it } from 'vitest';
import { compactText, detectEra } from './era.ts';

const T3_ROWS = '一、本年新收政府信息公开申请数量 二、上年结转政府信息公开申请数量 (三)不予公开 (四)无法提供 (五)不予处理';

describe('detectEra', () => {
  it('t2019 from the 2019 table 二 labels', () => {
    const text = compactText(`信息内容 本年新制作数量 本年新公开数量 对外公开总数量 上一年项目数量 政府集中采购 ${T3_ROWS}`);
    expect(detectEra(text).era).toBe('t2019');
  });

  it('t2021 from the 2021 labels, even in a report covering 2020', () => {
    const text = compactText(`信息内容 本年制发件数 本年废止件数 现行有效件数 本年收费金额 ${T3_ROWS} 申请人无正当理由逾期不补正`);
    expect(detectEra(text, 2020).era).toBe('t2021');
  });

  it('matches labels wrapped or spaced inside cells', () => {
    expect(detectEra(compactText('本年 制发 件数 | 现行有效\n件数 | 本年新收政府信息\n公开申请数量 | 上年结转 政府信息公开申请数量')).era).toBe('t2021');
  });

  it('pre2019 for prose without the template tables, whatever the year', () => {
    const text = compactText('2019年全年主动公开政府信息8535条，共受理申请115件，行政复议12件，其中维持4件、纠错1件。');
    expect(detectEra(text, 2019)).toMatchObject({ era: 'pre2019', template: false });
  });

  it('falls back to the year only when the table carries no era-specific label', () => {
    expect(detectEra(compactText(T3_ROWS + ' 本机关不掌握 信访举报投诉'), 2022).era).toBe('t2021');
    expect(detectEra(compactText(T3_ROWS + ' 本机关不掌握 信访举报投诉'), 2019).era).toBe('t2019');
  });
});

describe('detectEra on prose that borrows one table phrase', () => {
  it('stays pre2019 for a sentence like 结转下年度继续办理3件', () => {
    expect(detectEra(compactText('全年共受理申请15件，办结12件，结转下年度继续办理3件。'), 2019).era).toBe('pre2019');
  });
});

describe('detectEra for a template report whose tables did not survive', () => {
  it('follows the template from its section headings, the era by year', () => {
    const text = compactText(
      '一、总体情况 全年主动公开政府信息1200条。二、主动公开政府信息情况 三、收到和处理政府信息公开申请情况 四、政府信息公开行政复议、行政诉讼情况 五、存在的主要问题及改进情况',
    );
    expect(detectEra(text, 2021)).toMatchObject({ era: 't2021', template: true });
    expect(detectEra(text, 2020).era).toBe('t2019');
  });

  it('keeps the old headings (依申请公开政府信息情况) pre2019', () => {
    const text = compactText('二、主动公开政府信息情况 三、依申请公开政府信息情况 四、政府信息公开的收费及减免情况 五、因政府信息公开申请行政复议、提起行政诉讼的情况');
    expect(detectEra(text, 2019).era).toBe('pre2019');
  });
});
