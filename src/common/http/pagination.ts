/**
 * The largest `offset` a list accepts. Without a bound, `offset=99999999999999999999` passes `@IsInt()` as 1e20 and
 * reaches the database, which refuses it (500); no list of ours comes near a million rows.
 */
export const MAX_PAGE_OFFSET = 1_000_000;
