import type { ChatFigures } from './chat-summary.js';
import type { FirstRest } from './chat-figures.js';
import { counted, kB, ms, num, table } from './format.js';

/** Prints the chat bench: first message against the rest, each message, the JS, and what could not be measured. */
export function printChat(c: ChatFigures): void {
  const rest = `2-${c.messages}`;
  console.log(
    `\n== chat in Chromium: ${c.messages} messages to ${c.provider} (manifest account ${c.accountIndex}, ${c.account}, E2E Wallet)`,
  );
  console.log(`connecting: wallet prompts ${counted(c.connectWalletRequests) || 'none'}`);
  const row = (label: string, f: FirstRest, fmt: (x: number | null) => string) => [
    label,
    fmt(f.first),
    fmt(f.restMedian),
    fmt(f.restMax),
  ];
  console.log(
    table([
      ['figure', 'message 1', `${rest} median`, `${rest} max`],
      row('wallet prompts', c.walletRequests, num),
      row('JSON-RPC calls, Enter to request', c.rpcBeforeRequest, num),
      row('app time, Enter to request leaving', c.sendToRequestMs, ms),
      row('badge, last byte to "Verified"', c.badgeAfterStreamMs, ms),
      row('Enter to badge', c.sendToBadgeMs, ms),
    ]),
  );

  console.log(
    '\nper message: RPC calls as page:method, or wallet:method for reads the E2E Wallet forwards from Node;' +
      '\nstream = request start to last byte (the simulator waits 15 ms between SSE events)',
  );
  const rows = c.perMessage.map((m, i) => [
    String(i + 1),
    num(m.sendToRequestMs),
    num(m.streamMs),
    num(m.badgeAfterStreamMs),
    m.badge,
    counted(m.walletRequests) || '-',
    counted(m.rpcBeforeRequest) || '-',
    counted(m.rpcAfterStream) || '-',
  ]);
  const header = [
    '#',
    'to req ms',
    'stream ms',
    'badge ms',
    'badge',
    'prompts',
    'RPC Enter->request',
    'RPC stream->badge',
  ];
  console.log(table([header, ...rows]));
  console.log(`JSON-RPC calls from the first Enter to the last badge: ${counted(c.rpcWhileChatting) || 'none'}`);
  for (const [i, m] of c.perMessage.slice(0, 2).entries())
    console.log(
      `wallet calls (any EIP-1193), Enter to request, message ${i + 1}: ${counted(m.walletCallsBeforeRequest) || 'none'}`,
    );

  const js = c.jsToFirstVerified;
  if (js) {
    const libs =
      [js.sdk ? 'SDK' : '', js.ethers ? 'ethers' : ''].filter(Boolean).join(' and ') || 'neither SDK nor ethers';
    console.log(
      `\nJS by the first "Verified": ${js.files} files, ${kB(js.raw)} kB, ${kB(js.gzip)} kB gzip -9 (${libs} loaded)`,
    );
    for (const f of js.list.slice(0, 5)) console.log(`  ${kB(f.gzip).padStart(6)} kB gzip  ${f.path}`);
  }
  const d = (x: number | null) => (x === null ? '?' : `${x.toFixed(1)} ms`);
  console.log(
    `clock check on the chat requests, Playwright's wall clock vs the page's: start ${d(c.clock.startMs)}, last byte ${d(c.clock.endMs)}`,
  );
  for (const n of c.notes) console.log(`not measured reliably: ${n}`);
  if (c.errors.length > 0) {
    console.log(`${c.errors.length} page errors during the chat:`);
    for (const e of c.errors.slice(0, 5)) console.log(`  ${e.split('\n')[0]?.slice(0, 160)}`);
  }
}
