// Table 四 (政府信息公开行政复议、行政诉讼情况), as data: three blocks of five outcome columns.

export const T4_OUTCOMES = [
  { key: 'upheld', label: '结果维持', pattern: /维持/ },
  { key: 'corrected', label: '结果纠正', pattern: /纠正|纠错/ },
  { key: 'other', label: '其他结果', pattern: /其他/ },
  { key: 'pending', label: '尚未审结', pattern: /未审结|审理中/ },
  { key: 'total', label: '总计', pattern: /总计|合计|小计/ },
] as const;

/** The blocks in printed order; `pattern` is tested on a column's stacked header text. */
export const T4_BLOCKS = [
  { key: 'review', label: '行政复议', pattern: /行政复议(?!后)/ },
  { key: 'litigation.direct', label: '行政诉讼/未经复议直接起诉', pattern: /直接起诉|未经复议/ },
  { key: 'litigation.after_review', label: '行政诉讼/复议后起诉', pattern: /复议后/ },
] as const;

/** The canonical 15 columns: `<block>.<outcome>`, with a readable column label. */
export const T4_CANONICAL: ReadonlyArray<{ key: string; label: string }> = T4_BLOCKS.flatMap((b) =>
  T4_OUTCOMES.map((o) => ({ key: `${b.key}.${o.key}`, label: `${b.label}/${o.label}` })),
);

/** A header row of table 四 names both remedies (or, in split layouts, one of them). */
export const T4_HEADER = /行政复议|行政诉讼|复议后起诉|直接起诉/;
