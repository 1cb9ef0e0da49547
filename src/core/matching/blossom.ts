/**
 * Exact maximum-weight matching in a general graph: the O(n^3) primal-dual blossom
 * algorithm of Edmonds, in the structure popularised by Galil (1986) and by Joris van
 * Rantwijk's reference implementation (labels S/T, nested blossoms with base, children and
 * connecting endpoints, least-slack edge per vertex and per S-blossom).
 *
 * Arithmetic is exact: weights are integers (stored in a Float64Array so that values up
 * to 2^52 are fine), the duals are kept in "doubled" units (slack = d_i + d_j - 2 w_ij) so
 * that they stay integral.
 *
 * Two additions to the textbook structure:
 * - warm start (default when `maxCardinality` is off): vertex duals start at the largest
 *   incident weight rounded up to an even number and a greedy pass matches tight edges and
 *   lowers the duals of unmatched vertices as far as feasibility allows. Exposed vertices
 *   then have different duals (all even, so every alternating tree is of one parity and S-S
 *   slacks stay even); an exposed vertex whose dual reaches 0 is final ("done"), and a
 *   matched S-vertex whose dual reaches 0 is made exposed by flipping the even alternating
 *   path to its root. Both keep the complementary slackness conditions of the LP.
 * - the final duals are returned, so callers can certify that edges missing from a sparse
 *   graph could not improve the matching (see `reducedCost`).
 */

export interface WeightedEdges {
  /** First endpoint of each edge. */
  u: Int32Array;
  /** Second endpoint of each edge. */
  v: Int32Array;
  /** Integer weight of each edge (may be zero or negative). */
  w: Float64Array;
}

export interface MatchingOptions {
  /** Among the matchings of maximum size, return one of maximum weight. */
  maxCardinality?: boolean;
  /**
   * Greedy dual/matching initialisation. Default true. With maxCardinality it runs on the
   * weights shifted by a constant that makes every larger matching heavier.
   */
  warmStart?: boolean;
  /**
   * Start from a previous solution (e.g. of the same graph before edges were added):
   * vertex duals in doubled units (`warmDuals()` of a result) and the matching. Edges that
   * violate the duals get an endpoint dual raised (that endpoint is unmatched), matched
   * pairs whose edge is not tight are unmatched; the rest is kept. Replaces the greedy.
   */
  init?: { dual: Float64Array; mate: Int32Array };
}

export interface MatchingResult {
  /** mate[v] = partner of v, or -1. */
  mate: Int32Array;
  /** Sum of the weights of the matched edges. */
  weight: number;
  /** Number of matched pairs. */
  size: number;
  /** Edge index matched at each vertex, or -1. */
  matchedEdge: Int32Array;
  /**
   * Reduced cost of a (possibly absent) edge {i, j} with weight w, in doubled units:
   * d_i + d_j + 2·Σ z_B (blossoms containing both) − 2w. Non-negative for every edge of
   * the graph. An absent edge with a negative value could improve the matching.
   */
  reducedCost(i: number, j: number, w: number): number;
  /** Vertex duals (doubled units). */
  vertexDual: Float64Array;
  /**
   * Vertex duals with the dual of every blossom added to its vertices: feasible for every
   * edge without the blossoms (the `init.dual` of a warm re-solve).
   */
  warmDuals(): Float64Array;
  /** Number of stages run (for diagnostics). */
  stages: number;
  /** Dual updates, and vertex visits of their passes plus edge scans (diagnostics). */
  updates: number;
  work: number;
}

/** Convert a list of [u, v, w] triples into typed edge arrays. */
export function edgesFromTriples(triples: ReadonlyArray<readonly [number, number, number]>): WeightedEdges {
  const m = triples.length;
  const u = new Int32Array(m);
  const v = new Int32Array(m);
  const w = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const t = triples[k]!;
    u[k] = t[0];
    v[k] = t[1];
    w[k] = t[2];
  }
  return { u, v, w };
}

