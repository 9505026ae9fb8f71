import type { Service } from '../../lib/chain/services';
import type { InferenceProblem } from '../../lib/inference/errors';
import { refusesVerboseJson, sendTranscription, type SpeechExchange } from '../../lib/inference/speech-request';
import { sha256hex } from '../../lib/media/hash';
import { speechCost } from '../../lib/media/speech-cost';
import { parseTranscript, type Transcript } from '../../lib/media/transcript';
import type { MediaStore } from '../../lib/media/types';
import { useMediaRun, type MediaRunBase, type MediaStudio } from '../media/use-media-run';

/** The audio to transcribe and the options chosen for it. */
export interface SpeechAsk {
  audio: { bytes: Uint8Array; mime: string; name: string };
  durationS: number | null;
  language: string;
  prompt: string;
}

/** One Transcribe press: its transcript and badge as they arrive. */
export interface SpeechRun extends MediaRunBase<SpeechAsk, SpeechExchange> {
  transcript: Transcript | null;
  /** The provider refused verbose_json, so the transcript came as plain json (no segments). */
  fellBack: boolean;
  /** Transcribe press to text shown, in ms. */
  msToText: number | null;
  itemId: string;
}

// Larger audio is not kept in history (the transcript is): a browser's storage is better spent on transcripts.
export const MAX_KEPT_AUDIO_BYTES = 10 * 1024 * 1024;

const studio: MediaStudio<SpeechAsk, SpeechExchange, SpeechRun> = {
  fresh: () => ({ transcript: null, fellBack: false, msToText: null, itemId: crypto.randomUUID() }),
  send: async (service, ask, once) => {
    const send = (responseFormat: 'verbose_json' | 'json') =>
      once({
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
    const first = await send('verbose_json');
    // One fallback: a provider that only speaks json still transcribes, without segments.
    if (first.kind === 'refused' && first.problem && refusesVerboseJson(first.problem))
      return { outcome: await send('json'), shown: { fellBack: true } };
    return { outcome: first };
  },
  read: async (exchange, { run, cost, ms }) => {
    const transcript = parseTranscript(exchange.responseBytes);
    const { ask, itemId, fellBack } = run;
    return {
      shown: { transcript, msToText: ms() },
      save: (facts) => {
        const keepAudio = ask.audio.bytes.length <= MAX_KEPT_AUDIO_BYTES;
        const audio = new Blob([ask.audio.bytes as Uint8Array<ArrayBuffer>], { type: ask.audio.mime });
        const answer = new Blob([exchange.responseBytes as Uint8Array<ArrayBuffer>], { type: 'application/json' });
        return {
          puts: [
            [
              {
                ...facts,
                id: itemId,
                kind: 'transcript',
                prompt: ask.audio.name,
                settings: { language: ask.language, prompt: ask.prompt, format: fellBack ? 'json' : 'verbose_json' },
                cost: cost === null ? undefined : cost.toString(),
                mediaSha256: sha256hex(ask.audio.bytes),
                mediaType: ask.audio.mime,
                bytes: ask.audio.bytes.length,
                text: transcript.text,
              },
              keepAudio ? { media: answer, source: audio } : { media: answer },
            ],
          ],
          note: keepAudio ? undefined : 'The audio is too large to keep in this browser; the transcript is saved.',
        };
      },
    };
  },
};

/**
 * The speech studio's requests through the one media run skeleton: the multipart body built as bytes, verbose_json
 * with one fallback to json, cost from usage, and the transcript saved to history with its badge (the audio too, when
 * not too large).
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
  return useMediaRun({ store, chainId, owner, onRefused, studio });
}
