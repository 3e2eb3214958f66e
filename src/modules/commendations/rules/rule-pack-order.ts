/** What ordering needs of a pack (or of a stored version of one). */
export interface DatedPack {
  key: string;
  effectiveFrom: string;
}

/**
 * Oldest first by `effectiveFrom` (ISO dates compare as strings), then by key, so that the choice of `packForYear`
 * never depends on the order a database returned rows in.
 */
export function inEffectiveOrder<P extends DatedPack>(packs: readonly P[]): P[] {
  return [...packs].sort((a, b) => (a.effectiveFrom === b.effectiveFrom ? compare(a.key, b.key) : compare(a.effectiveFrom, b.effectiveFrom)));
}

/**
 * The pack of another key that takes effect on the same day as `pack`, or undefined: two such packs would both claim
 * the same years, so publishing the second is refused.
 */
export function sameDayPack<P extends DatedPack>(pack: DatedPack, others: readonly P[]): P | undefined {
  return others.find((other) => other.key !== pack.key && other.effectiveFrom === pack.effectiveFrom);
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The packs in force: every stored pack, and each built-in pack whose key was never stored (a database set up before
 * packs were published, where `setup` has not run the sync yet), so that publishing one pack there does not take
 * away the built-in ones. Oldest first.
 */
export function withBuiltinFallback<P extends DatedPack>(stored: readonly P[], builtIn: readonly P[]): P[] {
  const keys = new Set(stored.map((pack) => pack.key));
  return inEffectiveOrder([...stored, ...builtIn.filter((pack) => !keys.has(pack.key))]);
}
