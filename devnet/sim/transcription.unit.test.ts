import { describe, expect, it } from 'vitest';
import { parseLanguage } from './transcription.js';

describe('parseLanguage', () => {
  it('echoes two-letter codes and treats a missing field as none', () => {
    expect(parseLanguage('en')).toBe('en');
    expect(parseLanguage('fr')).toBe('fr');
    expect(parseLanguage(null)).toBeNull();
    expect(parseLanguage('')).toBeNull();
  });

  it.each(['english', 'EN', 'e', 'en-US', 'x1'])('refuses %s', (code) => {
    expect(() => parseLanguage(code)).toThrow(/^Unsupported language/);
  });

  it('refuses a file in the language field', () => {
    expect(() => parseLanguage(new Blob(['en']))).toThrow(/^Unsupported language/);
  });
});
