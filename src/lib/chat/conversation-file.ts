import {
  MESSAGE_STATUSES,
  VERIFICATION_STATES,
  type ChatMessage,
  type Conversation,
  type StoredVerification,
} from './types';
import { clampMaxTokens, clampTemperature } from './settings';

// Files are untrusted: everything read from them is checked field by field and rebuilt, never spread in whole.

const FORMAT = 'og-marketplace-conversation';
const VERSION = 1;
/** The largest file an import accepts (UTF-8 bytes). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/** The most messages an imported conversation may hold. */
export const MAX_IMPORT_MESSAGES = 2000;

/** Where an imported conversation is put: the wallet and chain it will belong to. */
export interface ImportTarget {
  chainId: number;
  owner: string;
}

type Fields = Record<string, unknown>;

export function newId(): string {
  // randomUUID exists only in secure contexts; an app served over plain http elsewhere still needs ids.
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

export function checkSize(text: string): void {
  // UTF-8 never takes fewer bytes than UTF-16 code units, so the length alone rules out most big files.
  if (text.length > MAX_IMPORT_BYTES || new TextEncoder().encode(text).length > MAX_IMPORT_BYTES) {
    throw new Error('The file is larger than 5 MB, the most a conversation import accepts.');
  }
}

export function checkCount(count: number): void {
  if (count > MAX_IMPORT_MESSAGES) {
    throw new Error(`The conversation has more than ${MAX_IMPORT_MESSAGES} messages, the most an import accepts.`);
  }
}

const isObject = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string';
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
export const isAddress = (v: unknown): v is `0x${string}` => typeof v === 'string' && /^0x[0-9a-fA-F]{40}$/.test(v);
// Neuron fits in uint256, which has at most 78 decimal digits.
export const isNeuron = (v: unknown): v is string => typeof v === 'string' && /^\d{1,78}$/.test(v);
const isNumber = (v: unknown): v is number => typeof v === 'number' && !Number.isNaN(v);
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
export function compact<T extends object>(o: T): T {
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
    firstTokenMs: optional(value, 'firstTokenMs', where, 'a number of milliseconds', isTime),
    streamMs: optional(value, 'streamMs', where, 'a number of milliseconds', isTime),
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
    // A number out of range is brought within it rather than refused, like the settings inputs do.
    temperature: clampTemperature(field(c, 'temperature', where, 'a number', isNumber)),
    maxTokens: clampMaxTokens(field(c, 'maxTokens', where, 'a number', isNumber)),
    messages: messages.map((m, i) => readMessage(m, i, seenIds)),
    createdAt: field(c, 'createdAt', where, 'a time in milliseconds', isTime),
    // Changed here now: listed first, where the person who imported it will look.
    updatedAt: Date.now(),
  });
}
