/**
 * Force layout of a network, deterministic and fast enough for 10,000 nodes and 50,000 edges.
 *
 * d3-force alone needs ~300 ticks to untangle a network, and at 10,000 nodes one tick of its
 * many-body force costs ~50 ms here (15 s in all). So the layout is multilevel (as in sfdp/FM3):
 * the network is coarsened by merging neighbours until ~150 nodes remain; that one is laid out
 * with d3-force in full (300 ticks); then each finer level starts from its parent's position and is
 * refined with 40 ticks. Levels above 1,000 nodes use a short-range repulsion on a grid
 * (a custom d3 force, linear time) instead of d3's Barnes–Hut many-body force: the large-scale
 * shape is already set by the coarser levels.
 *
 * Nodes without edges are kept out of the simulation and set on rings around the rest.
 * All randomness comes from one seeded PRNG: the same input gives the same positions.
 */
import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type Force, type SimulationLinkDatum, type SimulationNodeDatum } from "d3-force";

export interface LayoutEdge {
  source: number;
  target: number;
  weight: number;
}

/** Edge length between two single nodes, in layout units. */
const LINK = 20;
const CHARGE = -30;
const COARSEST = 150;
const FULL_TICKS = 300;
const REFINE_TICKS = 40;
/** Levels with more nodes than this use the grid repulsion. */
const MANY_BODY_LIMIT = 1000;
/** Reach of the grid repulsion, in edge lengths… */
const CUTOFF = 3;
/** …or, where nodes are packed closer, this many times their mean spacing (≈ 20 neighbours in reach). */
const REACH = 2;
/** Time between turns given to the event loop. */
const SLICE_MS = 25;

interface Level {
  n: number;
  mass: Float64Array;
  source: Int32Array;
  target: Int32Array;
  weight: Float64Array;
}

