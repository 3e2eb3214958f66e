import { webcrypto } from 'node:crypto';
import * as pkijs from 'pkijs';

/**
 * pkijs on Node's WebCrypto, passed explicitly to every pkijs call that needs crypto: pkijs keeps its
 * default engine in a process-wide global, which this module neither needs nor wants to set for others.
 */
export const nodeCryptoEngine = new pkijs.CryptoEngine({
  name: 'node',
  // pkijs types its parameter with the DOM's Crypto, which Node's webcrypto implements.
  crypto: webcrypto as unknown as ConstructorParameters<typeof pkijs.CryptoEngine>[0]['crypto'],
});
