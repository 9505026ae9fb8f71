import type { FirstRest } from './chat-figures.js';
import { counted, kB, ms, table } from './format.js';
import type { ImageFigures } from './image-summary.js';

/** The image studio's targets (bench/run.ts TARGETS holds them with the others). */
export interface ImageTargets {
  /** The image studio's JS by its first verified picture is no more than chat's by its first verified answer. */
  imageJsNoMoreThanChat: true;
  /** Reload of /image with 300 saved pictures: the gallery asking for its list to its first thumbnail loaded, median, ms. */
  galleryFirstThumbMs: number;
}

/** How the image figures compare with their targets; null where a figure is missing. */
export interface ImageVerdicts {
  /** Gzipped app JS by the first "Verified" picture, kB. */
  imageJsGzipKB: number | null;
  /** The chat figure it is compared with (measured in the same run), kB. */
  imageJsChatKB: number | null;
  imageJsNoMoreThanChat: boolean | null;
  /** Against the chat's own target (chatJsGzipKB), for when the measured chat figure is itself over it. */
  imageJsWithinChatTarget: boolean | null;
  /** Generate click to the badge, median of the pictures after the first (no target; for the record). */
  imageClickToBadgeMs: number | null;
  galleryFirstThumbMs: number | null;
  galleryOk: boolean | null;
}

/** Prints the image bench: each generation, first against the rest, the JS, the gallery reloads. */
export function printImage(f: ImageFigures): void {
  const rest = `2-${f.generations}`;
  console.log(
    `\n== image studio in Chromium: ${f.generations} pictures from ${f.provider} (manifest account ${f.accountIndex}, ${f.account}, E2E Wallet)`,
  );
  console.log(`connecting: wallet prompts ${counted(f.connectWalletRequests) || 'none'}`);
  const row = (label: string, x: FirstRest) => [label, ms(x.first), ms(x.restMedian), ms(x.restMax)];
  console.log(
    table([
      ['figure (timed in the page from the click)', 'picture 1', `${rest} median`, `${rest} max`],
      row('Generate -> picture shown', f.clickToPictureMs),
      row('Generate -> badge', f.clickToBadgeMs),
    ]),
  );
  const rows = f.perGeneration.map((g, i) => [
    String(i + 1),
    ms(g.clickToPictureMs),
    ms(g.clickToBadgeMs),
    g.badge,
    counted(g.walletRequests) || '-',
  ]);
  console.log(table([['#', 'to picture', 'to badge', 'badge', 'wallet prompts'], ...rows]));

  const js = f.jsToFirstVerified;
  if (js) {
    const libs =
      [js.sdk ? 'SDK' : '', js.ethers ? 'ethers' : ''].filter(Boolean).join(' and ') || 'neither SDK nor ethers';
    console.log(
      `\nJS by the first "Verified" picture: ${js.files} files, ${kB(js.raw)} kB, ${kB(js.gzip)} kB gzip -9 (${libs} loaded)`,
    );
    for (const file of js.list.slice(0, 5)) console.log(`  ${kB(file.gzip).padStart(6)} kB gzip  ${file.path}`);
  }

  const g = f.gallery;
  console.log(
    `\ngallery: ${g.seeded} pictures seeded into IndexedDB, ${g.stored} saved in all; reload of /image, from navigation start`,
  );
  const reloads = g.reloads.map((r, i) => [
    `reload ${i + 1}`,
    ms(r.contentLoadedMs),
    ms(r.firstTileMs),
    ms(r.firstThumbMs),
    ms(r.openMs),
    ms(r.openToThumbMs),
    String(r.tiles),
  ]);
  console.log(
    table([
      [
        '',
        'DOMContentLoaded',
        'first tile',
        'first thumbnail loaded',
        'gallery asks for its list',
        'list to thumbnail',
        'tiles shown',
      ],
      ...reloads,
    ]),
  );
  console.log(`median from the gallery asking for its list to its first thumbnail: ${ms(g.firstThumbMedianMs)}`);

  for (const n of f.notes) console.log(`not measured reliably: ${n}`);
  if (f.errors.length > 0) {
    console.log(`${f.errors.length} page errors in the image studio:`);
    for (const e of f.errors.slice(0, 5)) console.log(`  ${e.split('\n')[0]?.slice(0, 160)}`);
  }
}

/** The image rows of the targets table. */
export function imageTargetRows(
  t: ImageTargets & { chatJsGzipKB: number },
  v: ImageVerdicts,
  verdict: (ok: boolean | null) => string,
): string[][] {
  const kb = (x: number | null) => (x === null ? '?' : `${x.toFixed(1)} kB`);
  return [
    [
      `image: JS by the first "Verified" picture <= chat's (${kb(v.imageJsChatKB)} measured)`,
      kb(v.imageJsGzipKB),
      verdict(v.imageJsNoMoreThanChat),
    ],
    [
      `image: JS by the first "Verified" picture <= ${t.chatJsGzipKB} kB gzip (the chat target)`,
      kb(v.imageJsGzipKB),
      verdict(v.imageJsWithinChatTarget),
    ],
    [
      `image: gallery of 300 opens, first thumbnail <= ${t.galleryFirstThumbMs} ms (median of reloads)`,
      ms(v.galleryFirstThumbMs),
      verdict(v.galleryOk),
    ],
  ];
}
