/** Numbers in [0, 1) from a seed (mulberry32): the same seed, the same rehearsal. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A deterministic choice of `share` of the codes, from the seed, so that a rehearsal can be repeated. */
export function chooseLate(codes: string[], share: number, seed: number): string[] {
  const random = seededRandom(seed);
  const shuffled = [...codes].sort().map((code) => ({ code, key: random() })).sort((a, b) => a.key - b.key);
  return shuffled.slice(0, Math.round(Math.max(0, Math.min(1, share)) * codes.length)).map((entry) => entry.code).sort();
}
