// The opinion map as a picture and as a table that says the same: pure, so both are tested
// without a browser. Each group has a shape as well as a colour, so no one needs to tell
// colours apart; the colours are GOV.UK's, each at least 3:1 against white.

export const MAP_WIDTH = 600;
export const MAP_HEIGHT = 400;
const PADDING = 24;
const MARK = 4;

/** At most this many points are drawn; beyond it every n-th person is, and the page says so. */
export const MOST_POINTS = 3_000;

const COLOURS = [
  { name: 'blue', hex: '#1d70b8' },
  { name: 'red', hex: '#d4351c' },
  { name: 'green', hex: '#00703c' },
  { name: 'purple', hex: '#4c2c92' },
  { name: 'pink', hex: '#912b88' },
] as const;
export type ColourName = (typeof COLOURS)[number]['name'];
const SHAPES = ['circle', 'square', 'triangle', 'diamond', 'cross'] as const;
export type Shape = (typeof SHAPES)[number];

export interface MapGroupInput {
  /** The group's number (0, 1, …): its letter, colour and shape follow from it. */
  readonly id: number;
  readonly points: readonly (readonly [number, number])[];
}

export interface MapSeries {
  readonly id: number;
  readonly letter: string;
  readonly colour: string;
  readonly colourName: ColourName;
  readonly shape: Shape;
  /** Where the group's letter goes: its middle, in picture coordinates. */
  readonly labelX: number;
  readonly labelY: number;
  /** A single mark of the group's shape at (10, 10), for the key. */
  readonly sample: string;
  /** One SVG path drawing a mark for every point of the group. */
  readonly path: string;
  readonly drawn: number;
}

export interface MapRow {
  readonly id: number;
  readonly letter: string;
  readonly colourName: ColourName;
  readonly shape: Shape;
  readonly people: number;
  /** The middle of the group on the map, from -1 (left, bottom) to 1 (right, top). */
  readonly across: number;
  readonly up: number;
  /** The same in words: 'left' | 'centre' | 'right', 'top' | 'middle' | 'bottom'. */
  readonly side: 'left' | 'centre' | 'right';
  readonly height: 'top' | 'middle' | 'bottom';
}

export interface MapModel {
  readonly width: number;
  readonly height: number;
  readonly series: readonly MapSeries[];
  readonly rows: readonly MapRow[];
  /** People drawn, and people in the groups shown: fewer are drawn beyond MOST_POINTS. */
  readonly drawn: number;
  readonly people: number;
}

const round1 = (n: number): number => Math.round(n * 10) / 10;
const round2 = (n: number): number => Math.round(n * 100) / 100;

function mark(shape: Shape, x: number, y: number): string {
  const [cx, cy, r] = [round1(x), round1(y), MARK];
  switch (shape) {
    case 'circle':
      return `M${cx - r} ${cy}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0Z`;
    case 'square':
      return `M${cx - r} ${cy - r}h${2 * r}v${2 * r}h${-2 * r}Z`;
    case 'triangle':
      return `M${cx} ${cy - r - 1}l${r + 1} ${2 * r + 1}h${-2 * r - 2}Z`;
    case 'diamond':
      return `M${cx} ${cy - r - 1}l${r + 1} ${r + 1}l${-r - 1} ${r + 1}l${-r - 1} ${-r - 1}Z`;
    case 'cross':
      return `M${cx - r} ${cy - 1}h${2 * r}v2h${-2 * r}ZM${cx - 1} ${cy - r}h2v${2 * r}h-2Z`;
  }
}

const sideOf = (v: number): MapRow['side'] =>
  v < -1 / 3 ? 'left' : v > 1 / 3 ? 'right' : 'centre';
const heightOf = (v: number): MapRow['height'] =>
  v < -1 / 3 ? 'bottom' : v > 1 / 3 ? 'top' : 'middle';

/**
 * Scales the groups' points to fill the picture (the same scale on both axes, so distances
 * keep their meaning) and summarises each group for the table: size and where its middle is.
 */
export function opinionMapModel(groups: readonly MapGroupInput[]): MapModel {
  const all = groups.flatMap((group) => group.points);
  const people = all.length;
  let extent = 0;
  for (const [x, y] of all) extent = Math.max(extent, Math.abs(x), Math.abs(y));
  const scale = extent === 0 ? 1 : 1 / extent;
  const halfWidth = MAP_WIDTH / 2 - PADDING;
  const halfHeight = MAP_HEIGHT / 2 - PADDING;
  const reach = Math.min(halfWidth, halfHeight);
  const stride = Math.max(1, Math.ceil(people / MOST_POINTS));

  let drawn = 0;
  const series: MapSeries[] = [];
  const rows: MapRow[] = [];
  for (const group of groups) {
    const shape = SHAPES[group.id % SHAPES.length] ?? 'circle';
    const colour = COLOURS[group.id % COLOURS.length] ?? COLOURS[0];
    const toX = (x: number): number => MAP_WIDTH / 2 + x * reach;
    const toY = (y: number): number => MAP_HEIGHT / 2 - y * reach;
    const marks: string[] = [];
    let sumX = 0;
    let sumY = 0;
    group.points.forEach(([x, y], i) => {
      sumX += x * scale;
      sumY += y * scale;
      if (i % stride !== 0) return;
      // SVG's y runs down the page; the map's runs up.
      marks.push(mark(shape, toX(x * scale), toY(y * scale)));
    });
    drawn += marks.length;
    const n = group.points.length;
    const across = n === 0 ? 0 : round2(sumX / n);
    const up = n === 0 ? 0 : round2(sumY / n);
    series.push({
      id: group.id,
      letter: groupLetter(group.id),
      colour: colour.hex,
      colourName: colour.name,
      shape,
      labelX: round1(toX(across)),
      labelY: round1(toY(up)),
      sample: mark(shape, 10, 10),
      path: marks.join(''),
      drawn: marks.length,
    });
    rows.push({
      id: group.id,
      letter: groupLetter(group.id),
      colourName: colour.name,
      shape,
      people: n,
      across,
      up,
      side: sideOf(across),
      height: heightOf(up),
    });
  }
  return { width: MAP_WIDTH, height: MAP_HEIGHT, series, rows, drawn, people };
}

/** A group's letter, as Polis shows them: 0 is A. */
export const groupLetter = (id: number): string =>
  id < 26 ? String.fromCharCode(65 + id) : `G${id + 1}`;