interface SimNode extends SimulationNodeDatum {
  x: number;
  y: number;
  mass: number;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface LayoutOptions {
  /** Ranks the nodes for the rings of nodes without edges (e.g. by group, so that colours sit together); by default, input order. */
  order?: readonly number[];
  /** Keep nodes at least this far apart (in edge lengths) in the finest level: room for names. */
  spacing?: number;
}

/**
 * Positions (x0, y0, x1, y1, …) for nodes 0…n-1, centred on (0, 0), in units where an edge is
 * about 20 long (scale them to the picture).
 */
export async function layoutNetwork(n: number, edges: readonly LayoutEdge[], options: LayoutOptions = {}): Promise<Float64Array> {
  const out = new Float64Array(2 * n);
  if (n === 0) return out;
  const random = mulberry32(0x6d757375); // "musu"

  // Connected nodes (with at least one edge) get the simulation; the others, rings.
  const degree = new Int32Array(n);
  for (const e of edges) {
    degree[e.source]!++;
    degree[e.target]!++;
  }
  const local = new Int32Array(n).fill(-1);
  const members: number[] = [];
  for (let i = 0; i < n; i++) if (degree[i]! > 0) local[i] = members.push(i) - 1;

  let radius = 0;
  if (members.length > 0) {
    const pos = await multilevel(finestLevel(members.length, edges, local), random, options.spacing ?? 0);
    let cx = 0;
    let cy = 0;
    for (let k = 0; k < members.length; k++) {
      cx += pos[2 * k]!;
      cy += pos[2 * k + 1]!;
    }
    cx /= members.length;
    cy /= members.length;
    members.forEach((node, k) => {
      const x = pos[2 * k]! - cx;
      const y = pos[2 * k + 1]! - cy;
      out[2 * node] = x;
      out[2 * node + 1] = y;
      radius = Math.max(radius, Math.hypot(x, y));
    });
  }

  const alone = (options.order ?? Array.from({ length: n }, (_, i) => i)).filter((i) => degree[i] === 0);
  placeOnRings(alone, out, radius);
  return out;
}

/** Nodes without edges on rings outside radius `inner` (a filled disc when nothing else is there), `LINK` apart. */
function placeOnRings(nodes: readonly number[], out: Float64Array, inner: number): void {
  const gap = LINK * 0.9;
  let r = inner > 0 ? inner + 2 * LINK : 0;
  let k = 0;
  while (k < nodes.length) {
    const slots = r === 0 ? 1 : Math.max(6, Math.floor((2 * Math.PI * r) / gap));
    const count = Math.min(slots, nodes.length - k);
    for (let s = 0; s < count; s++) {
      const a = (2 * Math.PI * s) / count - Math.PI / 2; // the last ring, not full, spread all round
      const node = nodes[k + s]!;
      out[2 * node] = r * Math.cos(a);
      out[2 * node + 1] = r * Math.sin(a);
    }
    k += count;
    r += gap;
  }
}

/** The connected nodes as level 0: parallel edges merged (weights added), loops dropped. */
function finestLevel(n: number, edges: readonly LayoutEdge[], local: Int32Array): Level {
  const merged = new Map<number, number>();
  for (const e of edges) {
    const a = local[e.source]!;
    const b = local[e.target]!;
    if (a === b || a < 0 || b < 0) continue;
    const key = a < b ? a * n + b : b * n + a;
    merged.set(key, (merged.get(key) ?? 0) + e.weight);
  }
  return levelOf(n, new Float64Array(n).fill(1), merged);
}

function levelOf(n: number, mass: Float64Array, merged: Map<number, number>): Level {
  const m = merged.size;
  const source = new Int32Array(m);
  const target = new Int32Array(m);
  const weight = new Float64Array(m);
  let k = 0;
  for (const [key, w] of merged) {
    source[k] = Math.floor(key / n);
    target[k] = key % n;
    weight[k] = w;
    k++;
  }
  return { n, mass, source, target, weight };
}

/**
 * One coarser level: heavy-edge matching (a node joins the unmatched neighbour with the heaviest
 * edge for their masses), then nodes left alone join a matched neighbour's pair (so stars collapse).
 */
function coarsen(level: Level, random: () => number): { coarse: Level; parent: Int32Array } {
  const { n, mass, source, target, weight } = level;
  const start = new Int32Array(n + 1);
  for (let k = 0; k < source.length; k++) {
    start[source[k]! + 1]!++;
    start[target[k]! + 1]!++;
  }
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, n);
  const adj = new Int32Array(2 * source.length);
  const adjW = new Float64Array(2 * source.length);
  for (let k = 0; k < source.length; k++) {
    const a = source[k]!;
    const b = target[k]!;
    adj[fill[a]!] = b;
    adjW[fill[a]!++] = weight[k]!;
    adj[fill[b]!] = a;
    adjW[fill[b]!++] = weight[k]!;
  }

  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  const mate = new Int32Array(n).fill(-1);
  for (const i of order) {
    if (mate[i] !== -1) continue;
    let best = -1;
    let bestScore = 0;
    for (let k = start[i]!; k < start[i + 1]!; k++) {
      const j = adj[k]!;
      if (mate[j] !== -1) continue;
      const score = adjW[k]! / (mass[i]! * mass[j]!);
      if (score > bestScore) {
        bestScore = score;
        best = j;
      }
    }
    if (best >= 0) {
      mate[i] = best;
      mate[best] = i;
    }
  }
  const parent = new Int32Array(n).fill(-1);
  let coarseN = 0;
  for (let i = 0; i < n; i++) {
    if (parent[i] !== -1 || mate[i] === -1) continue;
    parent[i] = parent[mate[i]!] = coarseN++;
  }
  for (let i = 0; i < n; i++) {
    if (parent[i] !== -1) continue;
    // Alone: join the neighbour (already in a pair) with the heaviest edge, or stay alone.
    let best = -1;
    let bestScore = 0;
    for (let k = start[i]!; k < start[i + 1]!; k++) {
      const j = adj[k]!;
      if (mate[j] === -1) continue;
      const score = adjW[k]! / mass[j]!;
      if (score > bestScore) {
        bestScore = score;
        best = j;
      }
    }
    parent[i] = best >= 0 && parent[best] !== -1 ? parent[best]! : coarseN++;
  }

