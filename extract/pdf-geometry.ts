// Ruling lines from a pdf.js operator list: the drawn borders that delimit table cells.
// Producers draw them as stroked lines (Word, WPS), thin filled rectangles (Chromium/Skia,
// LibreOffice) or stroked rectangles; all become axis-aligned segments in page space.

export interface Segment {
  /** 'h': y fixed, x0..x1; 'v': x fixed, y0..y1 (page space, y up). */
  dir: 'h' | 'v';
  pos: number;
  from: number;
  to: number;
}

export interface PageGraphics {
  segments: Segment[];
  /** Number of images painted (scanned pages are one big image). */
  images: number;
  /** Fraction of the page covered by the largest image (0..1). */
  imageCover: number;
}

/** The pdf.js OPS codes this module reads (passed in so the module stays free of pdf.js). */
export interface OpCodes {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  paintImageXObject: number;
  paintInlineImageXObject: number;
  paintImageMaskXObject: number;
  paintImageXObjectRepeat: number;
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function multiply(m: Matrix, n: Matrix): Matrix {
  // n applied first, then m (PDF: new CTM = n × CTM).
  return [
    n[0] * m[0] + n[1] * m[2],
    n[0] * m[1] + n[1] * m[3],
    n[2] * m[0] + n[3] * m[2],
    n[2] * m[1] + n[3] * m[3],
    n[4] * m[0] + n[5] * m[2] + m[4],
    n[4] * m[1] + n[5] * m[3] + m[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** A line thinner than this (pt) is a rule, not a shaded area. */
const MAX_RULE_THICKNESS = 3;
/** Path segments shorter than this are glyph-like marks, not borders. */
const MIN_RULE_LENGTH = 2;
/** Cap on path points read per page: a hostile PDF can draw millions. */
const MAX_POINTS = 400_000;

// pdf.js DrawOPS inside constructPath data.
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const QUAD = 3;
const CLOSE = 4;

export function graphicsFromOperatorList(
  fnArray: ArrayLike<number>,
  argsArray: unknown[],
  ops: OpCodes,
  page: { width: number; height: number },
): PageGraphics {
  const paintOps = new Set([ops.stroke, ops.closeStroke, ops.fill, ops.eoFill, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]);
  const imageOps = new Set([ops.paintImageXObject, ops.paintInlineImageXObject, ops.paintImageMaskXObject, ops.paintImageXObjectRepeat]);
  const stack: Matrix[] = [];
  let ctm: Matrix = IDENTITY;
  const segments: Segment[] = [];
  let images = 0;
  let imageCover = 0;
  let points = 0;
  const pageArea = Math.max(1, page.width * page.height);

  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as any;
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? IDENTITY;
    else if (fn === ops.transform) ctm = multiply(ctm, args as Matrix);
    else if (fn === ops.paintFormXObjectBegin) {
      stack.push(ctm);
      if (args?.[0]) ctm = multiply(ctm, Array.from(args[0] as ArrayLike<number>) as Matrix);
    } else if (fn === ops.paintFormXObjectEnd) ctm = stack.pop() ?? IDENTITY;
    else if (imageOps.has(fn)) {
      images++;
      // An image fills the unit square mapped by the CTM.
      const [x0, y0] = apply(ctm, 0, 0);
      const [x1, y1] = apply(ctm, 1, 1);
      imageCover = Math.max(imageCover, Math.min(1, Math.abs((x1 - x0) * (y1 - y0)) / pageArea));
    } else if (fn === ops.constructPath) {
      const [paint, [data]] = args as [number, [ArrayLike<number> | null]];
      if (!paintOps.has(paint) || !data) continue;
      points += data.length;
      if (points > MAX_POINTS) continue;
      const isFill = paint !== ops.stroke && paint !== ops.closeStroke;
      pathSegments(data, ctm, isFill, segments);
    }
  }
  return { segments, images, imageCover };
}

/** Reads one path: thin rectangles become a rule along their long side; straight strokes become rules. */
function pathSegments(data: ArrayLike<number>, ctm: Matrix, isFill: boolean, out: Segment[]): void {
  let sub: [number, number][] = [];
  const flush = () => {
    if (sub.length >= 4 && isFill) {
      const rect = boundingRect(sub);
      if (rect) {
        const w = rect.x1 - rect.x0;
        const h = rect.y1 - rect.y0;
        if (h <= MAX_RULE_THICKNESS && w >= MIN_RULE_LENGTH) out.push({ dir: 'h', pos: (rect.y0 + rect.y1) / 2, from: rect.x0, to: rect.x1 });
        else if (w <= MAX_RULE_THICKNESS && h >= MIN_RULE_LENGTH) out.push({ dir: 'v', pos: (rect.x0 + rect.x1) / 2, from: rect.y0, to: rect.y1 });
        else if (w > MAX_RULE_THICKNESS && h > MAX_RULE_THICKNESS) {
          // A filled box: a cell background or a bordered box drawn as a filled outline. Its
          // edges are boundaries only if something else draws rules on them; skip it.
        }
        sub = [];
        return;
      }
    }
    // A stroked polyline: every axis-aligned edge is a rule. Filled shapes that are not thin
    // rectangles (glyphs drawn as outlines, logos) draw no rules.
    if (!isFill) for (let k = 1; k < sub.length; k++) addEdge(sub[k - 1], sub[k], out);
    sub = [];
  };
  let i = 0;
  while (i < data.length) {
    const op = data[i];
    if (op === MOVE) {
      flush();
      sub.push(apply(ctm, data[i + 1], data[i + 2]));
      i += 3;
    } else if (op === LINE) {
      sub.push(apply(ctm, data[i + 1], data[i + 2]));
      i += 3;
    } else if (op === CURVE) {
      // Curves are rounded corners or glyph outlines: break the polyline there.
      const end = apply(ctm, data[i + 5], data[i + 6]);
      flush();
      sub.push(end);
      i += 7;
    } else if (op === QUAD) {
      const end = apply(ctm, data[i + 3], data[i + 4]);
      flush();
      sub.push(end);
      i += 5;
    } else if (op === CLOSE) {
      if (sub.length > 1) sub.push(sub[0]);
      flush();
      i += 1;
    } else break; // unknown op: stop reading this path rather than misread it
  }
  flush();
}

function boundingRect(pts: [number, number][]): { x0: number; y0: number; x1: number; y1: number } | undefined {
  // Axis-aligned when every edge is horizontal or vertical.
  for (let k = 1; k < pts.length; k++) {
    const [ax, ay] = pts[k - 1];
    const [bx, by] = pts[k];
    if (Math.abs(ax - bx) > 0.5 && Math.abs(ay - by) > 0.5) return undefined;
  }
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

function addEdge([ax, ay]: [number, number], [bx, by]: [number, number], out: Segment[]): void {
  if (Math.abs(ay - by) <= 0.5 && Math.abs(ax - bx) >= MIN_RULE_LENGTH) {
    out.push({ dir: 'h', pos: (ay + by) / 2, from: Math.min(ax, bx), to: Math.max(ax, bx) });
  } else if (Math.abs(ax - bx) <= 0.5 && Math.abs(ay - by) >= MIN_RULE_LENGTH) {
    out.push({ dir: 'v', pos: (ax + bx) / 2, from: Math.min(ay, by), to: Math.max(ay, by) });
  }
}
