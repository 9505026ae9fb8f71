import { zipStore } from '../../src/lib/zip.js';

export interface ZipEntry {
  name: string;
  data: Buffer;
}

/**
 * A ZIP archive with stored (uncompressed) entries: enough for the small usage packages served here.
 * The app's own writer (it zips the Build page's project download), dated 1980-01-01 so the same files
 * always zip to the same bytes.
 */
export function storedZip(entries: ZipEntry[]): Buffer {
  const zip = zipStore(entries);
  return Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
}