  const coarseMass = new Float64Array(coarseN);
  for (let i = 0; i < n; i++) coarseMass[parent[i]!]! += mass[i]!;
  const merged = new Map<number, number>();
  for (let k = 0; k < source.length; k++) {
    const a = parent[source[k]!]!;
    const b = parent[target[k]!]!;
    if (a === b) continue;
    const key = a < b ? a * coarseN + b : b * coarseN + a;
    merged.set(key, (merged.get(key) ?? 0) + weight[k]!);
  }
  return { coarse: levelOf(coarseN, coarseMass, merged), parent };
}

async function multilevel(finest: Level, random: () => number, spacing: number): Promise<Float64Array> {
  const levels: Level[] = [finest];
  const parents: Int32Array[] = [];
  while (levels[levels.length - 1]!.n > COARSEST) {
    const { coarse, parent } = coarsen(levels[levels.length - 1]!, random);
    if (coarse.n > 0.8 * levels[levels.length - 1]!.n) break; // matching stalls: refine from here
    levels.push(coarse);
    parents.push(parent);
  }

  // The coarsest level from random positions in a disc, in full.
  const top = levels[levels.length - 1]!;
  let pos: Float64Array = new Float64Array(2 * top.n);
  const spread = LINK * Math.sqrt(finest.n);
  for (let i = 0; i < top.n; i++) {
    const r = spread * Math.sqrt(random());
    const a = 2 * Math.PI * random();
    pos[2 * i] = r * Math.cos(a);
    pos[2 * i + 1] = r * Math.sin(a);
  }
  // When coarsening stalls early (many small components, which end up as nodes without edges),
  // the top level can be large: fewer ticks, and the grid repulsion above MANY_BODY_LIMIT.
  const topTicks = top.n <= 2 * COARSEST ? FULL_TICKS : Math.max(60, Math.round((FULL_TICKS * 2 * COARSEST) / top.n));
  const yielder = eventLoopTurns();
  pos = await simulate(top, pos, 1, topTicks, top.n <= MANY_BODY_LIMIT, levels.length === 1 ? spacing : 0, random, yielder);

  // Each finer level: start where the parent is (a little apart), then refine.
  for (let l = levels.length - 2; l >= 0; l--) {
    const level = levels[l]!;
    const parent = parents[l]!;
    const coarseMass = levels[l + 1]!.mass;
    const next = new Float64Array(2 * level.n);
    for (let i = 0; i < level.n; i++) {
      const p = parent[i]!;
      const r = 0.5 * LINK * Math.sqrt(coarseMass[p]!) * Math.sqrt(random());
      const a = 2 * Math.PI * random();
      next[2 * i] = pos[2 * p]! + r * Math.cos(a);
      next[2 * i + 1] = pos[2 * p + 1]! + r * Math.sin(a);
    }
    pos = await simulate(level, next, 0.3, REFINE_TICKS, level.n <= MANY_BODY_LIMIT, l === 0 ? spacing : 0, random, yielder);
  }
  return pos;
}

/** Lets other work run every SLICE_MS of layout (the ticks done do not depend on it). */
function eventLoopTurns(): () => Promise<void> | undefined {
  let last = performance.now();
  return () => {
    if (performance.now() - last < SLICE_MS) return undefined;
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        last = performance.now();
        resolve();
      }),
    );
  };
}

