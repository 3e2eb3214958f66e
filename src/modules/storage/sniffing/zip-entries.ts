/** One entry of a zip archive, as far as content sniffing needs it. */
export interface ZipEntry {
  name: string;
  /** 0: stored (uncompressed), 8: deflated. */
  method: number;
  compressedSize: number;
  /** Where the entry's local file header starts. */
  localHeaderOffset: number;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
/** No sniffing decision needs more; a hostile archive with millions of entries is not walked to the end. */
const MAX_ENTRIES = 10_000;

/**
 * The entries of a zip archive: from its central directory when the buffer holds the whole file, else by walking the
 * local file headers from the start (enough when only the head was read, and for archives written without a central
 * directory we can find). Never throws: malformed input gives the entries read so far.
 */
export function zipEntries(buffer: Buffer): ZipEntry[] {
  const central = centralDirectoryEntries(buffer);
  return central.length > 0 ? central : localHeaderEntries(buffer);
}

/** The stored (uncompressed) content of an entry, or null when it is compressed or out of the buffer. */
export function storedEntryContent(buffer: Buffer, entry: ZipEntry): Buffer | null {
  const offset = entry.localHeaderOffset;
  if (entry.method !== 0 || offset + 30 > buffer.length || buffer.readUInt32LE(offset) !== LOCAL_HEADER) return null;
  const start = offset + 30 + buffer.readUInt16LE(offset + 26) + buffer.readUInt16LE(offset + 28);
  const end = start + entry.compressedSize;
  return end <= buffer.length ? buffer.subarray(start, end) : null;
}

function centralDirectoryEntries(buffer: Buffer): ZipEntry[] {
  // The end record is 22 bytes plus a comment of at most 65,535 bytes, at the very end of the file.
  const earliest = Math.max(0, buffer.length - 22 - 0xffff);
  let end = -1;
  for (let offset = buffer.length - 22; offset >= earliest; offset--) {
    if (buffer.readUInt32LE(offset) === END_OF_CENTRAL_DIRECTORY) {
      end = offset;
      break;
    }
  }
  if (end < 0) return [];
  const count = buffer.readUInt16LE(end + 10);
  let offset = buffer.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let index = 0; index < Math.min(count, MAX_ENTRIES); index++) {
    if (offset + 46 > buffer.length || buffer.readUInt32LE(offset) !== CENTRAL_HEADER) break;
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extraLength = buffer.readUInt16LE(offset + 30);
    const commentLength = buffer.readUInt16LE(offset + 32);
    if (offset + 46 + nameLength > buffer.length) break;
    entries.push({
      name: buffer.toString('utf8', offset + 46, offset + 46 + nameLength),
      method: buffer.readUInt16LE(offset + 10),
      compressedSize: buffer.readUInt32LE(offset + 20),
      localHeaderOffset: buffer.readUInt32LE(offset + 42),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function localHeaderEntries(buffer: Buffer): ZipEntry[] {
  const entries: ZipEntry[] = [];
  let offset = 0;
  while (entries.length < MAX_ENTRIES && offset + 30 <= buffer.length && buffer.readUInt32LE(offset) === LOCAL_HEADER) {
    const flags = buffer.readUInt16LE(offset + 6);
    const compressedSize = buffer.readUInt32LE(offset + 18);
    const nameLength = buffer.readUInt16LE(offset + 26);
    const extraLength = buffer.readUInt16LE(offset + 28);
    if (offset + 30 + nameLength > buffer.length) break;
    entries.push({ name: buffer.toString('utf8', offset + 30, offset + 30 + nameLength), method: buffer.readUInt16LE(offset + 8), compressedSize, localHeaderOffset: offset });
    // With a data descriptor (flag bit 3) the sizes follow the data and the header's are zero: the next header cannot be found.
    if ((flags & 0x08) !== 0) break;
    offset += 30 + nameLength + extraLength + compressedSize;
  }
  return entries;
}
