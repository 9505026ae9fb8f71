/** One file in an archive: a path with `/` separators, and its bytes (text is written as UTF-8). */
export interface ZipFile {
  name: string;
  data: Uint8Array | string;
}

let crcTable: Uint32Array | undefined;

/** CRC-32 (the ISO-HDLC polynomial ZIP, gzip and PNG use) of `data`. */
export function crc32(data: Uint8Array): number {
  crcTable ??= Uint32Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  let crc = 0xffffffff;
  for (const byte of data) crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

// 1980-01-01 00:00, the earliest date ZIP can hold: the default, so the same files zip to the same bytes.
const EPOCH = new Date(1980, 0, 1);

/** A date as MS-DOS time and date words (local time, two-second steps), as ZIP stores it. */
function dosDateTime(d: Date): [time: number, date: number] {
  const year = Math.min(Math.max(d.getFullYear(), 1980), 2107);
  return [
    (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  ];
}

/**
 * A ZIP archive of `files` stored without compression, with UTF-8 names: small generated projects
 * and packages, where a deflater would cost more code than it saves bytes. Pure, and deterministic
 * for a given `modified` date. No ZIP64: refuses more than 65,535 files or 4 GiB.
 */
export function zipStore(files: readonly ZipFile[], modified: Date = EPOCH): Uint8Array<ArrayBuffer> {
  if (files.length > 0xffff) throw new Error('A ZIP without ZIP64 holds at most 65,535 files.');
  const utf8 = new TextEncoder();
  const [time, date] = dosDateTime(modified);
  const entries = files.map((f) => {
    const name = utf8.encode(f.name);
    if (name.length > 0xffff) throw new Error(`The file name ${f.name.slice(0, 40)}… is too long for a ZIP.`);
    const data = typeof f.data === 'string' ? utf8.encode(f.data) : f.data;
    return { name, data, crc: crc32(data) };
  });
  const localSize = entries.reduce((n, e) => n + 30 + e.name.length + e.data.length, 0);
  const centralSize = entries.reduce((n, e) => n + 46 + e.name.length, 0);
  if (localSize + centralSize + 22 > 0xffffffff) throw new Error('A ZIP without ZIP64 holds at most 4 GiB.');

  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  let at = 0;
  const u16 = (v: number) => {
    view.setUint16(at, v, true);
    at += 2;
  };
  const u32 = (v: number) => {
    view.setUint32(at, v, true);
    at += 4;
  };
  const bytes = (b: Uint8Array) => {
    out.set(b, at);
    at += b.length;
  };
  // The fields local headers and central directory entries share: version needed, flags, method, time, CRC, sizes.
  const common = (e: (typeof entries)[number]) => {
    u16(20); // version 2.0 needed to extract
    u16(0x0800); // bit 11: the name is UTF-8
    u16(0); // stored
    u16(time);
    u16(date);
    u32(e.crc);
    u32(e.data.length);
    u32(e.data.length);
    u16(e.name.length);
    u16(0); // extra field length
  };

  const offsets: number[] = [];
  for (const e of entries) {
    offsets.push(at);
    u32(0x04034b50);
    common(e);
    bytes(e.name);
    bytes(e.data);
  }
  const centralStart = at;
  entries.forEach((e, i) => {
    u32(0x02014b50);
    u16(20); // made by: MS-DOS attributes, version 2.0
    common(e);
    u16(0); // comment length
    u16(0); // disk number
    u16(0); // internal attributes
    u32(0); // external attributes
    u32(offsets[i]!);
    bytes(e.name);
  });
  const centralLength = at - centralStart;
  u32(0x06054b50);
  u16(0); // this disk
  u16(0); // disk with the central directory
  u16(entries.length);
  u16(entries.length);
  u32(centralLength);
  u32(centralStart);
  u16(0); // comment length
  return out;
}
