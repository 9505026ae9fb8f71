import { formatOg } from '../units';
import { BADGE_TEXT } from '../verify/response';
import {
  MESSAGE_STATUSES,
  VERIFICATION_STATES,
  type ChatMessage,
  type Conversation,
  type MessageStatus,
  type StoredVerification,
} from './types';

// Files are untrusted: everything read from them is checked field by field and rebuilt, never spread in whole.

const FORMAT = 'og-marketplace-conversation';
const VERSION = 1;
/** The largest file an import accepts (UTF-8 bytes). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/** The most messages an imported conversation may hold. */
export const MAX_IMPORT_MESSAGES = 2000;
// Only used when a hand-written Markdown file leaves them out; exports always write both.
const DEFAULT_TEMPERATURE = 1;
const DEFAULT_MAX_TOKENS = 1024;

/** Where an imported conversation is put: the wallet and chain it will belong to. */
export interface ImportTarget {
  chainId: number;
  owner: string;
}

type Fields = Record<string, unknown>;

function newId(): string {
  // randomUUID exists only in secure contexts; an app served over plain http elsewhere still needs ids.
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

function checkSize(text: string): void {
  // UTF-8 never takes fewer bytes than UTF-16 code units, so the length alone rules out most big files.
  if (text.length > MAX_IMPORT_BYTES || new TextEncoder().encode(text).length > MAX_IMPORT_BYTES) {
    throw new Error('The file is larger than 5 MB, the most a conversation import accepts.');
  }
}

function checkCount(count: number): void {
  if (count > MAX_IMPORT_MESSAGES) {
    throw new Error(`The conversation has more than ${MAX_IMPORT_MESSAGES} messages, the most an import accepts.`);
  }
}

const isObject = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string';
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isAddress = (v: unknown): v is `0x${string}` => typeof v === 'string' && /^0x[0-9a-fA-F]{40}$/.test(v);
// Neuron fits in uint256, which has at most 78 decimal digits.
const isNeuron = (v: unknown): v is string => typeof v === 'string' && /^\d{1,78}$/.test(v);
const isTemperature = (v: unknown): v is number => typeof v === 'number' && v >= 0 && v <= 2;
const isMaxTokens = (v: unknown): v is number => isCount(v) && v >= 1;
const isOneOf =
  <T extends string>(values: readonly T[]) =>
  (v: unknown): v is T =>
    values.includes(v as T);

function field<T>(o: Fields, key: string, where: string, expected: string, ok: (v: unknown) => v is T): T {
  const value = o[key];
  if (!ok(value)) throw new Error(`${where} "${key}" must be ${expected}.`);
  return value;
}

function optional<T>(o: Fields, key: string, where: string, expected: string, ok: (v: unknown) => v is T) {
  return o[key] === undefined ? undefined : field(o, key, where, expected, ok);
}

/** Drops keys whose value is undefined, so rebuilt records equal what was exported. */
function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

function readVerification(value: unknown, where: string): StoredVerification {
  if (!isObject(value)) throw new Error(`${where} "verification" must be an object.`);
  const states = VERIFICATION_STATES.map((s) => `"${s}"`).join(', ');
  const state = field(value, 'state', `${where} verification`, `one of ${states}`, isOneOf(VERIFICATION_STATES));
  const reason = field(value, 'reason', `${where} verification`, 'text', isText);
  // Kept exactly as it was (never upgraded); the mark lets the UI say it was not checked on this device.
  return { ...value, state, reason, imported: true };
}

function readMessage(value: unknown, index: number, seenIds: Set<string>): ChatMessage {
  const where = `Message ${index + 1}'s`;
  if (!isObject(value)) throw new Error(`Message ${index + 1} must be an object.`);
  const id = field(value, 'id', where, 'text', isText);
  // Message ids only need to be unique within their conversation; a clash would confuse the UI's keys.
  const uniqueId = id === '' || seenIds.has(id) ? newId() : id;
  seenIds.add(uniqueId);
  const usage = optional(value, 'usage', where, 'an object', isObject);
  const verification = value.verification === undefined ? undefined : readVerification(value.verification, where);
  return compact<ChatMessage>({
    id: uniqueId,
    role: field(value, 'role', where, '"user" or "assistant"', isOneOf(['user', 'assistant'] as const)),
    content: field(value, 'content', where, 'text', isText),
    reasoning: optional(value, 'reasoning', where, 'text', isText),
    provider: optional(value, 'provider', where, 'an address', isAddress),
    model: optional(value, 'model', where, 'text', isText),
    chatId: optional(value, 'chatId', where, 'text or null', (v): v is string | null => v === null || isText(v)),
    usage: usage && {
      prompt_tokens: field(usage, 'prompt_tokens', `${where} usage`, 'a whole number', isCount),
      completion_tokens: field(usage, 'completion_tokens', `${where} usage`, 'a whole number', isCount),
    },
    cost: optional(value, 'cost', where, 'a whole number of neuron as text', isNeuron),
    estimatedCost: optional(value, 'estimatedCost', where, 'a whole number of neuron as text', isNeuron),
    verification,
    status: field(value, 'status', where, '"complete", "partial" or "error"', isOneOf(MESSAGE_STATUSES)),
    error: optional(value, 'error', where, 'text', isText),
    createdAt: field(value, 'createdAt', where, 'a time in milliseconds', isTime),
    latencyMs: optional(value, 'latencyMs', where, 'a number of milliseconds', isTime),
  });
}

/** The conversation as a versioned JSON document, for saving to a file. */
export function conversationToJson(c: Conversation): string {
  return JSON.stringify({ format: FORMAT, version: VERSION, conversation: c }, null, 2);
}

/** Reads an exported JSON conversation as a new conversation of `target`; throws an Error with a sentence on bad input. */
export function conversationFromJson(text: string, target: ImportTarget): Conversation {
  checkSize(text);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new Error('The file is not valid JSON.');
  }
  if (!isObject(doc) || doc.format !== FORMAT) {
    throw new Error('The file is not a conversation exported from the 0G Compute Marketplace.');
  }
  if (doc.version !== VERSION) {
    throw new Error(
      typeof doc.version === 'number' && doc.version > VERSION
        ? 'The conversation was exported by a newer version of this app; update the app to import it.'
        : 'The file has an unknown format version.',
    );
  }
  const c = doc.conversation;
  if (!isObject(c)) throw new Error('The file holds no conversation.');
  const where = "The conversation's";
  // Checked though replaced: a file wrong here is not what it claims to be.
  field(c, 'id', where, 'text', isText);
  field(c, 'chainId', where, 'a whole number', isCount);
  field(c, 'owner', where, 'text', isText);
  field(c, 'updatedAt', where, 'a time in milliseconds', isTime);
  const messages = field(c, 'messages', where, 'a list', Array.isArray);
  checkCount(messages.length);
  const seenIds = new Set<string>();
  return compact<Conversation>({
    id: newId(),
    chainId: target.chainId,
    owner: target.owner.toLowerCase(),
    title: field(c, 'title', where, 'text', isText),
    provider: optional(c, 'provider', where, 'an address', isAddress),
    model: optional(c, 'model', where, 'text', isText),
    systemPrompt: field(c, 'systemPrompt', where, 'text', isText),
    temperature: field(c, 'temperature', where, 'a number from 0 to 2', isTemperature),
    maxTokens: field(c, 'maxTokens', where, 'a whole number of at least 1', isMaxTokens),
    messages: messages.map((m, i) => readMessage(m, i, seenIds)),
    createdAt: field(c, 'createdAt', where, 'a time in milliseconds', isTime),
    // Changed here now: listed first, where the person who imported it will look.
    updatedAt: Date.now(),
  });
}

