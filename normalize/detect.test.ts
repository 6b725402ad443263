import { describe, expect, it } from 'vitest';
import type { Block, Document } from '../extract/document.ts';
import { judgeDocument } from './detect.ts';
import { compactText } from './era.ts';

const BODY =
  '2019年，我局认真贯彻落实《中华人民共和国政府信息公开条例》，全年主动公开政府信息1203条，受理依申请公开12件，' +
  '全部按时答复。全年未发生因政府信息公开引起的行政复议和行政诉讼。存在的主要问题是公开内容不够全面，下一步将加强培训。';

function doc(title: string | undefined, texts: string[]): Document {
  const blocks: Block[] = texts.map((text) => ({ kind: 'paragraph', text }));
  return { title, blocks, source: { name: 'page.html', format: 'html' }, warnings: [] };
}
const judge = (d: Document, tables = false) =>
  judgeDocument(d, compactText(d.blocks.map((b) => (b.kind === 'table' ? '' : b.text)).join('\n')), tables);

describe('judgeDocument', () => {
  it('accepts a titled annual report and an untitled scraped body that covers its sections', () => {
    expect(judge(doc('某市交通运输局2019年政府信息公开工作年度报告', [BODY, BODY]))).toEqual({ ok: true });
    expect(judge(doc(undefined, [BODY, BODY]))).toEqual({ ok: true });
  });

  it('rejects a 政府工作报告, a budget, a guide and a work plan with one sentence naming what it is', () => {
    for (const [title, what] of [
      ['2020年萍乡市人民政府工作报告', '政府工作报告'],
      ['某区2021年部门预算公开说明', '预算'],
      ['某市人民政府办公室政府信息公开指南', '公开指南'],
      ['2019年政务公开工作要点', '工作要点'],
    ]) {
      const v = judge(doc(title, [BODY, BODY]));
      expect(v.ok).toBe(false);
      if (!v.ok) expect(v.reason).toContain(what);
    }
  });

  it('rejects a list page of report links and an empty shell', () => {
    const list = doc('政府信息公开年报', [
      '萍乡市2019年政府信息公开工作年度报告 2020-01-20',
      '萍乡市2018年政府信息公开工作年度报告 2019-01-25',
      '萍乡市2017年政府信息公开工作年度报告 2018-01-30',
      '共3条 首页 上一页 下一页 尾页',
    ]);
    expect(judge(list)).toMatchObject({ ok: false, reason: expect.stringContaining('list of links') });
    expect(judge(doc(undefined, ['扫一扫在手机打开当前页', '返回顶部']))).toMatchObject({ ok: false, reason: expect.stringContaining('no text') });
  });

  it('takes the template tables as proof whatever the title', () => {
    expect(judge(doc('附件1', ['短']), true)).toEqual({ ok: true });
  });
});
