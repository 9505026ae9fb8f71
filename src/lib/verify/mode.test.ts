import { describe, expect, it } from 'vitest';
import { MODE_EXPLANATION, verificationMode } from './mode';

describe('verificationMode', () => {
  it('recognises TeeML and TeeTLS whatever their case', () => {
    expect(verificationMode('TeeML')).toBe('TeeML');
    expect(verificationMode(' teeml ')).toBe('TeeML');
    expect(verificationMode('TEETLS')).toBe('TeeTLS');
  });

  it('does not treat any string containing "tee" as verifiable', () => {
    expect(verificationMode('tee-ish')).toBe('none');
    expect(verificationMode('OpML')).toBe('none');
    expect(verificationMode('')).toBe('none');
  });

  it('explains every mode', () => {
    for (const m of ['TeeML', 'TeeTLS', 'none'] as const) expect(MODE_EXPLANATION[m].length).toBeGreaterThan(20);
  });
});
