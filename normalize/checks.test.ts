import { describe, expect, it } from 'vitest';
import { runChecks } from './checks.ts';

const COLS = ['natural_person', 'commercial', 'research', 'social_org', 'legal_service', 'other_org', 'total'];
const put = (m: Record<string, number>, row: string, values: number[]) =>
  values.forEach((v, i) => (m[`applications.${row}.${COLS[i]}`] = v));

describe('runChecks (t2019/t2021)', () => {
  it('balances 一+二 = (七)+四 per column and shows the arithmetic', () => {
    const m: Record<string, number> = {};
    put(m, 'new', [18, 2, 0, 0, 0, 0, 20]);
    put(m, 'carried_over', [2, 0, 0, 0, 0, 0, 2]);
    put(m, 'outcome.total', [20, 1, 0, 0, 0, 0, 21]);
    m['applications.carried_forward.total'] = 1;
    m['applications.carried_forward.commercial'] = 1;
    const checks = runChecks(m, 't2019');
    expect(checks).toContainEqual({ rule: 't3.balance.total', ok: true, message: '20 + 2 = 21 + 1' });
    expect(checks).toContainEqual({ rule: 't3.balance.commercial', ok: true, message: '2 + 0 = 1 + 1' });
    // natural_person's 四 cell is blank: that check is skipped, not failed
    expect(checks.find((c) => c.rule === 't3.balance.natural_person')).toBeUndefined();
    expect(checks).toContainEqual({ rule: 't3.rowsum.new', ok: true, message: '18 + 2 + 0 + 0 + 0 + 0 = 20' });
  });

  it('fails a row whose total is not the sum of its six columns, without touching the numbers', () => {
    const m: Record<string, number> = {};
    put(m, 'outcome.granted', [6, 1, 0, 0, 0, 0, 6]);
    const before = { ...m };
    expect(runChecks(m, 't2021')).toContainEqual({
      rule: 't3.rowsum.outcome.granted',
      ok: false,
      message: '6 + 1 + 0 + 0 + 0 + 0 ≠ 6 (7 vs 6)',
    });
    expect(m).toEqual(before);
  });

  it('sums the outcome rows into (七)总计, with 2021 (六) as its three rows', () => {
    const m: Record<string, number> = {};
    const zero = [0, 0, 0, 0, 0, 0, 0];
    for (const r of ['granted', 'partial', 'withheld.state_secret', 'withheld.prohibited_by_law', 'withheld.security_stability',
      'withheld.third_party', 'withheld.internal_affairs', 'withheld.process_info', 'withheld.enforcement_file', 'withheld.admin_query',
      'unavailable.not_held', 'unavailable.needs_creation', 'unavailable.unclear', 'not_processed.petition', 'not_processed.duplicate',
      'not_processed.publication', 'not_processed.abusive', 'not_processed.confirm_reissue', 'other_unpaid_fee', 'other_misc'])
      put(m, `outcome.${r}`, zero);
    put(m, 'outcome.granted', [5, 0, 0, 0, 0, 0, 5]);
    put(m, 'outcome.other_no_correction', [1, 0, 0, 0, 0, 0, 1]);
    put(m, 'outcome.total', [6, 0, 0, 0, 0, 0, 7]);
    const checks = runChecks(m, 't2021');
    expect(checks.find((c) => c.rule === 't3.outcome_sum.natural_person')).toMatchObject({ ok: true });
    expect(checks.find((c) => c.rule === 't3.outcome_sum.total')).toMatchObject({ ok: false });
  });

  it('checks each table 四 block: total = 维持 + 纠正 + 其他 + 尚未审结', () => {
    const m = {
      'review.upheld': 0, 'review.corrected': 2, 'review.other': 0, 'review.pending': 0, 'review.total': 2,
      'litigation.direct.upheld': 1, 'litigation.direct.corrected': 0, 'litigation.direct.other': 0, 'litigation.direct.pending': 0, 'litigation.direct.total': 2,
    };
    const checks = runChecks(m, 't2019');
    expect(checks).toContainEqual({ rule: 't4.review.total', ok: true, message: '2 = 0 + 2 + 0 + 0' });
    expect(checks).toContainEqual({ rule: 't4.litigation.direct.total', ok: false, message: '2 ≠ 1 + 0 + 0 + 0 (2 vs 1)' });
    expect(checks.find((c) => c.rule === 't4.litigation.after_review.total')).toBeUndefined();
  });
});

describe('runChecks (pre2019)', () => {
  it('only warns when channel counts exceed proactive.total (channels overlap)', () => {
    const checks = runChecks({ 'proactive.total': 1600, 'proactive.channel.website': 590, 'proactive.channel.weibo': 600, 'proactive.channel.wechat': 400 }, 'pre2019');
    expect(checks).toEqual([
      { rule: 'pre.channels_vs_total', ok: true, message: 'warning: channels 590 + 600 + 400 = 1590 vs proactive.total 1600 (channels may overlap)' },
    ]);
  });

  it('checks review totals and the reply kinds against the applications received', () => {
    const checks = runChecks(
      { 'review.total': 12, 'review.upheld': 4, 'review.corrected': 1, 'review.other': 2, 'applications.new.total': 10, 'reply.granted': 8, 'reply.partial': 3 },
      'pre2019',
    );
    expect(checks).toContainEqual({ rule: 'pre.review.total', ok: false, message: '12 ≠ 4 + 1 + 2 (12 vs 7)' });
    expect(checks.find((c) => c.rule === 'pre.reply_sum')).toMatchObject({ ok: false });
    expect(runChecks({ 'applications.new.total': 10, 'reply.granted': 6, 'reply.partial': 3 }, 'pre2019')[0]).toMatchObject({
      rule: 'pre.reply_sum',
      ok: true,
    });
  });
});
