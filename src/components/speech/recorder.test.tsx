// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Recorder } from './recorder';

// happy-dom has no microphone, MediaRecorder or Web Audio: these stand in, with a level the test sets.
let level = 0.5;
let tracks: FakeTrack[] = [];
let contexts: FakeAudioContext[] = [];

class FakeTrack extends EventTarget {
  stopped = false;
  stop() {
    this.stopped = true;
  }
}

class FakeMediaRecorder extends EventTarget {
  state: RecordingState = 'inactive';
  mimeType = 'audio/webm;codecs=opus';
  constructor(readonly stream: MediaStream) {
    super();
  }
  start() {
    this.state = 'recording';
  }
  stop() {
    this.state = 'inactive';
    // As in browsers: the last chunk, then the stop event, a task later.
    setTimeout(() => {
      this.dispatchEvent(Object.assign(new Event('dataavailable'), { data: new Blob(['opus bytes']) }));
      this.dispatchEvent(new Event('stop'));
    });
  }
}

class FakeAudioContext {
  state: AudioContextState = 'running';
  closed = false;
  constructor() {
    contexts.push(this);
  }
  createAnalyser() {
    return { fftSize: 2048, getFloatTimeDomainData: (samples: Float32Array) => samples.fill(-level) };
  }
  createMediaStreamSource() {
    return { connect: () => {} };
  }
  resume = () => Promise.resolve();
  close = () => {
    this.closed = true;
    return Promise.resolve();
  };
}

const getUserMedia = vi.fn(async () => {
  tracks = [new FakeTrack()];
  return { getTracks: () => tracks, getAudioTracks: () => tracks } as unknown as MediaStream;
});

function install({ recorder = true }: { recorder?: boolean } = {}) {
  Object.defineProperty(navigator, 'mediaDevices', { value: { getUserMedia }, configurable: true });
  if (recorder) vi.stubGlobal('MediaRecorder', FakeMediaRecorder);
  vi.stubGlobal('AudioContext', FakeAudioContext);
}

const button = (name: string) => screen.getByRole('button', { name });
const record = () => act(async () => fireEvent.click(button('Start recording')));
const wait = (ms: number) => act(async () => vi.advanceTimersByTime(ms));
const stop = async () => {
  fireEvent.click(button('Stop recording'));
  await wait(1);
};

