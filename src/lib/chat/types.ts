/** How a message ended: whole, cut short by Stop, or interrupted by a failure (its text so far is kept). */
export type MessageStatus = 'complete' | 'partial' | 'error';

/** Every message status, for validating imported conversations. */
export const MESSAGE_STATUSES: readonly MessageStatus[] = ['complete', 'partial', 'error'];

/** JSON-safe record of a verification (the verifier's result, stored as is; bigint never appears in it). */
export interface StoredVerification {
  state: 'verifying' | 'verified' | 'content-mismatch' | 'failed' | 'not-verifiable' | 'unavailable';
  reason: string;
  [key: string]: unknown;
}

/** Every verification state, for validating imported conversations. */
export const VERIFICATION_STATES: readonly StoredVerification['state'][] = [
  'verifying',
  'verified',
  'content-mismatch',
  'failed',
  'not-verifiable',
  'unavailable',
];

/** One turn of a conversation, with what is needed to show the same badges when it is reopened. */
export interface ChatMessage {
  id: string;
  role: 'user' | 'assistant';
  content: string;
  reasoning?: string;
  provider?: `0x${string}`;
  model?: string;
  chatId?: string | null;
  usage?: { prompt_tokens: number; completion_tokens: number };
  /** Neuron as a decimal string (IndexedDB and JSON have no bigint). */
  cost?: string;
  estimatedCost?: string;
  verification?: StoredVerification;
  status: MessageStatus;
  error?: string;
  createdAt: number;
  latencyMs?: number;
  /** From sending the request to the first answer text, in ms (answers saved before it was recorded lack it). */
  firstTokenMs?: number;
  /** From the first answer text to the last byte, in ms: what tokens per second are measured over. */
  streamMs?: number;
}

/** A saved chat, owned by one wallet on one chain. */
export interface Conversation {
  id: string;
  chainId: number;
  /** Lowercase address. */
  owner: string;
  title: string;
  provider?: `0x${string}`;
  model?: string;
  systemPrompt: string;
  temperature: number;
  maxTokens: number;
  messages: ChatMessage[];
  createdAt: number;
  updatedAt: number;
}
