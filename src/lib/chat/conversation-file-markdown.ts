import { og } from '../units';
import { BADGE_TEXT } from '../verify/response';
import { type ImportTarget, checkCount, checkSize, compact, isAddress, isNeuron, newId } from './conversation-file';
import { clampMaxTokens, clampTemperature, CONVERSATION_DEFAULTS } from './settings';
import { type ChatMessage, type Conversation, type MessageStatus, type StoredVerification } from './types';

// Markdown export and import of a conversation: text only, so an import never carries badge claims.

const PARTIAL_LINE = '_Partial answer: stopped before the end._';
const ERROR_LINE = /^Error:(?: (.*))?$/;
const REASONING_LINE = 'Reasoning:';

/** Inline text as one line with Markdown's punctuation escaped, so titles and names render and read back as typed. */
const escapeInline = (s: string) => s.replace(/[\r\n]+/g, ' ').replace(/[\\`*_[\]<>&~|#$!]/g, '\\$&');
const unescapeInline = (s: string) => s.replace(/\\([!-/:-@[-`{-~])/g, '$1');

/** A fence longer than any run of backticks in the text, so no line of it can close the block. */
function fenced(text: string): string[] {
  const longest = Math.max(0, ...Array.from(text.matchAll(/`+/g), (m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return [`${fence}text`, ...text.split('\n'), fence];
}

function verificationText(v: StoredVerification | undefined): string {
  if (!v) return 'No verification';
  // A stored 'verifying' means the page closed mid-check; a file must not suggest it is still going on.
  return v.state === 'verifying' ? 'Verification not finished' : BADGE_TEXT[v.state];
}

function footer(m: ChatMessage): string[] {
  const lines: string[] = [];
  if (m.status === 'partial') lines.push(PARTIAL_LINE);
  if (m.status === 'error') lines.push(m.error ? `Error: ${escapeInline(m.error)}` : 'Error:');
  if (m.role === 'assistant') {
    const parts = [verificationText(m.verification)];
    if (m.chatId) parts.push(`Chat ID: ${escapeInline(m.chatId)}`);
    // All 18 decimals, trimmed: a record should not round a cost of a few neuron down to 0.
    if (m.cost && isNeuron(m.cost)) parts.push(`Cost: ${og(BigInt(m.cost), 18)}`);
    else if (m.estimatedCost && isNeuron(m.estimatedCost)) {
      parts.push(`Estimated cost: up to ${og(BigInt(m.estimatedCost), 18)}`);
    }
    lines.push(parts.join(' · '));
  }
  // Blank lines between: adjacent lines would run together into one paragraph when rendered.
  return lines.flatMap((line) => [line, '']);
}

/** The conversation as Markdown for reading; contents are fenced so any text in them survives and reads back. */
export function conversationToMarkdown(c: Conversation): string {
  const lines = [c.title ? `# ${escapeInline(c.title)}` : '#', ''];
  if (c.model) lines.push(`- Model: ${escapeInline(c.model)}`);
  if (c.provider) lines.push(`- Provider: ${c.provider}`);
  lines.push(`- Temperature: ${c.temperature}`, `- Max tokens: ${c.maxTokens}`, '');
  if (c.systemPrompt) lines.push('## System prompt', '', ...fenced(c.systemPrompt), '');
  lines.push('## Messages', '');
  for (const m of c.messages) {
    const model = m.model ?? c.model;
    lines.push(m.role === 'user' ? '### You' : `### Assistant${model ? ` (${escapeInline(model)})` : ''}`, '');
    if (m.reasoning) lines.push(REASONING_LINE, '', ...fenced(m.reasoning), '');
    lines.push(...fenced(m.content), '', ...footer(m));
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

interface ParsedMessage {
  role: ChatMessage['role'];
  model?: string;
  reasoning?: string;
  content?: string;
  status: MessageStatus;
  error?: string;
}

function readNumber(value: string, what: string): number {
  const n = value.trim() === '' ? NaN : Number(value);
  if (!Number.isFinite(n)) throw new Error(`${what} in the Markdown must be a number.`);
  return n;
}

function readSettings(line: string, c: Partial<Conversation>): void {
  const [, key, value = ''] = /^- (Model|Provider|Temperature|Max tokens): (.*)$/.exec(line) ?? [];
  if (key === 'Model') c.model = unescapeInline(value);
  if (key === 'Provider') {
    if (!isAddress(value)) throw new Error('The provider in the Markdown is not an address.');
    c.provider = value;
  }
  // A number out of range is brought within it rather than refused, like the settings inputs do.
  if (key === 'Temperature') c.temperature = clampTemperature(readNumber(value, 'The temperature'));
  if (key === 'Max tokens') c.maxTokens = clampMaxTokens(readNumber(value, 'The max tokens'));
}

/** Reads what conversationToMarkdown writes, as a new conversation of `target`; verification is never imported. */
export function conversationFromMarkdown(text: string, target: ImportTarget): Conversation {
  checkSize(text);
  // Line endings only: a file saved on Windows reads back the same (contents' own \r\n become \n).
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  let i = 0;
  while (i < lines.length && lines[i]?.trim() === '') i++;
  const title = /^#(?:[ \t]+(.*))?$/.exec(lines[i] ?? '');
  if (!title)
    throw new Error('The Markdown does not start with a "# title" heading, so it is not an exported conversation.');
  i++;

  const settings: Partial<Conversation> = {};
  let systemPrompt: string | undefined;
  const parsed: ParsedMessage[] = [];
  // What the next fenced block is: set by the heading or label line just before it.
  let expecting: 'system prompt' | 'reasoning' | 'content' | null = null;

  // Reads the fenced block opening at lines[i] and moves past its closing fence.
  const readFence = (where: string): string => {
    const open = /^(`{3,})[^`]*$/.exec(lines[i] ?? '')?.[1] ?? '';
    const start = ++i;
    const closes = (l: string) => /^`+[ \t]*$/.test(l) && l.trim().length >= open.length;
    while (i < lines.length && !closes(lines[i] ?? '')) i++;
    if (i >= lines.length) throw new Error(`The Markdown ends inside ${where} (its closing fence is missing).`);
    return lines.slice(start, i++).join('\n');
  };

  while (i < lines.length) {
    const line = lines[i] ?? '';
    const current = parsed.at(-1);
    if (/^`{3,}[^`]*$/.test(line)) {
      const where = current ? `message ${parsed.length}` : 'the system prompt';
      const body = readFence(where);
      if (expecting === 'system prompt' && systemPrompt === undefined) systemPrompt = body;
      else if (expecting === 'reasoning' && current) current.reasoning = body;
      else if (expecting === 'content' && current && current.content === undefined) current.content = body;
      else throw new Error(`The Markdown has a text block where none belongs (near ${where}).`);
      expecting = current ? 'content' : null;
      continue;
    }
    i++;
    if (line.startsWith('### ')) {
      const assistant = /^### Assistant(?: \((.*)\))?$/.exec(line);
      if (line !== '### You' && !assistant) {
        throw new Error('The Markdown has a message heading other than "### You" or "### Assistant".');
      }
      checkCount(parsed.length + 1);
      const model = assistant?.[1];
      parsed.push({
        role: assistant ? 'assistant' : 'user',
        status: 'complete',
        ...(model !== undefined && { model: unescapeInline(model) }),
      });
      expecting = 'content';
    } else if (!current) {
      if (line === '## System prompt') expecting = 'system prompt';
      else readSettings(line, settings);
    } else if (line === REASONING_LINE && current.reasoning === undefined && current.content === undefined) {
      expecting = 'reasoning';
    } else if (line === PARTIAL_LINE) {
      current.status = 'partial';
    } else if (ERROR_LINE.test(line)) {
      current.status = 'error';
      const error = ERROR_LINE.exec(line)?.[1];
      if (error !== undefined) current.error = unescapeInline(error);
    }
    // Anything else (the verification and cost line, blank lines) is there to be read, not imported.
  }

  const now = Date.now();
  return compact<Conversation>({
    id: newId(),
    chainId: target.chainId,
    owner: target.owner.toLowerCase(),
    title: unescapeInline(title[1]?.trim() ?? ''),
    provider: settings.provider,
    model: settings.model,
    systemPrompt: systemPrompt ?? CONVERSATION_DEFAULTS.systemPrompt,
    temperature: settings.temperature ?? CONVERSATION_DEFAULTS.temperature,
    maxTokens: settings.maxTokens ?? CONVERSATION_DEFAULTS.maxTokens,
    messages: parsed.map((m, index) => {
      if (m.content === undefined) throw new Error(`Message ${index + 1} has no text block.`);
      return compact<ChatMessage>({ ...m, id: newId(), content: m.content, createdAt: now });
    }),
    createdAt: now,
    updatedAt: now,
  });
}
