import { useEffect, useRef, useState } from 'react';

export type RecorderStatus = 'idle' | 'asking' | 'recording' | 'stopped';

export interface Recording {
  /** The recorder's bytes, typed with its mimeType (e.g. audio/webm;codecs=opus). */
  blob: Blob;
  durationS: number;
}

interface RecorderState {
  status: RecorderStatus;
  /** Whole seconds since recording began. */
  elapsedS: number;
  /** The microphone's live peak level, 0..1, while recording. */
  level: number;
  recording: Recording | null;
  /** Why there is no recording, as a sentence. */
  error: string | null;
  /** Something to check about the recording that was kept. */
  warning: string | null;
}

const IDLE: RecorderState = { status: 'idle', elapsedS: 0, level: 0, recording: null, error: null, warning: null };

export interface RecorderView extends RecorderState {
  start: () => void;
  stop: () => void;
  discard: () => void;
}

export const NO_RECORDER = 'This browser cannot record audio.';
export const TOO_SHORT = 'The recording is shorter than a second; record again.';
export const SILENT = 'The recording seems silent; check the microphone.';
// A peak this low is the noise floor of a muted or dead input, not a quiet voice.
const SILENT_PEAK = 0.01;

/** A sentence for why the microphone could not be used, from the DOMException's name. */
export function microphoneError(error: unknown): string {
  const name = typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
  if (name === 'NotAllowedError' || name === 'SecurityError')
    return 'The browser or you blocked the microphone. Allow it in the site settings and try again.';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'No microphone was found.';
  if (name === 'NotReadableError' || name === 'AbortError') return 'The microphone is busy in another app or tab.';
  if (name === 'NotSupportedError') return NO_RECORDER;
  return 'The microphone could not be started; try again.';
}

interface LevelMeter {
  close: () => void;
  /** Whether the level ever rose above silence; null when it could not be measured. */
  heard: () => boolean | null;
}

type AudioContextClass = typeof AudioContext;

/** Reads the stream's peak level on every animation frame; null when the browser has no Web Audio. */
function startLevelMeter(stream: MediaStream, onLevel: (level: number) => void): LevelMeter | null {
  const Context: AudioContextClass | undefined =
    window.AudioContext ?? (window as { webkitAudioContext?: AudioContextClass }).webkitAudioContext;
  if (!Context) return null;
  try {
    const context = new Context();
    const analyser = context.createAnalyser();
    analyser.fftSize = 1024;
    context.createMediaStreamSource(stream).connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    let peak = 0;
    let measured = false;
    let frame = 0;
    let shown = -1;
    const tick = () => {
      // A suspended context reads zeros: those frames say nothing about the microphone.
      if (context.state === 'running') {
        analyser.getFloatTimeDomainData(samples);
        const now = samples.reduce((max, v) => Math.max(max, Math.abs(v)), 0);
        peak = Math.max(peak, now);
        measured = true;
        // Rendered only when the shown value changes, not on every frame.
        const level = Math.round(Math.min(1, now) * 100) / 100;
        if (level !== shown) onLevel((shown = level));
      }
      frame = requestAnimationFrame(tick);
    };
    void context.resume().catch(() => {});
    frame = requestAnimationFrame(tick);
    return {
      close: () => {
        cancelAnimationFrame(frame);
        void context.close().catch(() => {});
      },
      heard: () => (measured ? peak > SILENT_PEAK : null),
    };
  } catch {
    return null;
  }
}

interface Session {
  stream: MediaStream;
  recorder: MediaRecorder;
  meter: LevelMeter | null;
  chunks: Blob[];
  startedAt: number;
  stoppedAt: number | null;
  timer?: ReturnType<typeof setInterval>;
  failed?: string;
  closed?: boolean;
}

const canRecord = () => typeof MediaRecorder !== 'undefined' && Boolean(navigator.mediaDevices?.getUserMedia);
const stopTracks = (stream: MediaStream) => stream.getTracks().forEach((track) => track.stop());

/** Releases the microphone: a browser shows it in use until every track is stopped. */
function close(s: Session) {
  if (s.closed) return;
  s.closed = true;
  clearInterval(s.timer);
  s.meter?.close();
  stopTracks(s.stream);
  if (s.recorder.state !== 'inactive') s.recorder.stop();
}

