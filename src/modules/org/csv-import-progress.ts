/** What an importer is doing: checking every row, hashing the passwords of a people file, writing the rows. */
export type CsvImportStep = 'checking' | 'hashing' | 'writing';

/**
 * Told as an import goes, `done` of `total` in each step; called synchronously and often (each hashed password),
 * so a listener that sends progress somewhere throttles it. Optional: the API's callers pass none.
 */
export type CsvImportProgress = (step: CsvImportStep, done: number, total: number) => void;

/** Rows checked, or written and flushed inside the import's transaction, between two reports. */
export const CSV_PROGRESS_CHUNK = 500;
