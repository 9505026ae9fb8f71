import type { Conversation } from './types';

// The one definition of a conversation's request settings and their limits: new conversations,
// the settings inputs and imported files all go through these.

/** Settings of a new conversation, and of an imported one that leaves them out. */
export const CONVERSATION_DEFAULTS = {
  temperature: 0.7,
  maxTokens: 1024,
  systemPrompt: '',
} as const satisfies Pick<Conversation, 'temperature' | 'maxTokens' | 'systemPrompt'>;

export const MIN_TEMPERATURE = 0;
export const MAX_TEMPERATURE = 2;
/** The most output tokens one answer may ask for. */
export const MAX_TOKENS_CAP = 8192;

/** A temperature within 0..2; not a number gives the default. */
export function clampTemperature(n: number): number {
  if (Number.isNaN(n)) return CONVERSATION_DEFAULTS.temperature;
  return Math.min(MAX_TEMPERATURE, Math.max(MIN_TEMPERATURE, n));
}

/** A whole number of output tokens within 1..MAX_TOKENS_CAP (fractions round down); not a number gives the default. */
export function clampMaxTokens(n: number): number {
  if (Number.isNaN(n)) return CONVERSATION_DEFAULTS.maxTokens;
  return Math.min(MAX_TOKENS_CAP, Math.max(1, Math.floor(n)));
}
