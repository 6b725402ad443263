// capNesting is a hand-written scanner (the regex it replaced backtracked over every attribute
// character). It must drop exactly the tags the regex definition drops: this pins the two together
// on hostile markup and on generated tag soup.
import { describe, expect, it } from 'vitest';
import { capNesting } from './html.ts';

const OPTIONAL_END = new Set(['p', 'li', 'dt', 'dd', 'td', 'th', 'tr', 'tbody', 'thead', 'tfoot', 'colgroup', 'option', 'optgroup', 'rt', 'rp', 'html', 'head', 'body']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen', 'basefont', 'frame', 'isindex', 'o:p']);

/** The definition: tags are what /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)[^>]*?(\/?)>/g matches. */
function reference(html: string, limit: number): { html: string; dropped: number } {
  const re = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)[^>]*?(\/?)>/g;
  const kept: boolean[] = [];
  let depth = 0;
  let dropped = 0;
  let out = '';
  let last = 0;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    const name = m[2].toLowerCase();
    if (OPTIONAL_END.has(name)) continue;
    let drop = false;
    if (m[1]) {
      if (kept.length === 0) continue;
      if (kept.pop()) depth--;
      else drop = true;
    } else if (!m[3] && !VOID.has(name)) {
      drop = depth >= limit;
      kept.push(!drop);
      if (!drop) depth++;
    }
    if (drop) {
      out += html.slice(last, m.index);
      last = m.index + m[0].length;
      dropped++;
    }
  }
  return dropped ? { html: out + html.slice(last), dropped } : { html, dropped };
}

describe('capNesting', () => {
  it('drops the tags beyond the cap and keeps their text, as the regex definition does', () => {
    const cases = [
      `${'<div class="a>b">'.repeat(5)}正文${'</div>'.repeat(5)}`,
      `${'<DIV><Span>'.repeat(4)}内容<br/><img src=x />${'</SPAN></div>'.repeat(4)}`,
      `${'<section data-x="1/">'.repeat(4)}<blockquote>引文</BLOCKQUOTE>${'</section>'.repeat(4)}`,
      `<div>< div>不是标签</><1>${'<o:p>'.repeat(6)}${'<font face=宋体>'.repeat(5)}2019${'</font>'.repeat(5)}</div>`,
      `${'<div>'.repeat(6)}未闭合 <div title="没有结束`,
      `<!-- <div><div><div> --><script>if (a<b) {}</script>${'<table><tbody><tr><td>'.repeat(4)}18`,
    ];
    for (const html of cases) {
      for (const limit of [0, 1, 2, 3, 400]) expect(capNesting(html, limit)).toEqual(reference(html, limit));
    }
    expect(capNesting(cases[0], 2).dropped).toBe(6);
    expect(capNesting(cases[0], 2).html).toContain('正文');
  });

  it('agrees with the definition on generated tag soup', () => {
    const atoms = ['<', '>', '/', '</', 'div', 'P', 'br', 'o:p', 'a-b', ' ', 'x="1"', '<!--', '-->', '中', '7', '<div>', '</div>', '<span class=a>', '</span>', '<br/>', '<img src=x />', '<a/>', '<blockquote>', '</BLOCKQUOTE>', '<basefont>'];
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x80000000;
    for (let t = 0; t < 5000; t++) {
      let html = '';
      for (let i = Math.floor(next() * 40); i > 0; i--) html += atoms[Math.floor(next() * atoms.length)];
      const limit = Math.floor(next() * 4);
      expect(capNesting(html, limit)).toEqual(reference(html, limit));
    }
  });
});