beforeEach(() => {
  vi.useFakeTimers();
  level = 0.5;
  tracks = [];
  contexts = [];
  getUserMedia.mockClear();
  vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:recording');
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  install();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('Recorder', () => {
  it('records with a live level and the elapsed time, then offers the recording to play and hands it over', async () => {
    const onRecording = vi.fn();
    render(<Recorder onRecording={onRecording} />);
    button('Start recording').focus();
    await record();
    expect(getUserMedia).toHaveBeenCalledWith({ audio: true });
    // The same button, now Stop: the focus stays on it.
    expect(document.activeElement).toBe(button('Stop recording'));
    await wait(2300);
    const meter = screen.getByRole('meter', { name: 'Microphone level' });
    expect(meter.getAttribute('aria-valuenow')).toBe('50');
    expect(screen.getByText('0:02').getAttribute('aria-live')).toBe('polite');
    expect(onRecording).not.toHaveBeenCalled();

    await stop();
    expect(screen.queryByRole('meter')).toBeNull();
    expect(screen.getByText('Recorded 0:02')).toBeDefined();
    expect(document.querySelector('audio')?.getAttribute('src')).toBe('blob:recording');
    expect(onRecording).toHaveBeenCalledOnce();
    const blob = onRecording.mock.calls[0]![0] as Blob;
    expect(blob.type).toBe('audio/webm;codecs=opus');
    expect(await blob.text()).toBe('opus bytes');
    expect(tracks.every((t) => t.stopped)).toBe(true);
    expect(contexts.every((c) => c.closed)).toBe(true);
  });

  it.each([
    ['NotAllowedError', 'The browser or you blocked the microphone. Allow it in the site settings and try again.'],
    ['SecurityError', 'The browser or you blocked the microphone. Allow it in the site settings and try again.'],
    ['NotFoundError', 'No microphone was found.'],
    ['OverconstrainedError', 'No microphone was found.'],
    ['NotReadableError', 'The microphone is busy in another app or tab.'],
    ['AbortError', 'The microphone is busy in another app or tab.'],
  ])('says why when getUserMedia fails with %s', async (name, sentence) => {
    getUserMedia.mockRejectedValueOnce(new DOMException('denied', name));
    render(<Recorder onRecording={() => {}} />);
    await record();
    expect(screen.getByText(sentence).getAttribute('aria-live')).toBe('polite');
    expect(button('Start recording')).toBeDefined();
  });

  it('says when the browser cannot record, without asking for the microphone', async () => {
    vi.unstubAllGlobals();
    install({ recorder: false });
    render(<Recorder onRecording={() => {}} />);
    await record();
    expect(screen.getByText('This browser cannot record audio.')).toBeDefined();
    expect(getUserMedia).not.toHaveBeenCalled();
  });

  it('refuses a recording shorter than a second and keeps nothing', async () => {
    const onRecording = vi.fn();
    render(<Recorder onRecording={onRecording} />);
    await record();
    await wait(600);
    await stop();
    expect(screen.getByText('The recording is shorter than a second; record again.')).toBeDefined();
    expect(document.querySelector('audio')).toBeNull();
    expect(onRecording).not.toHaveBeenCalled();
    expect(tracks.every((t) => t.stopped)).toBe(true);
  });

  it('keeps a silent recording with a warning', async () => {
    level = 0.004;
    const onRecording = vi.fn();
    render(<Recorder onRecording={onRecording} />);
    await record();
    await wait(1500);
    await stop();
    expect(screen.getByText('The recording seems silent; check the microphone.')).toBeDefined();
    expect(onRecording).toHaveBeenCalledExactlyOnceWith(expect.any(Blob));
  });

  it('gives no silence warning when the level could not be measured (a suspended audio context)', async () => {
    vi.spyOn(FakeAudioContext.prototype, 'createAnalyser').mockImplementation(function (this: FakeAudioContext) {
      this.state = 'suspended';
      return { fftSize: 2048, getFloatTimeDomainData: (s: Float32Array) => s.fill(0) };
    });
    render(<Recorder onRecording={() => {}} />);
    await record();
    await wait(1500);
    await stop();
    expect(screen.getByText('Recorded 0:01')).toBeDefined();
    expect(screen.queryByText(/seems silent/)).toBeNull();
  });

  it('discards a kept recording, and one being made, releasing the microphone', async () => {
    const onRecording = vi.fn();
    render(<Recorder onRecording={onRecording} />);
    await record();
    await wait(1500);
    await stop();
    fireEvent.click(button('Discard'));
    expect(onRecording).toHaveBeenLastCalledWith(null);
    expect(document.querySelector('audio')).toBeNull();

    await record();
    await wait(1500);
    fireEvent.click(button('Discard'));
    await wait(10);
    expect(tracks.every((t) => t.stopped)).toBe(true);
    expect(onRecording).toHaveBeenCalledTimes(2);
    expect(button('Start recording')).toBeDefined();
  });

  it('replaces the last recording when recording again', async () => {
    const onRecording = vi.fn();
    render(<Recorder onRecording={onRecording} />);
    await record();
    await wait(1500);
    await stop();
    await act(async () => fireEvent.click(button('Record again')));
    expect(onRecording).toHaveBeenLastCalledWith(null);
    await wait(1200);
    await stop();
    expect(onRecording).toHaveBeenCalledTimes(3);
    expect(onRecording).toHaveBeenLastCalledWith(expect.any(Blob));
  });

  it('stops by itself at maxSeconds, and when the microphone goes away', async () => {
    const onRecording = vi.fn();
    render(<Recorder onRecording={onRecording} maxSeconds={3} />);
    await record();
    await wait(3300);
    expect(screen.getByText('Recorded 0:03')).toBeDefined();

    await act(async () => fireEvent.click(button('Record again')));
    await wait(1500);
    await act(async () => tracks[0]!.dispatchEvent(new Event('ended')));
    await wait(1);
    expect(screen.getByText('Recorded 0:01')).toBeDefined();
    expect(onRecording).toHaveBeenLastCalledWith(expect.any(Blob));
  });

  it('releases the microphone on unmount, even when permission comes after', async () => {
    const view = render(<Recorder onRecording={() => {}} />);
    await record();
    view.unmount();
    expect(tracks[0]!.stopped).toBe(true);

    let grant: (stream: MediaStream) => void = () => {};
    getUserMedia.mockImplementationOnce(() => new Promise((resolve) => (grant = resolve)));
    const again = render(<Recorder onRecording={() => {}} />);
    await record();
    expect(screen.getByText('Allow the microphone when the browser asks.')).toBeDefined();
    expect(button('Start recording').getAttribute('aria-disabled')).toBe('true');
    again.unmount();
    const late = new FakeTrack();
    await act(async () => grant({ getTracks: () => [late], getAudioTracks: () => [late] } as unknown as MediaStream));
    expect(late.stopped).toBe(true);
  });
});
