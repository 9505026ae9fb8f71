import type { FineTuningFigures } from './fine-tuning-summary.js';
import { counted, kB, ms, num, table } from './format.js';

/** The fine-tuning wizard's targets (bench/run.ts TARGETS holds them with the others). */
export interface FineTuningTargets {
  /** The browser's check of a 50 MB JSONL dataset, change of the file input to "Ready to upload:", per 10 MB. */
  fineTuningValidateMsPer10MB: number;
  /** Wallet prompts from the wizard's first step to Finished, on an account with a ledger and nothing else. */
  fineTuningWalletPrompts: number;
}

/** The fine-tuning figures against their targets; the rest are figures without a target. Null where missing. */
export interface FineTuningVerdicts {
  /** Gzipped app JS by the wizard's first step (the provider radio list), connecting included, kB. */
  fineTuningJsGzipKB: number | null;
  /** The 50 MB check, on the page's clock, and per 10 MB. */
  fineTuningValidateMs: number | null;
  fineTuningValidateMsPer10MB: number | null;
  fineTuningValidateOk: boolean | null;
  /** The longest main-thread long task during that check (0: none over 50 ms). */
  fineTuningValidateLongestTaskMs: number | null;
  fineTuningWalletPrompts: number | null;
  fineTuningWalletPromptsOk: boolean | null;
}

const MB = 1024 * 1024;

/** Prints the fine-tuning bench: the JS by the first step, the 50 MB check, and the flow's wallet prompts. */
export function printFineTuning(f: FineTuningFigures): void {
  console.log(
    `\n== fine-tuning wizard in Chromium: provider ${f.provider}, ${f.model}, manifest account ${f.accountIndex} (${f.account}, E2E Wallet, a ledger and nothing else)`,
  );
  console.log(`connecting: wallet prompts ${counted(f.connectWalletRequests) || 'none'}`);
  const js = f.jsToFirstStep;
  if (js) {
    const libs =
      [js.sdk ? 'SDK' : '', js.ethers ? 'ethers' : ''].filter(Boolean).join(' and ') || 'neither SDK nor ethers';
    console.log(
      `JS by the first step (cold visit of /fine-tuning, connecting, the provider radio list shown): ${js.files} files, ${kB(js.raw)} kB, ${kB(js.gzip)} kB gzip -9 (${libs} loaded)`,
    );
    for (const file of js.list.slice(0, 5)) console.log(`  ${kB(file.gzip).padStart(6)} kB gzip  ${file.path}`);
  }

  const v = f.validation;
  console.log(
    `\nchecking ${v.file.name} in the browser (${(v.file.bytes / MB).toFixed(1)} MB, ${v.file.lines.toLocaleString('en-US')} lines; in the ${v.ranIn}): "${v.headline}"`,
  );
  console.log(
    table([
      ['figure', 'value'],
      ['file input change -> "Ready to upload:" (page clock)', ms(v.pageMs)],
      ['  per 10 MB', ms(v.msPer10MB)],
      ['setFiles -> headline seen by Playwright (wall clock)', ms(v.wallMs)],
      ['longest main-thread long task meanwhile', v.longTasks === 0 ? 'none over 50 ms' : ms(v.longestTaskMs)],
      ['long tasks (over 50 ms) meanwhile', num(v.longTasks)],
    ]),
  );

  console.log(
    `\nthe flow, first step to Finished (${(f.flowMs / 1000).toFixed(1)} s, task ${f.taskId}): ${f.flowWalletRequests.length} wallet prompts (${counted(f.flowWalletRequests) || 'none'})`,
  );
  for (const n of f.notes) console.log(`not measured reliably: ${n}`);
  if (f.errors.length > 0) {
    console.log(`${f.errors.length} page errors in the fine-tuning wizard:`);
    for (const e of f.errors.slice(0, 5)) console.log(`  ${e.split('\n')[0]?.slice(0, 160)}`);
  }
}

/** The fine-tuning rows of the targets table. */
export function fineTuningTargetRows(
  t: FineTuningTargets,
  v: FineTuningVerdicts,
  verdict: (ok: boolean | null) => string,
): string[][] {
  return [
    [
      `fine-tuning: 50 MB dataset checked <= ${t.fineTuningValidateMsPer10MB} ms per 10 MB`,
      ms(v.fineTuningValidateMsPer10MB),
      verdict(v.fineTuningValidateOk),
    ],
    [
      `fine-tuning: wallet prompts, first step to Finished <= ${t.fineTuningWalletPrompts} (3 signatures, the transfer, the model's acknowledgement, the signer's when needed)`,
      num(v.fineTuningWalletPrompts),
      verdict(v.fineTuningWalletPromptsOk),
    ],
  ];
}
