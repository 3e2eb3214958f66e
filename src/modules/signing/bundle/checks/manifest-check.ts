import type { Text } from '../../../../common/i18n/language';
import { sha256OfBytes } from '../bundle-archive';
import { BundleCheck, failed, fromProblems } from '../bundle-check';
import { BUNDLE_FORMAT, BUNDLE_KIND, BUNDLE_PATHS } from '../bundle-format';
import type { BundleContents } from '../bundle-contents';

const SUBJECT: Text = { vi: 'Bản kê tệp (manifest.json)', en: 'File manifest (manifest.json)' };

/** Every file listed with its SHA-256 is there with that hash, and nothing else is in the archive. */
export function manifestCheck({ manifest, files }: BundleContents): BundleCheck {
  if (!manifest || manifest.kind !== BUNDLE_KIND || !Array.isArray(manifest.files)) {
    return failed('manifest', `${SUBJECT.vi}: thiếu hoặc không phải bản kê của hồ sơ kiểm chứng thidua`, `${SUBJECT.en}: missing, or not a thidua verification bundle's manifest`);
  }
  if (manifest.formatVersion !== BUNDLE_FORMAT) {
    return failed('manifest', `${SUBJECT.vi}: định dạng phiên bản ${String(manifest.formatVersion)}, công cụ này đọc phiên bản ${BUNDLE_FORMAT}`, `${SUBJECT.en}: format version ${String(manifest.formatVersion)}, this tool reads version ${BUNDLE_FORMAT}`);
  }
  const problems: Text[] = [];
  const listed = new Set<string>();
  for (const entry of manifest.files) {
    listed.add(entry.path);
    const bytes = files.get(entry.path);
    if (!bytes) problems.push({ vi: `thiếu tệp ${entry.path}`, en: `${entry.path} is missing` });
    else if (sha256OfBytes(bytes) !== entry.sha256) problems.push({ vi: `tệp ${entry.path} đã bị thay đổi (mã băm SHA-256 khác)`, en: `${entry.path} was changed (its SHA-256 differs)` });
  }
  for (const path of files.keys()) {
    if (path !== BUNDLE_PATHS.manifest && !listed.has(path)) problems.push({ vi: `tệp ${path} không có trong bản kê`, en: `${path} is not in the manifest` });
  }
  return fromProblems('manifest', SUBJECT, problems, { vi: `${manifest.files.length} tệp, mã băm SHA-256 đều khớp, không thiếu, không thừa`, en: `${manifest.files.length} files, every SHA-256 matches, none missing or extra` });
}