// ---- Markdown ----

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
    if (m.cost && isNeuron(m.cost)) parts.push(`Cost: ${formatOg(BigInt(m.cost), 18)} 0G`);
    else if (m.estimatedCost && isNeuron(m.estimatedCost)) {
      parts.push(`Estimated cost: up to ${formatOg(BigInt(m.estimatedCost), 18)} 0G`);
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

function readSettings(line: string, c: Partial<Conversation>): void {
  const [, key, value = ''] = /^- (Model|Provider|Temperature|Max tokens): (.*)$/.exec(line) ?? [];
  if (key === 'Model') c.model = unescapeInline(value);
  if (key === 'Provider') {
    if (!isAddress(value)) throw new Error('The provider in the Markdown is not an address.');
    c.provider = value;
  }
  if (key === 'Temperature') {
    const t = value.trim() === '' ? NaN : Number(value);
    if (!isTemperature(t)) throw new Error('The temperature in the Markdown must be a number from 0 to 2.');
    c.temperature = t;
  }
  if (key === 'Max tokens') {
    const n = /^\d+$/.test(value) ? Number(value) : NaN;
    if (!isMaxTokens(n)) throw new Error('The max tokens in the Markdown must be a whole number of at least 1.');
    c.maxTokens = n;
  }
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
    systemPrompt: systemPrompt ?? '',
    temperature: settings.temperature ?? DEFAULT_TEMPERATURE,
    maxTokens: settings.maxTokens ?? DEFAULT_MAX_TOKENS,
    messages: parsed.map((m, index) => {
      if (m.content === undefined) throw new Error(`Message ${index + 1} has no text block.`);
      return compact<ChatMessage>({ ...m, id: newId(), content: m.content, createdAt: now });
    }),
    createdAt: now,
    updatedAt: now,
  });
}
