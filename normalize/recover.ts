// Recovering table cells that lost their separators ("640020470" → 64|0|0|2|0|4|70).
// A run of digits has many splits; the template's own identities pick the right one. When more
// than one split survives every identity the cells stay empty: a wrong number is worse than none.

/** Searches stop after this many steps and report the rows as ambiguous. */
export const SEARCH_BUDGET = 100_000;
/** No table cell of these templates needs more digits (a million applications or cases). */
export const MAX_PART_DIGITS = 7;

/**
 * Every way to cut `segments` (digit runs, a segment may start with + or -) into exactly `parts`
 * numbers, keeping the known boundaries between segments. No part has a leading zero ("0" itself
 * is fine); a sign only starts a part. `accept` filters complete splits. Returns undefined when
 * the enumeration exceeds `budget` steps.
 */
export function enumerateSplits(
  segments: string[],
  parts: number,
  accept: (values: number[]) => boolean = () => true,
  budget = SEARCH_BUDGET,
): number[][] | undefined {
  const out: number[][] = [];
  const current: number[] = [];
  const bodies = segments.map((s) => s.replace(/^[+-]/, ''));
  const negative = segments.map((s) => s[0] === '-');
  // Digits in the segments after i, for pruning.
  const digitsAfter: number[] = new Array(segments.length).fill(0);
  for (let i = segments.length - 2; i >= 0; i--) digitsAfter[i] = digitsAfter[i + 1] + bodies[i + 1].length;
  let steps = 0;
  const walk = (seg: number, pos: number): boolean => {
    if (++steps > budget) return false;
    if (seg === segments.length) {
      if (current.length === parts && accept(current)) out.push(current.slice());
      return true;
    }
    const body = bodies[seg];
    const segsAfter = segments.length - seg - 1;
    for (let end = pos + 1; end <= body.length; end++) {
      if (body[pos] === '0' && end > pos + 1) break;
      if (end - pos > MAX_PART_DIGITS) break;
      const partsLeft = parts - current.length - 1;
      if (partsLeft < 0) break;
      const digitsLeft = body.length - end + digitsAfter[seg];
      if (digitsLeft < partsLeft) break;
      if (digitsLeft > partsLeft * MAX_PART_DIGITS) continue; // the rest cannot fit: take more now
      if (partsLeft < segsAfter + (end < body.length ? 1 : 0)) continue;
      const n = Number(body.slice(pos, end));
      current.push(pos === 0 && negative[seg] ? -n : n);
      const ok = end === body.length ? walk(seg + 1, 0) : walk(seg, end);
      current.pop();
      if (!ok) return false;
    }
    return true;
  };
  return walk(0, 0) ? out : undefined;
}

/** A row whose cells are unknown: its candidate splits (each already satisfies the row's own identity). */
export interface Unknown {
  id: string;
  candidates: number[][];
}

/** A linear identity: Σ coefficient × cell + constant = 0, over unknown rows' cells. */
export interface Identity {
  terms: Array<{ id: string; index: number; coefficient: number }>;
  constant: number;
}

export interface Resolution {
  /** The only surviving split, when there is exactly one. */
  values?: number[];
  /** How many distinct splits of this row survive (0: none fits). */
  surviving: number;
}

/**
 * Chooses one candidate per unknown row so that every identity holds. Rows with a single
 * surviving candidate across all joint solutions are resolved; others report how many fit.
 * If no joint solution exists (the report's own arithmetic is off), each row stands alone.
 */
export function solveJointly(unknowns: Unknown[], identities: Identity[], budget = SEARCH_BUDGET): Map<string, Resolution> {
  const order = unknowns.slice().sort((a, b) => a.candidates.length - b.candidates.length);
  const position = new Map(order.map((u, i) => [u.id, i]));
  // Each identity is checked once its last unknown is assigned.
  const checkAt: Identity[][] = order.map(() => []);
  for (const id of identities) {
    let last = -1;
    let usable = true;
    for (const t of id.terms) {
      const p = position.get(t.id);
      if (p === undefined) usable = false;
      else last = Math.max(last, p);
    }
    if (usable && last >= 0) checkAt[last].push(id);
  }
  const chosen: number[] = new Array(order.length).fill(-1);
  const seen: Array<Set<number>> = order.map(() => new Set());
  const byId = new Map<string, number>();
  let steps = 0;
  let solutions = 0;
  let exhausted = false;
  const valueOf = (id: string, index: number) => {
    const p = byId.get(id)!;
    return order[p].candidates[chosen[p]][index];
  };
  const search = (i: number): void => {
    if (exhausted) return;
    if (i === order.length) {
      solutions++;
      chosen.forEach((c, k) => seen[k].add(c));
      return;
    }
    for (let c = 0; c < order[i].candidates.length; c++) {
      if (++steps > budget) {
        exhausted = true;
        return;
      }
      chosen[i] = c;
      byId.set(order[i].id, i);
      const holds = checkAt[i].every(
        (id) => id.terms.reduce((s, t) => s + t.coefficient * valueOf(t.id, t.index), id.constant) === 0,
      );
      if (holds) search(i + 1);
      if (exhausted) return;
    }
    chosen[i] = -1;
  };
  search(0);
  const result = new Map<string, Resolution>();
  order.forEach((u, k) => {
    if (exhausted || solutions === 0) {
      // No joint answer to lean on: only a row that is unique by itself is trusted.
      result.set(u.id, u.candidates.length === 1 && !exhausted
        ? { values: u.candidates[0], surviving: 1 }
        : { surviving: exhausted ? Math.max(u.candidates.length, 2) : u.candidates.length });
      return;
    }
    const s = seen[k];
    result.set(u.id, s.size === 1 ? { values: u.candidates[[...s][0]], surviving: 1 } : { surviving: s.size });
  });
  return result;
}

/** Split a run-together signed cell at its signs: "120+1036" → ["120", "+1036"]. */
export function splitAtSigns(text: string): string[] {
  return text.split(/(?=[+-])/).filter((s) => s !== '');
}
