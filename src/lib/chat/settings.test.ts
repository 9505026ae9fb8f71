import { describe, expect, it } from 'vitest';
import { clampMaxTokens, clampTemperature, CONVERSATION_DEFAULTS, MAX_TOKENS_CAP } from './settings';

describe('conversation settings', () => {
  it('defines the defaults and the cap once', () => {
    expect(CONVERSATION_DEFAULTS).toEqual({ temperature: 0.7, maxTokens: 1024, systemPrompt: '' });
    expect(MAX_TOKENS_CAP).toBe(8192);
  });

  it.each([
    [0, 0],
    [2, 2],
    [2.0001, 2],
    [-1, 0],
    [1, 1],
    [0.5, 0.5],
    [Infinity, 2],
    [-Infinity, 0],
    [NaN, 0.7],
  ])('clampTemperature(%s) is %s', (input, expected) => {
    expect(clampTemperature(input)).toBe(expected);
  });

  it.each([
    [1, 1],
    [8192, 8192],
    [8193, 8192],
    [0, 1],
    [-1, 1],
    [0.5, 1],
    [2, 2],
    [1024.9, 1024],
    [Infinity, 8192],
    [NaN, 1024],
  ])('clampMaxTokens(%s) is %s', (input, expected) => {
    expect(clampMaxTokens(input)).toBe(expected);
  });

  it('keeps every value it returns within the limits', () => {
    for (const n of [-5, 0, 0.3, 1.7, 3, 9000, 1e9]) {
      expect(clampTemperature(n)).toBeGreaterThanOrEqual(0);
      expect(clampTemperature(n)).toBeLessThanOrEqual(2);
      expect(Number.isInteger(clampMaxTokens(n))).toBe(true);
      expect(clampMaxTokens(n)).toBeGreaterThanOrEqual(1);
      expect(clampMaxTokens(n)).toBeLessThanOrEqual(MAX_TOKENS_CAP);
    }
  });
});
