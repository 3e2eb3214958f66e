import { isIP } from 'node:net';

/** Names Express's `trust proxy` understands for whole address ranges. */
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrSubnet(entry: string): boolean {
  if (RANGE_NAMES.has(entry)) return true;
  const [address, bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length > 0) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

/**
 * Parses TRUST_PROXY into Express's `trust proxy` value: unset, `false` or `none` trusts no one
 * (X-Forwarded-For is ignored), a number trusts that many hops in front of the app, and a comma
 * separated list names the proxies (addresses, subnets, `loopback`, `linklocal`, `uniquelocal`).
 * `true` (trust every peer) is refused: anyone could then choose their own address.
 */
export function parseTrustProxy(value: string | undefined): { trustProxy: false | number | string[] } | { problem: string } {
  const text = value?.trim() ?? '';
  if (text === '' || text === 'false' || text === 'none') return { trustProxy: false };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > 10) return { problem: 'TRUST_PROXY: a hop count must be between 0 and 10' };
    return { trustProxy: hops === 0 ? false : hops };
  }
  const entries = text.split(',').map((entry) => entry.trim());
  const bad = entries.filter((entry) => !isAddressOrSubnet(entry));
  if (bad.length > 0) {
    return { problem: `TRUST_PROXY: not an address, subnet, loopback, linklocal or uniquelocal: ${bad.join(', ')} (use a hop count instead of true)` };
  }
  return { trustProxy: entries };
}