async function simulate(
  level: Level,
  pos: Float64Array,
  alpha: number,
  ticks: number,
  manyBody: boolean,
  spacing: number,
  random: () => number,
  turn: () => Promise<void> | undefined,
): Promise<Float64Array> {
  const nodes: SimNode[] = [];
  for (let i = 0; i < level.n; i++) nodes.push({ x: pos[2 * i]!, y: pos[2 * i + 1]!, mass: level.mass[i]! });
  const links: SimulationLinkDatum<SimNode>[] = [];
  for (let k = 0; k < level.source.length; k++) links.push({ source: level.source[k]!, target: level.target[k]! });
  const size = (node: SimNode) => Math.sqrt(node.mass);
  const gravity = 0.03 / Math.sqrt(Math.max(1, level.n / COARSEST));
  const sim = forceSimulation<SimNode>(nodes)
    .randomSource(random)
    .alpha(alpha)
    .alphaDecay(1 - Math.pow(0.001 / alpha, 1 / ticks))
    .force(
      "link",
      forceLink<SimNode, SimulationLinkDatum<SimNode>>(links).distance(
        (l) => (LINK * (size(l.source as SimNode) + size(l.target as SimNode))) / 2,
      ),
    )
    .force(
      "charge",
      manyBody
        ? forceManyBody<SimNode>().strength((node) => CHARGE * node.mass).theta(0.9)
        : gridRepulsion(CHARGE, CUTOFF * LINK, random),
    )
    .force("collide", spacing > 0 ? forceCollide<SimNode>((spacing * LINK) / 2).iterations(2) : null)
    .force("x", forceX<SimNode>(0).strength(gravity))
    .force("y", forceY<SimNode>(0).strength(gravity))
    .stop();
  for (let t = 0; t < ticks; t++) {
    sim.tick();
    const wait = turn();
    if (wait) await wait;
  }
  const out = new Float64Array(2 * level.n);
  nodes.forEach((node, i) => {
    out[2 * i] = node.x;
    out[2 * i + 1] = node.y;
  });
  return out;
}

/** A cell holding more nodes than this acts on others through its centre of mass. */
const CROWDED = 32;

/**
 * Repulsion between nodes within reach (d3's many-body law, faded to zero at the reach), found
 * through a grid of reach-sized cells: linear time per tick. The reach is `cutoff`, or less where
 * nodes are packed closely (a few mean spacings). A crowded cell (more than CROWDED nodes, as round
 * a hub with thousands of leaves) acts and is acted on through its centre of mass, so that a tick
 * stays linear whatever the input.
 */
