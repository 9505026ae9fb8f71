import { describe, expect, it } from 'vitest';
import { microphoneError, NO_RECORDER } from './use-recorder';

describe('microphoneError', () => {
  it('reads the name of a DOMException or of any error-like object', () => {
    expect(microphoneError(new DOMException('x', 'NotFoundError'))).toBe('No microphone was found.');
    expect(microphoneError({ name: 'NotReadableError' })).toBe('The microphone is busy in another app or tab.');
    expect(microphoneError(new DOMException('no codec', 'NotSupportedError'))).toBe(NO_RECORDER);
  });

  it('falls back to a plain sentence for anything else, never the raw message', () => {
    const sentence = 'The microphone could not be started; try again.';
    expect(microphoneError(new Error('device 0x80004005 exploded'))).toBe(sentence);
    expect(microphoneError(undefined)).toBe(sentence);
    expect(microphoneError('NotAllowedError')).toBe(sentence);
  });
});