export function maxWeightMatching(n: number, edges: WeightedEdges, options: MatchingOptions = {}): MatchingResult {
  const m = edges.u.length;
  const eu = edges.u;
  const ev = edges.v;
  const ew = edges.w;
  for (let k = 0; k < m; k++) {
    const a = eu[k]!;
    const b = ev[k]!;
    if (a === b || a < 0 || b < 0 || a >= n || b >= n) throw new RangeError(`edge ${k} (${a}, ${b}) is not between two distinct vertices of 0..${n - 1}`);
    if (!Number.isSafeInteger(ew[k]!)) throw new RangeError(`edge ${k} has a non-integer weight`);
  }
  let maxCardinality = options.maxCardinality ?? false;
  if (maxCardinality && (options.warmStart ?? true) && m > 0) {
    // Maximum cardinality first = maximum weight with every weight raised by C larger
    // than any weight difference between matchings: then the warm start applies.
    let hi = 0;
    let lo = 0;
    for (let k = 0; k < m; k++) {
      if (ew[k]! > hi) hi = ew[k]!;
      if (ew[k]! < lo) lo = ew[k]!;
    }
    const C = (Math.floor(n / 2) + 1) * (hi - lo) + 1;
    if (Number.isSafeInteger(4 * (C + hi))) {
      const shifted = Float64Array.from(ew, (x) => x + C);
      const init = options.init ? { dual: options.init.dual.map((d) => d + C), mate: options.init.mate } : undefined;
      const res = maxWeightMatching(n, { u: eu, v: ev, w: shifted }, { warmStart: true, ...(init ? { init } : {}) });
      return {
        ...res,
        weight: res.weight - res.size * C,
        reducedCost: (i, j, w) => res.reducedCost(i, j, w + C),
        vertexDual: res.vertexDual.map((d) => d - C),
        warmDuals: () => res.warmDuals().map((d) => d - C),
      };
    }
  }
  const warmStart = !maxCardinality && (options.warmStart ?? true);

  // endpoint[p]: vertex of endpoint p; edge k has endpoints 2k (u) and 2k+1 (v).
  const endpoint = new Int32Array(2 * m);
  for (let k = 0; k < m; k++) {
    endpoint[2 * k] = eu[k]!;
    endpoint[2 * k + 1] = ev[k]!;
  }
  // neighbend (CSR): for vertex i, the remote endpoints of its edges.
  const nbStart = new Int32Array(n + 1);
  for (let k = 0; k < m; k++) {
    nbStart[eu[k]! + 1]!++;
    nbStart[ev[k]! + 1]!++;
  }
  for (let i = 0; i < n; i++) nbStart[i + 1]! += nbStart[i]!;
  const nbList = new Int32Array(2 * m);
  {
    const fill = nbStart.slice(0, n);
    for (let k = 0; k < m; k++) {
      nbList[fill[eu[k]!]!++] = 2 * k + 1;
      nbList[fill[ev[k]!]!++] = 2 * k;
    }
  }

  const mate = new Int32Array(n).fill(-1);
  const label = new Int32Array(2 * n);
  const labelend = new Int32Array(2 * n).fill(-1);
  const inblossom = new Int32Array(n);
  for (let i = 0; i < n; i++) inblossom[i] = i;
  const blossomparent = new Int32Array(2 * n).fill(-1);
  const blossomchilds: (number[] | null)[] = new Array<number[] | null>(2 * n).fill(null);
  const blossombase = new Int32Array(2 * n).fill(-1);
  for (let i = 0; i < n; i++) blossombase[i] = i;
  const blossomendps: (number[] | null)[] = new Array<number[] | null>(2 * n).fill(null);
  const bestedge = new Int32Array(2 * n).fill(-1);
  const blossombestedges: (number[] | null)[] = new Array<number[] | null>(2 * n).fill(null);
  const unusedblossoms: number[] = [];
  for (let b = 2 * n - 1; b >= n; b--) unusedblossoms.push(b);
  const dualvar = new Float64Array(2 * n);
  const allowedge = new Uint8Array(m);
  const queue: number[] = [];
  // Vertices labelled or given a best edge during the current stage, and edges allowed:
  // per-stage resets and per-substage dual updates only visit these.
  const touched: number[] = [];
  const isTouched = new Uint8Array(n);
  const touch = (v: number): void => {
    if (!isTouched[v]) {
      isTouched[v] = 1;
      touched.push(v);
    }
  };
  const allowedList: number[] = [];
  const allow = (k: number): void => {
    if (!allowedge[k]) {
      allowedge[k] = 1;
      allowedList.push(k);
    }
  };
  const bestedgeto = new Int32Array(2 * n).fill(-1);
  // Alternating trees live across augmentations: the root vertex of the tree of each
  // top-level blossom, and the vertices labelled in each tree (by root; may hold stale
  // entries, checked against treeRoot when the tree is dissolved).
  const treeRoot = new Int32Array(2 * n).fill(-1);
  const treeMembers: (number[] | null)[] = new Array<number[] | null>(n).fill(null);
  let liveTrees = 0;
  // Single-edge scans (S-vertex, remote endpoint) queued when a tree is dissolved.
  const edgeQueue: number[] = [];
  // Top-level non-trivial blossoms are tracked to avoid scanning all 2n slots.
  const isTopBlossom = new Uint8Array(2 * n);
  const inTopList = new Uint8Array(2 * n);
  const topBlossoms: number[] = [];
  const pushTop = (b: number): void => {
    isTopBlossom[b] = 1;
    if (!inTopList[b]) {
      inTopList[b] = 1;
      topBlossoms.push(b);
    }
  };

  let maxweight = 0;
  for (let k = 0; k < m; k++) if (ew[k]! > maxweight) maxweight = ew[k]!;

  const slack = (k: number): number => dualvar[eu[k]!]! + dualvar[ev[k]!]! - 2 * ew[k]!;

  if (options.init && !maxCardinality) {
    const init = options.init;
    for (let i = 0; i < n; i++) {
      const d = Math.ceil(init.dual[i] ?? 0);
      dualvar[i] = d > 0 ? d : 0;
    }
    const keep = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const j = init.mate[i] ?? -1;
      if (j >= 0 && j < n && init.mate[j] === i) keep[i] = 1;
    }
    // Raise an endpoint of every violated edge (preferring one that loses its partner anyway).
    for (let k = 0; k < m; k++) {
      const s = slack(k);
      if (s >= 0) continue;
      const a = eu[k]!;
      const b = ev[k]!;
      const x = !keep[a] || keep[b] ? a : b;
      dualvar[x]! -= s;
      keep[x] = 0;
    }
    for (let i = 0; i < n; i++) {
      const j = init.mate[i]!;
      if (!keep[i] || !keep[j] || j < i) continue;
      for (let q = nbStart[i]!; q < nbStart[i + 1]!; q++) {
        const p = nbList[q]!;
        if (endpoint[p] === j && slack(p >> 1) === 0) {
          mate[i] = p;
          mate[j] = p ^ 1;
          break;
        }
      }
    }
    // Exposed vertices with a positive dual become roots: all of one parity (even).
    for (let i = 0; i < n; i++) if (mate[i] === -1 && dualvar[i]! % 2 !== 0) dualvar[i]! += 1;
  } else if (!warmStart) {
    for (let i = 0; i < n; i++) dualvar[i] = maxweight;
  } else {
    // Even duals, feasible: d_i = max incident weight rounded up to even (at least 0).
    for (let k = 0; k < m; k++) {
      const wk = ew[k]!;
      if (wk > dualvar[eu[k]!]!) dualvar[eu[k]!] = wk;
      if (wk > dualvar[ev[k]!]!) dualvar[ev[k]!] = wk;
    }
    for (let i = 0; i < n; i++) {
      const d = dualvar[i]!;
      if (d % 2 !== 0) dualvar[i] = d + 1;
    }
    // Greedy: lower each exposed vertex's dual to its tightest constraint, match if the
    // constraint comes from another exposed vertex.
    for (let i = 0; i < n; i++) {
      if (mate[i] !== -1) continue;
      let best = 0;
      let bestExposedP = -1;
      for (let q = nbStart[i]!; q < nbStart[i + 1]!; q++) {
        const p = nbList[q]!;
        const j = endpoint[p]!;
        const need = 2 * ew[p >> 1]! - dualvar[j]!;
        if (need > best) best = need;
      }
      dualvar[i] = best;
      if (best > 0) {
        // Prefer an exposed partner among the tight ones.
        for (let q = nbStart[i]!; q < nbStart[i + 1]!; q++) {
          const p = nbList[q]!;
          const j = endpoint[p]!;
          if (mate[j] === -1 && 2 * ew[p >> 1]! - dualvar[j]! === best) {
            bestExposedP = p;
            break;
          }
        }
        if (bestExposedP !== -1) {
          const j = endpoint[bestExposedP]!;
          mate[i] = bestExposedP;
          mate[j] = bestExposedP ^ 1;
        }
      }
    }
    // Augmenting paths of length 3 on tight edges: exposed i – j = k – exposed l.
    for (let i = 0; i < n; i++) {
      if (mate[i] !== -1 || dualvar[i] === 0) continue;
      search: for (let q = nbStart[i]!; q < nbStart[i + 1]!; q++) {
        const p = nbList[q]!;
        if (slack(p >> 1) !== 0) continue;
        const j = endpoint[p]!;
        const mj = mate[j]!;
        if (mj === -1) continue;
        const k = endpoint[mj]!;
        for (let q2 = nbStart[k]!; q2 < nbStart[k + 1]!; q2++) {
          const p2 = nbList[q2]!;
          const l = endpoint[p2]!;
          if (l === i || mate[l] !== -1 || slack(p2 >> 1) !== 0) continue;
          mate[i] = p;
          mate[j] = p ^ 1;
          mate[k] = p2;
          mate[l] = p2 ^ 1;
          break search;
        }
      }
    }
  }

  const leaves: number[] = [];
  /** Leaves (vertices) of blossom b, appended to `out`. */
  function blossomLeaves(b: number, out: number[]): void {
    if (b < n) {
      out.push(b);
      return;
    }
    const stack = [b];
    while (stack.length > 0) {
      const t = stack.pop()!;
      if (t < n) out.push(t);
      else for (const c of blossomchilds[t]!) stack.push(c);
    }
  }

  function assignLabel(w: number, t: number, p: number, root: number): void {
    const b = inblossom[w]!;
    label[w] = label[b] = t;
    labelend[w] = labelend[b] = p;
    bestedge[w] = bestedge[b] = -1;
    treeRoot[b] = root;
    const members = treeMembers[root]!;
    if (t === 1) {
      const from = queue.length;
      blossomLeaves(b, queue);
      for (let i = from; i < queue.length; i++) {
        touch(queue[i]!);
        members.push(queue[i]!);
      }
    } else if (t === 2) {
      if (b < n) {
        touch(b);
        members.push(b);
      } else {
        const ls: number[] = [];
        blossomLeaves(b, ls);
        for (const x of ls) {
          touch(x);
          members.push(x);
        }
      }
      const base = blossombase[b]!;
      const mb = mate[base]!;
      assignLabel(endpoint[mb]!, 1, mb ^ 1, root);
    }
  }

  /** Trace back from v and w; return the base of a new blossom or -1 for an augmenting path. */
  function scanBlossom(v0: number, w0: number): number {
    const path: number[] = [];
    let base = -1;
    let v = v0;
    let w = w0;
    while (v !== -1 || w !== -1) {
      let b = inblossom[v]!;
      if (label[b]! & 4) {
        base = blossombase[b]!;
        break;
      }
      path.push(b);
      label[b] = 5;
      if (labelend[b] === -1) {
        v = -1;
      } else {
        v = endpoint[labelend[b]!]!;
        b = inblossom[v]!;
        v = endpoint[labelend[b]!]!;
      }
      if (w !== -1) {
        const t = v;
        v = w;
        w = t;
      }
    }
    for (const b of path) label[b] = 1;
    return base;
  }

  function addBlossom(base: number, k: number): void {
    let v = eu[k]!;
    let w = ev[k]!;
    const bb = inblossom[base]!;
    let bv = inblossom[v]!;
    let bw = inblossom[w]!;
    const b = unusedblossoms.pop()!;
    blossombase[b] = base;
    blossomparent[b] = -1;
    blossomparent[bb] = b;
    if (isTopBlossom[bb]) isTopBlossom[bb] = 0;
    const path: number[] = [];
    const endps: number[] = [];
    while (bv !== bb) {
      blossomparent[bv] = b;
      if (isTopBlossom[bv]) isTopBlossom[bv] = 0;
      path.push(bv);
      endps.push(labelend[bv]!);
      v = endpoint[labelend[bv]!]!;
      bv = inblossom[v]!;
    }
    path.push(bb);
    path.reverse();
    endps.reverse();
    endps.push(2 * k);
    while (bw !== bb) {
      blossomparent[bw] = b;
      if (isTopBlossom[bw]) isTopBlossom[bw] = 0;
      path.push(bw);
      endps.push(labelend[bw]! ^ 1);
      w = endpoint[labelend[bw]!]!;
      bw = inblossom[w]!;
    }
    blossomchilds[b] = path;
    blossomendps[b] = endps;
    label[b] = 1;
    labelend[b] = labelend[bb]!;
    treeRoot[b] = treeRoot[bb]!;
    dualvar[b] = 0;
    pushTop(b);
    leaves.length = 0;
    blossomLeaves(b, leaves);
    for (const x of leaves) {
      if (label[inblossom[x]!] === 2) queue.push(x);
      inblossom[x] = b;
    }
    const touched: number[] = [];
    const consider = (kk: number): void => {
      let j = eu[kk]!;
      if (inblossom[j] === b) j = ev[kk]!;
      const bj = inblossom[j]!;
      if (bj !== b && label[bj] === 1) {
        const cur = bestedgeto[bj]!;
        if (cur === -1) {
          bestedgeto[bj] = kk;
          touched.push(bj);
        } else if (slack(kk) < slack(cur)) {
          bestedgeto[bj] = kk;
        }
      }
    };
    for (const sub of path) {
      const list = blossombestedges[sub];
      if (list == null) {
        leaves.length = 0;
        blossomLeaves(sub, leaves);
        for (const x of leaves) {
          for (let q = nbStart[x]!; q < nbStart[x + 1]!; q++) consider(nbList[q]! >> 1);
        }
      } else {
        for (const kk of list) consider(kk);
      }
      blossombestedges[sub] = null;
      bestedge[sub] = -1;
    }
    const list: number[] = [];
    let mybest = -1;
    let mybestslack = 0;
    for (const bj of touched) {
      const kk = bestedgeto[bj]!;
      bestedgeto[bj] = -1;
      list.push(kk);
      const s = slack(kk);
      if (mybest === -1 || s < mybestslack) {
        mybest = kk;
        mybestslack = s;
      }
    }
    blossombestedges[b] = list;
    bestedge[b] = mybest;
  }

  const idx = (j: number, len: number): number => (j < 0 ? j + len : j);

  function expandBlossom(b: number, endstage: boolean): void {
    const childs = blossomchilds[b]!;
    const endps = blossomendps[b]!;
    for (const s of childs) {
      blossomparent[s] = -1;
      if (s < n) {
        inblossom[s] = s;
      } else if (endstage && dualvar[s] === 0) {
        expandBlossom(s, endstage);
      } else {
        leaves.length = 0;
        blossomLeaves(s, leaves);
        for (const x of leaves) inblossom[x] = s;
        pushTop(s);
      }
    }
    if (!endstage && label[b] === 2) {
      const root = treeRoot[b]!;
      const len = childs.length;
      const entrychild = inblossom[endpoint[labelend[b]! ^ 1]!]!;
      let j = childs.indexOf(entrychild);
      let jstep: number;
      let endptrick: number;
      if (j & 1) {
        j -= len;
        jstep = 1;
        endptrick = 0;
      } else {
        jstep = -1;
        endptrick = 1;
      }
      let p = labelend[b]!;
      while (j !== 0) {
        label[endpoint[p ^ 1]!] = 0;
        label[endpoint[endps[idx(j - endptrick, len)]! ^ endptrick ^ 1]!] = 0;
        assignLabel(endpoint[p ^ 1]!, 2, p, root);
        allow(endps[idx(j - endptrick, len)]! >> 1);
        j += jstep;
        p = endps[idx(j - endptrick, len)]! ^ endptrick;
        allow(p >> 1);
        j += jstep;
      }
      let bv = childs[idx(j, len)]!;
      label[endpoint[p ^ 1]!] = label[bv] = 2;
      labelend[endpoint[p ^ 1]!] = labelend[bv] = p;
      treeRoot[bv] = root;
      bestedge[bv] = -1;
      j += jstep;
      while (childs[idx(j, len)] !== entrychild) {
        bv = childs[idx(j, len)]!;
        if (label[bv] === 1) {
          j += jstep;
          continue;
        }
        leaves.length = 0;
        blossomLeaves(bv, leaves);
        let found = -1;
        for (const x of leaves) {
          if (label[x] !== 0) {
            found = x;
            break;
          }
        }
        if (found !== -1) {
          label[found] = 0;
          label[endpoint[mate[blossombase[bv]!]!]!] = 0;
          // reached from an S-vertex, possibly of another tree: it joins that tree
          assignLabel(found, 2, labelend[found]!, treeRoot[inblossom[endpoint[labelend[found]!]!]!]!);
        }
        j += jstep;
      }
    }
    label[b] = labelend[b] = -1;
    blossomchilds[b] = blossomendps[b] = null;
    blossombase[b] = -1;
    blossombestedges[b] = null;
    bestedge[b] = -1;
    isTopBlossom[b] = 0;
    unusedblossoms.push(b);
  }

  function augmentBlossom(b: number, v: number): void {
    let t = v;
    while (blossomparent[t] !== b) t = blossomparent[t]!;
    if (t >= n) augmentBlossom(t, v);
    const childs = blossomchilds[b]!;
    const endps = blossomendps[b]!;
    const len = childs.length;
    const i = childs.indexOf(t);
    let j = i;
    let jstep: number;
    let endptrick: number;
    if (i & 1) {
      j -= len;
      jstep = 1;
      endptrick = 0;
    } else {
      jstep = -1;
      endptrick = 1;
    }
    while (j !== 0) {
      j += jstep;
      t = childs[idx(j, len)]!;
      const p = endps[idx(j - endptrick, len)]! ^ endptrick;
      if (t >= n) augmentBlossom(t, endpoint[p]!);
      j += jstep;
      t = childs[idx(j, len)]!;
      if (t >= n) augmentBlossom(t, endpoint[p ^ 1]!);
      mate[endpoint[p]!] = p ^ 1;
      mate[endpoint[p ^ 1]!] = p;
    }
    blossomchilds[b] = childs.slice(i).concat(childs.slice(0, i));
    blossomendps[b] = endps.slice(i).concat(endps.slice(0, i));
    blossombase[b] = blossombase[blossomchilds[b]![0]!]!;
  }

  /** Flip the alternating path from S-vertex s (which gets mate p, or -1) to its root. */
  function augmentFrom(s0: number, p0: number): void {
    let s = s0;
    let p = p0;
    for (;;) {
      const bs = inblossom[s]!;
      if (bs >= n) augmentBlossom(bs, s);
      mate[s] = p;
      if (labelend[bs] === -1) break;
      const t = endpoint[labelend[bs]!]!;
      const bt = inblossom[t]!;
      s = endpoint[labelend[bt]!]!;
      const j = endpoint[labelend[bt]! ^ 1]!;
      if (bt >= n) augmentBlossom(bt, j);
      mate[j] = labelend[bt]!;
      p = labelend[bt]! ^ 1;
    }
  }

  function augmentMatching(k: number): void {
    augmentFrom(eu[k]!, 2 * k + 1);
    augmentFrom(ev[k]!, 2 * k);
  }

  /** Process the edge from S-vertex v to endpoint p; true if the matching was augmented. */
  function scanEdge(v: number, p: number): boolean {
    const k = p >> 1;
    const w = endpoint[p]!;
    const bv = inblossom[v]!;
    const bw = inblossom[w]!;
    if (bv === bw) return false;
    let kslack = 0;
    if (!allowedge[k]) {
      kslack = slack(k);
      if (kslack <= 0) allow(k);
    }
    if (allowedge[k]) {
      if (label[bw] === 0) {
        if (mate[blossombase[bw]!] === -1) {
          // an exposed vertex whose dual is already 0: augment to it
          const r = treeRoot[bv]!;
          augmentFrom(v, p);
          augmentFrom(w, p ^ 1);
          dissolveTrees(r, -1);
          return true;
        }
        assignLabel(w, 2, p ^ 1, treeRoot[bv]!);
      } else if (label[bw] === 1) {
        const base = scanBlossom(v, w);
        if (base >= 0) {
          addBlossom(base, k);
        } else {
          const r1 = treeRoot[bv]!;
          const r2 = treeRoot[bw]!;
          augmentMatching(k);
          dissolveTrees(r1, r2);
          return true;
        }
      } else if (label[w] === 0) {
        label[w] = 2;
        labelend[w] = p ^ 1;
      }
    } else if (label[bw] === 1) {
      if (bestedge[bv] === -1 || kslack < slack(bestedge[bv]!)) bestedge[bv] = k;
    } else if (label[w] === 0) {
      if (bestedge[w] === -1 || kslack < slack(bestedge[w]!)) {
        bestedge[w] = k;
        touch(w);
      }
    }
    return false;
  }

  const dissolvedStamp = new Int32Array(n);
  let dissolveGen = 0;
  const dissolved: number[] = [];
  /**
   * After an augmentation (or a dual reaching 0), unlabel the trees of roots r1 and r2 (-1:
   * none) and keep every other tree: zero-dual S-blossoms are expanded, and the edges from
   * the remaining S-vertices to the freed vertices are queued for a scan.
   */
  function dissolveTrees(r1: number, r2: number): void {
    dissolveGen++;
    dissolved.length = 0;
    for (let t = 0; t < 2; t++) {
      const r = t === 0 ? r1 : r2;
      if (r < 0) continue;
      const list = treeMembers[r];
      if (list == null) continue;
      treeMembers[r] = null;
      liveTrees--;
      for (const v of list) {
        if (dissolvedStamp[v] === dissolveGen) continue;
        const b = inblossom[v]!;
        if (label[b] === 0 || treeRoot[b] !== r) continue;
        dissolvedStamp[v] = dissolveGen;
        dissolved.push(v);
      }
    }
    for (const v of dissolved) {
      const b = inblossom[v]!;
      if (b >= n && label[b] === 1 && dualvar[b] === 0 && blossomparent[b] === -1) expandBlossom(b, true);
    }
    for (const v of dissolved) {
      label[v] = 0;
      labelend[v] = -1;
      bestedge[v] = -1;
      for (let b = blossomparent[v]!; b !== -1; b = blossomparent[b]!) {
        label[b] = 0;
        labelend[b] = -1;
        bestedge[b] = -1;
        blossombestedges[b] = null;
      }
      for (let q = nbStart[v]!; q < nbStart[v + 1]!; q++) allowedge[nbList[q]! >> 1] = 0;
    }
    for (const v of dissolved) {
      const bv = inblossom[v]!;
      for (let q = nbStart[v]!; q < nbStart[v + 1]!; q++) {
        const p = nbList[q]!;
        const y = endpoint[p]!;
        const by = inblossom[y]!;
        if (by === bv) continue;
        const ly = label[by]!;
        if (ly === 1) {
          edgeQueue.push(y, p ^ 1);
        } else if (ly === 2 && by !== y && label[y] === 2 && labelend[y]! >= 0 && endpoint[labelend[y]!] === v) {
          // a leaf of a T-blossom reached through v: find its S-neighbours again
          label[y] = 0;
          labelend[y] = -1;
          bestedge[y] = -1;
          for (let q2 = nbStart[y]!; q2 < nbStart[y + 1]!; q2++) {
            const p2 = nbList[q2]!;
            const z = endpoint[p2]!;
            if (label[inblossom[z]!] === 1 && inblossom[z] !== by) edgeQueue.push(z, p2 ^ 1);
          }
        }
      }
    }
  }

  /** Least-slack edge from free vertex v to an S-vertex (after the S side was dissolved). */
  function recomputeFreeBest(v: number): void {
    let best = -1;
    let bestSlack = 0;
    const bv = inblossom[v]!;
    for (let q = nbStart[v]!; q < nbStart[v + 1]!; q++) {
      const p = nbList[q]!;
      const bz = inblossom[endpoint[p]!]!;
      if (bz === bv || label[bz] !== 1) continue;
      const s = slack(p >> 1);
      if (best === -1 || s < bestSlack) {
        best = p >> 1;
        bestSlack = s;
      }
    }
    bestedge[v] = best;
  }

  /** Least-slack edge from top-level S-blossom b to another S-blossom. */
  function recomputeSBest(b: number): void {
    let best = -1;
    let bestSlack = 0;
    leaves.length = 0;
    blossomLeaves(b, leaves);
    for (const x of leaves) {
      for (let q = nbStart[x]!; q < nbStart[x + 1]!; q++) {
        const p = nbList[q]!;
        const bz = inblossom[endpoint[p]!]!;
        if (bz === b || label[bz] !== 1) continue;
        const s = slack(p >> 1);
        if (best === -1 || s < bestSlack) {
          best = p >> 1;
          bestSlack = s;
        }
      }
    }
    bestedge[b] = best;
  }

  /** Is edge k (incident to free vertex v) still an edge to an S-vertex? */
  function freeBestValid(v: number, k: number): boolean {
    const o = eu[k] === v ? ev[k]! : eu[k]!;
    return label[inblossom[o]!] === 1;
  }
  /** Is edge k still an edge from S-blossom b to another S-blossom? */
  function sBestValid(b: number, k: number): boolean {
    const bu = inblossom[eu[k]!]!;
    const bv = inblossom[ev[k]!]!;
    if (bu === b) return bv !== b && label[bv] === 1;
    if (bv === b) return label[bu] === 1;
    return false;
  }

  // Key (slack bound) of each vertex's candidate edge during a dual update, else -1.
  const vkey = new Float64Array(n).fill(-1);
  /** Edge k has become tight: queue its scan from an S endpoint. */
  function release(k: number): void {
    allow(k);
    if (label[inblossom[eu[k]!]!] === 1) edgeQueue.push(eu[k]!, 2 * k + 1);
    else edgeQueue.push(ev[k]!, 2 * k);
  }

  let stages = 0;
  let updates = 0;
  let work = 0;
  for (;;) {
    stages++;
    for (const v of touched) {
      label[v] = 0;
      labelend[v] = -1;
      bestedge[v] = -1;
      isTouched[v] = 0;
    }
    touched.length = 0;
    label.fill(0, n);
    labelend.fill(-1, n);
    bestedge.fill(-1, n);
    for (let b = n; b < 2 * n; b++) blossombestedges[b] = null;
    for (const k of allowedList) allowedge[k] = 0;
    allowedList.length = 0;
    queue.length = 0;
    edgeQueue.length = 0;
    // compact the list of top-level blossoms
    {
      let wpos = 0;
      for (let r = 0; r < topBlossoms.length; r++) {
        const b = topBlossoms[r]!;
        if (isTopBlossom[b] && blossomparent[b] === -1 && blossombase[b]! >= 0) topBlossoms[wpos++] = b;
        else inTopList[b] = 0;
      }
      topBlossoms.length = wpos;
    }
    let roots = 0;
    liveTrees = 0;
    for (let v = 0; v < n; v++) {
      if (mate[v] === -1 && label[inblossom[v]!] === 0 && (maxCardinality || dualvar[v]! > 0)) {
        treeMembers[v] = [];
        assignLabel(v, 1, -1, v);
        roots++;
        liveTrees++;
      }
    }
    if (roots === 0 || (maxCardinality && roots < 2)) break;
    const enough = maxCardinality ? 2 : 1;
    let finished = false;
    for (;;) {
      while (liveTrees >= enough && (edgeQueue.length > 0 || queue.length > 0)) {
        if (edgeQueue.length > 0) {
          const p = edgeQueue.pop()!;
          const v = edgeQueue.pop()!;
          if (label[inblossom[v]!] === 1) scanEdge(v, p);
          continue;
        }
        const v = queue.pop()!;
        if (label[inblossom[v]!] !== 1) continue;
        work += nbStart[v + 1]! - nbStart[v]!;
        for (let q = nbStart[v]!; q < nbStart[v + 1]!; q++) {
          if (scanEdge(v, nbList[q]!)) break;
          if (label[inblossom[v]!] !== 1) break;
        }
      }
      if (liveTrees < enough) break;

      let deltatype = -1;
      updates++;
      work += 2 * touched.length;
      let delta = 0;
      let deltaedge = -1;
      let deltablossom = -1;
      let deltavertex = -1;
      // One pass for the vertex-based bounds; the key of each candidate edge is kept so
      // that every edge made tight by the update is released at once (ties are common).
      for (let q = 0; q < touched.length; q++) {
        const v = touched[q]!;
        const bv = inblossom[v]!;
        const lb = label[bv]!;
        if (lb === 1 && !maxCardinality) {
          const d = dualvar[v]!;
          if (deltatype === -1 || d < delta || (d === delta && mate[v] === -1 && mate[deltavertex]! !== -1)) {
            deltatype = 1;
            delta = d;
            deltavertex = v;
          }
        }
        let be = bestedge[v]!;
        if (be === -1) continue;
        if (lb === 0) {
          if (!freeBestValid(v, be)) {
            recomputeFreeBest(v);
            be = bestedge[v]!;
            if (be === -1) continue;
          }
          const d = slack(be);
          vkey[v] = d;
          if (deltatype === -1 || d < delta) {
            delta = d;
            deltatype = 2;
            deltaedge = be;
          }
        } else if (lb === 1 && bv === v) {
          // trivial top-level S-blossom
          if (!sBestValid(v, be)) {
            recomputeSBest(v);
            be = bestedge[v]!;
            if (be === -1) continue;
          }
          const d = slack(be) / 2;
          vkey[v] = d;
          if (deltatype === -1 || d < delta) {
            delta = d;
            deltatype = 3;
            deltaedge = be;
          }
        }
      }
      for (const b of topBlossoms) {
        if (!isTopBlossom[b] || blossomparent[b] !== -1 || blossombase[b]! < 0) continue;
        if (label[b] === 1 && bestedge[b] !== -1) {
          if (!sBestValid(b, bestedge[b]!)) {
            recomputeSBest(b);
            if (bestedge[b] === -1) continue;
          }
          const d = slack(bestedge[b]!) / 2;
          if (deltatype === -1 || d < delta) {
            delta = d;
            deltatype = 3;
            deltaedge = bestedge[b]!;
          }
        } else if (label[b] === 2 && (deltatype === -1 || dualvar[b]! < delta)) {
          delta = dualvar[b]!;
          deltatype = 4;
          deltablossom = b;
        }
      }
      if (deltatype === -1) {
        // maxCardinality: no further augmenting path exists.
        deltatype = 1;
        let mn = Infinity;
        for (let v = 0; v < n; v++) if (dualvar[v]! < mn) mn = dualvar[v]!;
        delta = Math.max(0, mn);
        finished = true;
      }
      // Update, release the edges made tight, and drop the free vertices without a
      // candidate edge from the list (they are touched again when they get one).
      let kept = 0;
      for (let q = 0; q < touched.length; q++) {
        const v = touched[q]!;
        const bv = inblossom[v]!;
        const lb = label[bv]!;
        if (lb === 1) dualvar[v]! -= delta;
        else if (lb === 2) dualvar[v]! += delta;
        const key = vkey[v]!;
        if (key >= 0) {
          vkey[v] = -1;
          if (key <= delta && !finished) release(bestedge[v]!);
        }
        if (lb === 0 && bestedge[v] === -1 && label[v] === 0) isTouched[v] = 0;
        else touched[kept++] = v;
      }
      touched.length = kept;
      for (const b of topBlossoms) {
        if (!isTopBlossom[b] || blossomparent[b] !== -1 || blossombase[b]! < 0) continue;
        if (label[b] === 1) dualvar[b]! += delta;
        else if (label[b] === 2) dualvar[b]! -= delta;
      }
      if (finished) break;
      if (deltatype === 1) {
        // An S-vertex reached dual 0. Exposed (a root): it is final. Matched: make it
        // exposed, its root matched. Either way its tree is dissolved.
        const r = treeRoot[inblossom[deltavertex]!]!;
        if (mate[deltavertex] !== -1) augmentFrom(deltavertex, -1);
        dissolveTrees(r, -1);
      } else if (deltatype === 2 || deltatype === 3) {
        release(deltaedge);
      } else if (deltatype === 4) {
        expandBlossom(deltablossom, false);
      }
    }
    if (finished) break;
    // End of stage: expand S-blossoms with zero dual.
    const tops = topBlossoms.slice();
    for (const b of tops) {
      if (isTopBlossom[b] && blossomparent[b] === -1 && blossombase[b]! >= 0 && label[b] === 1 && dualvar[b] === 0) {
        expandBlossom(b, true);
      }
    }
  }

  const matchedEdge = new Int32Array(n).fill(-1);
  const outMate = new Int32Array(n).fill(-1);
  let weight = 0;
  let size = 0;
  for (let v = 0; v < n; v++) {
    const p = mate[v]!;
    if (p >= 0) {
      outMate[v] = endpoint[p]!;
      matchedEdge[v] = p >> 1;
      if (v < endpoint[p]!) {
        weight += ew[p >> 1]!;
        size++;
      }
    }
  }

  const mark = new Int32Array(2 * n).fill(-1);
  let markGen = 0;
  function reducedCost(i: number, j: number, w: number): number {
    let s = dualvar[i]! + dualvar[j]! - 2 * w;
    markGen++;
    for (let b = blossomparent[i]!; b !== -1; b = blossomparent[b]!) mark[b] = markGen;
    for (let b = blossomparent[j]!; b !== -1; b = blossomparent[b]!) {
      if (mark[b] === markGen) {
        for (let c = b; c !== -1; c = blossomparent[c]!) s += 2 * dualvar[c]!;
        break;
      }
    }
    return s;
  }

  function warmDuals(): Float64Array {
    const d = dualvar.slice(0, n);
    for (let v = 0; v < n; v++) for (let b = blossomparent[v]!; b !== -1; b = blossomparent[b]!) d[v]! += dualvar[b]!;
    return d;
  }

  return { mate: outMate, weight, size, matchedEdge, reducedCost, vertexDual: dualvar.slice(0, n), warmDuals, stages, updates, work };
}