function gridRepulsion(strength: number, cutoff: number, random: () => number): Force<SimNode, undefined> {
  let nodes: SimNode[] = [];
  let cellOf = new Int32Array(0);
  let sorted = new Int32Array(0);
  let fx = new Float64Array(0);
  let fy = new Float64Array(0);
  const near = new Int32Array(4);
  const force = (alpha: number) => {
    const n = nodes.length;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const node of nodes) {
      if (node.x < minX) minX = node.x;
      if (node.x > maxX) maxX = node.x;
      if (node.y < minY) minY = node.y;
      if (node.y > maxY) maxY = node.y;
    }
    const area = (maxX - minX + 1) * (maxY - minY + 1);
    const reach = Math.min(cutoff, Math.max(REACH * Math.sqrt(area / n), cutoff / 4));
    const c2 = reach * reach;
    // Cells at least `reach` wide (wider if the nodes are spread thin, to bound the grid's size).
    const cell = Math.max(reach, Math.sqrt(area / (4 * n + 16)));
    const cols = Math.floor((maxX - minX) / cell) + 1;
    const rows = Math.floor((maxY - minY) / cell) + 1;
    const cells = cols * rows;
    const start = new Int32Array(cells + 1);
    for (let i = 0; i < n; i++) {
      const node = nodes[i]!;
      const c = Math.floor((node.y - minY) / cell) * cols + Math.floor((node.x - minX) / cell);
      cellOf[i] = c;
      start[c + 1]!++;
    }
    for (let c = 0; c < cells; c++) start[c + 1]! += start[c]!;
    const fill = start.slice(0, cells);
    for (let i = 0; i < n; i++) sorted[fill[cellOf[i]!]!++] = i;
    // Mass and centre of mass of each crowded cell.
    const crowdMass = new Float64Array(cells);
    const crowdX = new Float64Array(cells);
    const crowdY = new Float64Array(cells);
    for (let c = 0; c < cells; c++) {
      if (start[c + 1]! - start[c]! <= CROWDED) continue;
      let m = 0;
      let x = 0;
      let y = 0;
      for (let k = start[c]!; k < start[c + 1]!; k++) {
        const node = nodes[sorted[k]!]!;
        m += node.mass;
        x += node.mass * node.x;
        y += node.mass * node.y;
      }
      crowdMass[c] = m;
      crowdX[c] = x / m;
      crowdY[c] = y / m;
    }

    fx.fill(0, 0, n);
    fy.fill(0, 0, n);
    /** Push on node i from mass `m` at (x, y), none beyond the reach; node j (when ≥ 0, the one at (x, y)) is pushed back. */
    const push = (i: number, x: number, y: number, m: number, j: number) => {
      const a = nodes[i]!;
      let dx = x - a.x;
      let dy = y - a.y;
      let l = dx * dx + dy * dy;
      if (l >= c2) return;
      if (l < 1e-6) {
        dx = (random() - 0.5) * 1e-3;
        dy = (random() - 0.5) * 1e-3;
        l = dx * dx + dy * dy;
      }
      if (l < 1) l = Math.sqrt(l); // as d3's distanceMin(1): no blow-up when two nodes nearly meet
      const w = strength * (1 / l - 1 / c2);
      fx[i]! += dx * w * m;
      fy[i]! += dy * w * m;
      if (j >= 0) {
        fx[j]! -= dx * w * a.mass;
        fy[j]! -= dy * w * a.mass;
      }
    };
    /** Every node of cell `c` pushed by cell `d` (d ≠ c), and the other way round. */
    const between = (c: number, d: number) => {
      const crowdedC = crowdMass[c]! > 0;
      const crowdedD = crowdMass[d]! > 0;
      for (let k = start[c]!; k < start[c + 1]!; k++) {
        const i = sorted[k]!;
        if (crowdedD) push(i, crowdX[d]!, crowdY[d]!, crowdMass[d]!, -1);
        else if (!crowdedC) {
          for (let m = start[d]!; m < start[d + 1]!; m++) {
            const j = sorted[m]!;
            push(i, nodes[j]!.x, nodes[j]!.y, nodes[j]!.mass, j);
          }
        } else {
          for (let m = start[d]!; m < start[d + 1]!; m++) {
            const j = sorted[m]!;
            push(i, nodes[j]!.x, nodes[j]!.y, nodes[j]!.mass, -1);
          }
        }
      }
      if (crowdedC) {
        for (let m = start[d]!; m < start[d + 1]!; m++) push(sorted[m]!, crowdX[c]!, crowdY[c]!, crowdMass[c]!, -1);
      }
    };
    // Each pair of cells once: a cell with itself, and with its right, lower-left, lower and lower-right neighbours.
    for (let cy = 0; cy < rows; cy++) {
      for (let cx = 0; cx < cols; cx++) {
        const c = cy * cols + cx;
        const end = start[c + 1]!;
        if (end === start[c]) continue;
        if (crowdMass[c]! > 0) {
          // Inside a crowded cell: each node pushed away from the centre of mass of the others.
          for (let k = start[c]!; k < end; k++) {
            const i = sorted[k]!;
            const node = nodes[i]!;
            const m = crowdMass[c]! - node.mass;
            if (m > 0) push(i, (crowdX[c]! * crowdMass[c]! - node.x * node.mass) / m, (crowdY[c]! * crowdMass[c]! - node.y * node.mass) / m, m, -1);
          }
        } else {
          for (let k = start[c]!; k < end; k++) {
            const i = sorted[k]!;
            for (let m = k + 1; m < end; m++) {
              const j = sorted[m]!;
              push(i, nodes[j]!.x, nodes[j]!.y, nodes[j]!.mass, j);
            }
          }
        }
        near[0] = cx + 1 < cols ? c + 1 : -1;
        near[1] = cy + 1 < rows && cx > 0 ? c + cols - 1 : -1;
        near[2] = cy + 1 < rows ? c + cols : -1;
        near[3] = cy + 1 < rows && cx + 1 < cols ? c + cols + 1 : -1;
        for (const d of near) if (d >= 0 && start[d + 1]! > start[d]!) between(c, d);
      }
    }
    for (let i = 0; i < n; i++) {
      const node = nodes[i]!;
      node.vx = (node.vx ?? 0) + fx[i]! * alpha;
      node.vy = (node.vy ?? 0) + fy[i]! * alpha;
    }
  };
  force.initialize = (all: SimNode[]) => {
    nodes = all;
    cellOf = new Int32Array(all.length);
    sorted = new Int32Array(all.length);
    fx = new Float64Array(all.length);
    fy = new Float64Array(all.length);
  };
  return force;
}
