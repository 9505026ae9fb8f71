import { afterEach, describe, expect, it, vi } from 'vitest';
import { InferenceError, type InferenceProblem } from './errors';
import {
  refusesVerboseJson,
  sendTranscription,
  transcriptionDuration,
  transcriptionParts,
  transcriptionUsage,
} from './speech-request';

// A WAV header and a few bytes that contain CRLF and dashes, as real audio may.
const AUDIO = Uint8Array.from([0x52, 0x49, 0x46, 0x46, 0x2d, 0x2d, 0x0d, 0x0a, 0x57, 0x41, 0x56, 0x45, 0x00, 0xff]);
const utf8 = new TextEncoder();
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

interface Sent {
  url: string;
  headers: Record<string, string>;
  body: Uint8Array<ArrayBuffer>;
}

/** A stand-in provider that records what was sent, byte for byte, and answers `answer`. */
function provider(answer: string, status = 200) {
  const sent: Sent[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      sent.push({
        url,
        headers: init.headers as Record<string, string>,
        body: new Uint8Array(await new Response(init.body).arrayBuffer()),
      });
      return new Response(answer, { status, headers: { 'ZG-Res-Key': 'stt-9' } });
    }),
  );
  return sent;
}

const request = {
  endpoint: 'https://provider.example/v1/proxy',
  authorization: 'Bearer app-sk-abc',
  signal: new AbortController().signal,
  audio: { bytes: AUDIO, mime: 'audio/wav', name: 'réunion.wav' },
  model: 'openai/whisper-large-v3',
  responseFormat: 'verbose_json' as const,
};

const formOf = (s: Sent) =>
  new Response(s.body, { headers: { 'content-type': s.headers['Content-Type']! } }).formData();

afterEach(() => vi.unstubAllGlobals());

describe('sendTranscription', () => {
  const answer = JSON.stringify({
    task: 'transcribe',
    duration: 3.04,
    text: 'hello',
    segments: [],
    usage: { type: 'tokens', input_tokens: 31, output_tokens: 4, total_tokens: 35 },
  });

  it('posts exactly the multipart bytes it keeps and keeps the answer whole', async () => {
    const sent = provider(answer);
    const ex = await sendTranscription({ ...request, language: 'fr', prompt: 'Zoë, 0G' });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.url).toBe('https://provider.example/v1/proxy/audio/transcriptions');
    expect(sent[0]!.headers.Authorization).toBe('Bearer app-sk-abc');
    expect(sent[0]!.headers['Content-Type']).toMatch(/^multipart\/form-data; boundary=\S+$/);
    expect(b64(sent[0]!.body)).toBe(b64(ex.requestBytes));
    expect(b64(ex.responseBytes)).toBe(b64(utf8.encode(answer)));

    const form = await formOf(sent[0]!);
    expect([...form.keys()]).toEqual(['file', 'model', 'response_format', 'language', 'prompt']);
    expect(form.get('model')).toBe('openai/whisper-large-v3');
    expect(form.get('response_format')).toBe('verbose_json');
    expect(form.get('language')).toBe('fr');
    expect(form.get('prompt')).toBe('Zoë, 0G');
    const file = form.get('file') as File;
    expect(file.name).toBe('réunion.wav');
    expect(file.type).toBe('audio/wav');
    expect(b64(new Uint8Array(await file.arrayBuffer()))).toBe(b64(AUDIO));

    expect(ex).toMatchObject({ chatId: 'stt-9', problem: null, responseFormat: 'verbose_json', durationS: 3.04 });
    expect(ex.usage).toEqual({ prompt_tokens: 31, completion_tokens: 4, total_tokens: 35 });
  });

  it('leaves out an empty language and prompt', async () => {
    const sent = provider(answer);
    await sendTranscription({ ...request, responseFormat: 'json', language: '', prompt: '' });
    const form = await formOf(sent[0]!);
    expect([...form.keys()]).toEqual(['file', 'model', 'response_format']);
    expect(form.get('response_format')).toBe('json');
  });

  it('keeps an answer that is not JSON, without usage', async () => {
    provider('<html>oops</html>');
    const ex = await sendTranscription(request);
    expect(new TextDecoder().decode(ex.responseBytes)).toBe('<html>oops</html>');
    expect(ex.usage).toBeNull();
    expect(ex.durationS).toBeNull();
  });

  it('throws the provider problem for an HTTP error, which refusesVerboseJson recognises', async () => {
    provider('{"error":{"message":"\\"verbose_json\\" is not supported by this provider: use json or text"}}', 400);
    const err = await sendTranscription(request).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InferenceError);
    expect(refusesVerboseJson((err as InferenceError).problem)).toBe(true);
  });
});

