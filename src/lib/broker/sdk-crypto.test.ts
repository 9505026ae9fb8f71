import { createHash as nodeCreateHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createHash } from './sdk-crypto';

describe('the SDK’s browser createHash', () => {
  it('gives Node’s sha256 for text, bytes, hex and several updates', () => {
    const compose = JSON.stringify({ services: { model: { image: 'x@sha256:ab' } }, note: 'ünïcode ✓' });
    expect(createHash('sha256').update(compose).digest('hex')).toBe(
      nodeCreateHash('sha256').update(compose).digest('hex'),
    );
    const bytes = new Uint8Array([0, 1, 2, 250, 255]);
    expect(createHash('SHA256').update(bytes).update('tail').digest('hex')).toBe(
      nodeCreateHash('sha256').update(bytes).update('tail').digest('hex'),
    );
    expect(createHash('sha256').update('00ff10', 'hex').digest('hex')).toBe(
      nodeCreateHash('sha256').update('00ff10', 'hex').digest('hex'),
    );
    expect(Array.from(createHash('sha256').update('').digest())).toEqual(
      Array.from(nodeCreateHash('sha256').update('').digest()),
    );
  });

  it('refuses other algorithms and reuse in plain words', () => {
    expect(() => createHash('md5')).toThrow(/only sha256/);
    const h = createHash('sha256');
    h.digest('hex');
    expect(() => h.update('x')).toThrow(/already/);
  });
});
