import { useCallback, useRef, useState } from 'react';
import type { Service } from '../../lib/chain/services';
import type { StoredVerification } from '../../lib/chat/types';
import type { InferenceProblem } from '../../lib/inference/errors';
import { refusesVerboseJson, sendTranscription, type SpeechExchange } from '../../lib/inference/speech-request';
import { speechCost } from '../../lib/media/speech-cost';
import { parseTranscript, type Transcript } from '../../lib/media/transcript';
import type { MediaItem, MediaStore } from '../../lib/media/types';
import { useInference } from '../inference/use-inference';
import { hashOnce, sha256hex } from '../../lib/media/hash';

/** The audio to transcribe and the options chosen for it. */
export interface SpeechAsk {
  audio: { bytes: Uint8Array; mime: string; name: string };
  durationS: number | null;
  language: string;
  prompt: string;
}

/** One Transcribe press: its transcript and badge as they arrive. */
export interface SpeechRun {
  id: string;
  chainId: number;
  service: Service;
  ask: SpeechAsk;
  status: 'sending' | 'verifying' | 'done' | 'refused';
  message: string | null;
  declined: boolean;
  transcript: Transcript | null;
  /** The provider refused verbose_json, so the transcript came as plain json (no segments). */
  fellBack: boolean;
  verification: StoredVerification | null;
  cost: bigint | null;
  msToText: number | null;
  msToBadge: number | null;
  exchange: SpeechExchange | null;
  itemId: string;
  saveError: string | null;
}

// Larger audio is not kept in history (the transcript is): a browser's storage is better spent on transcripts.
export const MAX_KEPT_AUDIO_BYTES = 10 * 1024 * 1024;

/**
 * The speech studio's requests through the one inference pipeline: preflight, the cached header, the multipart body
 * built as bytes, verbose_json with one fallback to json, the shared verifier, cost from usage, and the transcript
 * saved to history with its badge (the audio too, when not too large).
 */
export function useSpeechRun({
  store,
  chainId,
  owner,
  onRefused,
}: {
  store: MediaStore;
  chainId: number;
  owner: string | undefined;
  onRefused?: (problem: InferenceProblem, service: Service) => void;
}) {
  const inference = useInference({ onRefused });
  const [runs, setRuns] = useState<SpeechRun[]>([]);
  const controllers = useRef(new Map<string, AbortController>());
  const update = useCallback((id: string, patch: Partial<SpeechRun>) => {
    setRuns((all) => all.map((r) => (r.id === id ? { ...r, ...patch } : r)));
  }, []);

  async function start(service: Service, ask: SpeechAsk): Promise<void> {
    const id = crypto.randomUUID();
    const itemId = crypto.randomUUID();
    const t0 = performance.now();
    const controller = new AbortController();
    controllers.current.set(id, controller);
    setRuns((all) => [
      {
        id,
        chainId,
        service,
        ask,
        status: 'sending',
        message: null,
        declined: false,
        transcript: null,
        fellBack: false,
        verification: null,
        cost: null,
        msToText: null,
        msToBadge: null,
        exchange: null,
        itemId,
        saveError: null,
      },
      ...all,
    ]);
    const send = (responseFormat: 'verbose_json' | 'json') =>
      inference.run<SpeechExchange>({
        service,
        controller,
        send: (authorization, signal) =>
          sendTranscription({
            endpoint: `${service.url}/v1/proxy`,
            authorization,
            signal,
            audio: ask.audio,
            model: service.model,
            responseFormat,
            language: ask.language || undefined,
            prompt: ask.prompt || undefined,
          }),
        cost: (ex) => speechCost(service, ex.usage, ex.durationS),
      });
    let outcome = await send('verbose_json');
    let fellBack = false;
    if (outcome.kind === 'refused' && outcome.problem && refusesVerboseJson(outcome.problem)) {
      fellBack = true;
      outcome = await send('json');
    }
    controllers.current.delete(id);
    if (outcome.kind === 'refused') {
      update(id, { status: 'refused', message: outcome.message, declined: outcome.declined });
      return;
    }
    const exchange = outcome.exchange;
    let transcript: Transcript;
    try {
      transcript = parseTranscript(exchange.responseBytes);
    } catch (err) {
      update(id, { status: 'refused', message: (err as Error).message, exchange, cost: outcome.cost });
      return;
    }
    update(id, {
      status: 'verifying',
      transcript,
      fellBack,
      exchange,
      cost: outcome.cost,
      msToText: Math.round(performance.now() - t0),
    });
    const verification = await inference.verify(service, exchange);
    const msToBadge = Math.round(performance.now() - t0);
    let saveError: string | null = null;
    if (owner) {
      const keepAudio = ask.audio.bytes.length <= MAX_KEPT_AUDIO_BYTES;
      const item: MediaItem = {
        id: itemId,
        kind: 'transcript',
        chainId,
        owner,
        createdAt: Date.now(),
        provider: service.provider,
        model: service.model,
        serviceUrl: service.url,
        chatId: exchange.chatId,
        prompt: ask.audio.name,
        settings: { language: ask.language, prompt: ask.prompt, format: fellBack ? 'json' : 'verbose_json' },
        verification,
        cost: outcome.cost === null ? undefined : outcome.cost.toString(),
        latencyMs: outcome.latencyMs,
        requestSha256: hashOnce(verification.localRequestHash, exchange.requestBytes),
        responseSha256: hashOnce(verification.localResponseHash, exchange.responseBytes),
        mediaSha256: sha256hex(ask.audio.bytes),
        mediaType: ask.audio.mime,
        bytes: ask.audio.bytes.length,
        text: transcript.text,
      };
      try {
        const audio = new Blob([ask.audio.bytes as Uint8Array<ArrayBuffer>], { type: ask.audio.mime });
        const answer = new Blob([exchange.responseBytes as Uint8Array<ArrayBuffer>], { type: 'application/json' });
        await store.put(item, keepAudio ? { media: answer, source: audio } : { media: answer });
        if (!keepAudio) saveError = 'The audio is too large to keep in this browser; the transcript is saved.';
      } catch (err) {
        saveError = (err as Error).message;
      }
    }
    update(id, { status: 'done', verification, msToBadge, saveError });
  }

  const stop = (id: string) => controllers.current.get(id)?.abort();
  return { runs, start, stop, check: inference.check };
}
