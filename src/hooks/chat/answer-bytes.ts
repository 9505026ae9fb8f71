import type { Service } from '../../lib/chain/services';
import type { ChatExchange } from '../../lib/inference/chat-request';

// The exact bytes of this visit's last answers, final or not, so "Download proof" can include them. Never saved:
// after a reload a proof holds the hashes only.
const answered = new Map<string, { service: Service; exchange: ChatExchange }>();
const MAX_ANSWERED = 100;

/** Keeps an answer's service and bytes for this visit (the oldest are let go past 100). */
export function keepAnswerBytes(messageId: string, service: Service, exchange: ChatExchange): void {
  answered.delete(messageId);
  if (answered.size >= MAX_ANSWERED) answered.delete(answered.keys().next().value!);
  answered.set(messageId, { service, exchange });
}

/** The service and exact bytes of an answer of this visit, for its proof; undefined once the page was reloaded. */
export function answerBytes(messageId: string) {
  const kept = answered.get(messageId);
  return (
    kept && {
      service: kept.service,
      exchange: { request: kept.exchange.requestBytes, response: kept.exchange.responseBytes },
    }
  );
}
