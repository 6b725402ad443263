// Glyph → character repairs for text read out of PDFs.
//
// PDF producers (Chromium/Skia with Noto CJK, some WPS and Word exports) write ToUnicode maps
// that send a shared glyph to a radical or variant code point instead of the ideograph the
// author typed: 长 comes out as ⻓ (U+2ED3, CJK Radicals Supplement), 民 as ⺠, 一 as ⼀ (Kangxi
// Radicals), 户 as 戶. Labels and place names must match the HTML of the same report, so these
// are folded back. Kangxi radicals and compatibility ideographs fold by NFKC; the supplement
// block has no Unicode decomposition, so its full-character forms are listed here (Unihan
// EquivalentUnifiedIdeograph, simplified forms first).
const SUPPLEMENT: Record<string, string> = {
  '\u2E8C': '小', '\u2E8D': '小', '\u2E97': '心', '\u2E9D': '月', '\u2E9F': '母', '\u2EA0': '民',
  '\u2EA7': '牛', '\u2EA9': '王', '\u2EAB': '目', '\u2EAC': '示', '\u2EAE': '竹', '\u2EB3': '网',
  '\u2EB6': '羊', '\u2EBB': '聿', '\u2EBC': '肉', '\u2EC1': '虎', '\u2EC4': '西', '\u2EC5': '见',
  '\u2EC6': '角', '\u2EC9': '贝', '\u2ECB': '车', '\u2ED1': '長', '\u2ED3': '长', '\u2ED4': '门',
  '\u2ED7': '雨', '\u2ED8': '青', '\u2ED9': '韦', '\u2EDA': '页', '\u2EDB': '风', '\u2EDC': '飞',
  '\u2EDD': '食', '\u2EE2': '马', '\u2EE3': '骨', '\u2EE4': '鬼', '\u2EE5': '鱼', '\u2EE6': '鸟',
  '\u2EE7': '卤', '\u2EE8': '麦', '\u2EE9': '黄', '\u2EEA': '黾', '\u2EEC': '齐', '\u2EEE': '齿',
  '\u2EF0': '龙', '\u2EF3': '龟',
};

// Traditional or variant forms that Simplified-Chinese fonts draw with the simplified glyph, so
// the reverse map picks the wrong one. Only forms that never occur in a mainland report.
const VARIANTS: Record<string, string> = {
  '戶': '户',
  '\u2015': '—', // HORIZONTAL BAR for the em dash of "——"
  '\u2329': '〈', // NFKC would do these two, kept here with the other punctuation
  '\u232A': '〉',
};

const KANGXI_OR_COMPAT = /[\u2F00-\u2FDF\uF900-\uFAFF]/;
const ANY = /[\u2E80-\u2FDF\uF900-\uFAFF戶\u2015\u2329\u232A]/g;

export function repairGlyphs(s: string): string {
  return s.replace(ANY, (ch) => {
    // NFKC first: the Kangxi radical ⼾ folds to 戶, which then needs the variant fold.
    const folded = SUPPLEMENT[ch] ?? (KANGXI_OR_COMPAT.test(ch) ? ch.normalize('NFKC') : ch);
    return VARIANTS[folded] ?? folded;
  });
}
