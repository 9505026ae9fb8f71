import { describe, expect, it } from 'vitest';
import { NEURON_PER_OG } from '../units';
import { runway, runwayAssumption } from './runway';

const OG = NEURON_PER_OG;

describe('runway', () => {
  it('counts typical chat requests (500 in + 500 out tokens) a balance covers', () => {
    // 0.05 and 0.10 0G per 1M tokens: one request costs 500 * 5e10 + 500 * 1e11 = 7.5e13 neuron.
    expect(runway(OG, 'chatbot', 50_000_000_000n, 100_000_000_000n)).toBe(13_333n);
    expect(runwayAssumption('chatbot')).toMatch(/500 input \+ 500 output tokens/);
  });

  it('counts images one per request', () => {
    expect(runway(OG, 'text-to-image', 0n, 3_000_000_000_000_000n)).toBe(333n);
  });

  it('is zero for an empty or overdrawn balance, and null for a free service', () => {
    expect(runway(0n, 'chatbot', 1n, 1n)).toBe(0n);
    expect(runway(-5n, 'chatbot', 1n, 1n)).toBe(0n);
    expect(runway(OG, 'chatbot', 0n, 0n)).toBeNull();
  });
});
