/**
 * Formats shared by the JSON API and the CSV import, so both accept exactly the same values.
 */

/** Unit codes: uppercase letters, digits and hyphens, e.g. `VKS-THA`. */
export const UNIT_CODE_PATTERN = /^[A-Z0-9-]{2,64}$/;

/** Usernames: lowercase so that `Admin` and `admin` can never be two accounts. */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,99}$/;

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 200;

export const MAX_LENGTH = { name: 255, shortName: 100, fullName: 255, email: 255, position: 255 } as const;

/** True for a real calendar day written as YYYY-MM-DD (rejects 2020-02-30). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
