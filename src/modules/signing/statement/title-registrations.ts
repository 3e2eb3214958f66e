import { canonicalJson, sha256Hex } from '../../../common/hashing/canonical-json';

/** One unit's submitted title registration (đăng ký danh hiệu), as the form stage stored it. */
export interface UnitRegistration {
  unitCode: string;
  unitName: string;
  data: Record<string, unknown>;
}

/**
 * The consolidated list the deputy presents at signing: every unit's registration ordered by unit code, so the
 * same registrations always give the same bytes and the same hash, whatever order they were submitted in.
 */
export function consolidateRegistrations(registrations: UnitRegistration[]): { list: UnitRegistration[]; hash: string } {
  const list = [...registrations].sort((a, b) => (a.unitCode < b.unitCode ? -1 : a.unitCode > b.unitCode ? 1 : 0));
  return { list, hash: sha256Hex(canonicalJson(list)) };
}