/**
 * Records from the microphone: idle → asking (the permission prompt) → recording (elapsed seconds, a live level) →
 * stopped (the Blob and its duration). A recording under a second is refused; a silent one is kept with a warning.
 * The microphone is released on stop, on discard and on unmount.
 */
export function useRecorder({ maxSeconds }: { maxSeconds?: number } = {}): RecorderView {
  const [state, setState] = useState<RecorderState>(IDLE);
  const patch = (change: Partial<RecorderState>) => setState((was) => ({ ...was, ...change }));
  const session = useRef<Session | null>(null);
  // Bumped by discard and unmount, so a permission granted after either is not turned into a recording.
  const attempt = useRef(0);

  function finish(s: Session) {
    close(s);
    if (session.current !== s) return; // discarded: nothing is kept
    session.current = null;
    const durationS = ((s.stoppedAt ?? performance.now()) - s.startedAt) / 1000;
    const blob = new Blob(s.chunks, { type: s.recorder.mimeType || s.chunks[0]?.type || '' });
    const refused = s.failed ?? (durationS < 1 || blob.size === 0 ? TOO_SHORT : null);
    if (refused) return patch({ status: 'idle', level: 0, error: refused });
    const warning = s.meter?.heard() === false ? SILENT : null;
    patch({ status: 'stopped', level: 0, recording: { blob, durationS }, warning });
  }

  function stop() {
    const s = session.current;
    if (!s || s.stoppedAt !== null) return;
    s.stoppedAt = performance.now();
    clearInterval(s.timer);
    // The last chunk comes just before the recorder's stop event, which finishes; an inactive one has no more.
    if (s.recorder.state === 'inactive') finish(s);
    else s.recorder.stop();
  }

  function discard() {
    attempt.current++;
    const s = session.current;
    session.current = null;
    if (s) close(s);
    setState(IDLE);
  }

  async function begin() {
    if (session.current || state.status === 'asking') return;
    const mine = ++attempt.current;
    const fail = (error: string) => patch({ status: 'idle', error });
    if (!canRecord()) return setState({ ...IDLE, error: NO_RECORDER });
    setState({ ...IDLE, status: 'asking' });
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch (e) {
      if (mine === attempt.current) fail(microphoneError(e));
      return;
    }
    if (mine !== attempt.current) return stopTracks(stream);
    let recorder: MediaRecorder;
    try {
      recorder = new MediaRecorder(stream);
    } catch (e) {
      stopTracks(stream);
      return fail(microphoneError(e));
    }
    const meter = startLevelMeter(stream, (level) => patch({ level }));
    const s: Session = { stream, recorder, meter, chunks: [], startedAt: performance.now(), stoppedAt: null };
    recorder.addEventListener('dataavailable', (e) => {
      if (e.data.size > 0) s.chunks.push(e.data);
    });
    recorder.addEventListener('stop', () => finish(s));
    recorder.addEventListener('error', (e) => {
      s.failed = microphoneError((e as Event & { error?: unknown }).error);
      s.stoppedAt ??= performance.now();
    });
    // A microphone unplugged or taken away ends its track: what was recorded so far is kept.
    for (const track of stream.getAudioTracks()) track.addEventListener('ended', stop);
    session.current = s;
    try {
      // With a timeslice, a recording cut short by an error still has its chunks.
      recorder.start(1000);
    } catch (e) {
      session.current = null;
      close(s);
      return fail(microphoneError(e));
    }
    s.timer = setInterval(() => {
      const elapsedS = Math.floor((performance.now() - s.startedAt) / 1000);
      patch({ elapsedS });
      if (maxSeconds !== undefined && elapsedS >= maxSeconds) stop();
    }, 250);
    patch({ status: 'recording' });
  }

  useEffect(() => {
    const pending = attempt;
    const live = session;
    return () => {
      pending.current++;
      if (live.current) close(live.current);
      live.current = null;
    };
  }, []);

  return { ...state, start: () => void begin(), stop, discard };
}
