import { beforeAll, describe, expect, it } from 'vitest';
import { buildProof, ProofError, type AnswerProof } from './bundle';
import { bundleFromFragment, hashesOnly, MAX_FRAGMENT_CHARS, shareFragment } from './share';
import { NETWORK, verifiedFixture } from './test-fixtures';

let bundle: AnswerProof;
beforeAll(async () => {
  const f = await verifiedFixture();
  bundle = buildProof({
    kind: 'chat',
    network: NETWORK,
    service: { ...f.service, model: 'qwen ✓ ünïcode' },
    verification: f.verification,
    exchange: { request: f.request, response: f.response },
  });
});

describe('share links', () => {
  it('round-trips the hashes-only bundle through a URL-safe fragment', () => {
    const fragment = shareFragment(bundle)!;
    expect(fragment).toMatch(/^#p=[A-Za-z0-9_-]+$/);
    const back = bundleFromFragment(fragment) as AnswerProof;
    expect(back).toEqual(hashesOnly(bundle));
    expect(back.response.bytes).toBeUndefined();
    expect(back.service.model).toBe('qwen ✓ ünïcode');
    expect(bundleFromFragment(fragment.slice(1))).toEqual(back);
  });

  it('gives no link when the bundle is too long for one', () => {
    const long = { ...bundle, verdict: { ...bundle.verdict, reason: 'x'.repeat(MAX_FRAGMENT_CHARS) } };
    expect(shareFragment(long)).toBeNull();
  });

  it('refuses a fragment without a proof, a damaged one and one that is too long', () => {
    expect(() => bundleFromFragment('#q=1')).toThrow('no #p= part');
    expect(() => bundleFromFragment('#p=***')).toThrow(ProofError);
    expect(() => bundleFromFragment(`#p=${'A'.repeat(MAX_FRAGMENT_CHARS)}`)).toThrow('longer than');
    expect(() => bundleFromFragment('#p=e30')).toThrow('not a 0G Compute proof bundle');
  });
});
