import { createHash } from 'node:crypto';

export interface ChatMessage {
  role: string;
  content: unknown;
}

/** A rough, deterministic tokenizer: words and punctuation marks each count as one token. */
export function countTokens(text: string): number {
  return text.match(/\w+|[^\s\w]/g)?.length ?? 0;
}

/** Text of a message whose content may be a string or OpenAI content parts. */
export function messageText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content
      .map((p) => (p && typeof p === 'object' && 'text' in p && typeof p.text === 'string' ? p.text : ''))
      .join('\n');
  }
  return '';
}

/** Prompt tokens as chat templates count them: content plus a few tokens of framing per message. */
export function promptTokens(messages: readonly ChatMessage[]): number {
  return messages.reduce((n, m) => n + countTokens(messageText(m.content)) + 4, 2);
}

const FACTS = [
  'Every response on this devnet is signed by the TEE key the provider registered on chain.',
  'Fees are settled on chain in batches, so a sub-account balance drops in steps.',
  'A refund unlocks after the lock time of the serving contract.',
  'The signed text binds the request bytes and the response bytes with SHA-256.',
  'Providers rate-limit each user: 30 requests a minute, bursts of 5.',
  'TeeTLS brokers sign a routing proof for the upstream they relay to.',
];

/** A prompt containing this phrase (any case) gets the GitHub-flavoured Markdown answer. */
export const GFM_TRIGGER = 'markdown table';

/** The GFM body: a table, a task list, strikethrough and a line of raw HTML that must show as text. */
function gfmBody(prompt: string, hash: string): string[] {
  return [
    '| Check | Value | Unit |',
    '| :--- | ---: | :---: |',
    `| Length | ${countTokens(prompt)} | tokens |`,
    `| Length | ${prompt.length} | characters |`,
    `| SHA-256 | \`${hash}\` | first 4 bytes |`,
    '',
    '- [x] Sign the response in the TEE',
    '- [x] Bind the request and response bytes',
    '- [ ] Settle the fee on chain',
    '',
    '~~Trust the provider~~ Check the signature.',
    '',
    '<p>This line is raw HTML.</p>',
  ];
}

/**
 * A deterministic answer so tests can predict it: markdown with a list and a code block, or with a
 * table, a task list and strikethrough when the prompt contains GFM_TRIGGER.
 */
export function composeReply(
  model: string,
  messages: readonly ChatMessage[],
  reasoning = false,
): { content: string; reasoning?: string } {
  const last = [...messages].reverse().find((m) => m.role === 'user');
  const prompt = messageText(last?.content).trim();
  const digest = createHash('sha256').update(prompt).digest();
  const quoted = prompt.length > 160 ? `${prompt.slice(0, 157)}...` : prompt;
  const fact = FACTS[(digest[0] ?? 0) % FACTS.length];
  const hash = digest.subarray(0, 4).toString('hex');
  const body = prompt.toLowerCase().includes(GFM_TRIGGER)
    ? gfmBody(prompt, hash)
    : [
        `1. Your message has ${countTokens(prompt)} tokens and ${prompt.length} characters.`,
        `2. Its SHA-256 starts with \`${hash}\`.`,
        `3. ${fact}`,
        '',
        '```text',
        `conversation: ${messages.length} message(s)`,
        '```',
      ];
  const content = [`This is **${model}**, simulated on the 0G devnet. You wrote: "${quoted}"`, '', ...body].join('\n');
  if (!reasoning) return { content };
  return {
    content,
    reasoning: `The user wrote ${countTokens(prompt)} tokens. I will restate the message, give two facts about it, and add one fact about the network.`,
  };
}

/** Splits text into stream deltas of one word each (keeping the whitespace before it). */
export function deltas(text: string): string[] {
  return text.match(/\s*\S+/g) ?? [];
}