describe('transcriptionParts', () => {
  it('puts the file first, then the fields', () => {
    const parts = transcriptionParts({ ...request, language: 'en' });
    expect(parts.map((p) => p.name)).toEqual(['file', 'model', 'response_format', 'language']);
  });
});

describe('transcriptionUsage', () => {
  it('maps Whisper-style and chat-style token counts', () => {
    expect(transcriptionUsage({ type: 'tokens', input_tokens: 10, output_tokens: 2, total_tokens: 12 })).toEqual({
      prompt_tokens: 10,
      completion_tokens: 2,
      total_tokens: 12,
    });
    expect(transcriptionUsage({ prompt_tokens: 7, completion_tokens: 0 })).toEqual({
      prompt_tokens: 7,
      completion_tokens: 0,
      total_tokens: 7,
    });
  });

  it('is null for a duration usage and for counts that are not whole, safe and non-negative', () => {
    expect(transcriptionUsage({ type: 'duration', seconds: 12 })).toBeNull();
    expect(transcriptionUsage({ input_tokens: 10 })).toBeNull();
    expect(transcriptionUsage({ input_tokens: -1, output_tokens: 2 })).toBeNull();
    expect(transcriptionUsage({ input_tokens: 1.5, output_tokens: 2 })).toBeNull();
    expect(transcriptionUsage({ input_tokens: '10', output_tokens: 2 })).toBeNull();
    expect(transcriptionUsage({ input_tokens: 2 ** 60, output_tokens: 2 })).toBeNull();
    expect(transcriptionUsage(null)).toBeNull();
    expect(transcriptionUsage([1, 2])).toBeNull();
  });
});

describe('transcriptionDuration', () => {
  it('is the stated duration, else the seconds of a duration usage', () => {
    expect(transcriptionDuration({ duration: 12.5, usage: { type: 'duration', seconds: 13 } })).toBe(12.5);
    expect(transcriptionDuration({ text: '', usage: { type: 'duration', seconds: 13 } })).toBe(13);
  });

  it('is null when no usable length is stated', () => {
    expect(transcriptionDuration({ text: '', usage: { type: 'tokens', seconds: 13 } })).toBeNull();
    expect(transcriptionDuration({ duration: -1 })).toBeNull();
    expect(transcriptionDuration({ duration: '12' })).toBeNull();
    expect(transcriptionDuration({ duration: Infinity })).toBeNull();
    expect(transcriptionDuration('12')).toBeNull();
  });
});

describe('refusesVerboseJson', () => {
  const http = (status: number, message: string): InferenceProblem => ({ kind: 'http', status, message });

  it('is true for a 400 that names the format', () => {
    expect(refusesVerboseJson(http(400, '"verbose_json" is not supported by this provider: use json or text'))).toBe(
      true,
    );
    expect(refusesVerboseJson(http(400, 'Invalid value for RESPONSE_FORMAT'))).toBe(true);
  });

  it('is false for other refusals, statuses and problems', () => {
    expect(refusesVerboseJson(http(400, 'Attach the audio as the "file" field'))).toBe(false);
    expect(refusesVerboseJson(http(400, ''))).toBe(false);
    expect(refusesVerboseJson(http(500, 'verbose_json crashed'))).toBe(false);
    expect(refusesVerboseJson({ kind: 'unauthorized' })).toBe(false);
    expect(refusesVerboseJson({ kind: 'timeout' })).toBe(false);
  });
});
