import { beforeAll, describe, expect, it } from 'vitest';
import { buildProof, parseProof, proofJsonText, ProofError, type AnswerProof } from './bundle';
import { NETWORK, verifiedFixture, type Fixture } from './test-fixtures';

let f: Fixture;
let bundle: AnswerProof;
const now = new Date('2026-01-02T03:04:05.000Z');
beforeAll(async () => {
  f = await verifiedFixture();
  expect(f.verification.state).toBe('verified');
  bundle = buildProof({
    kind: 'chat',
    network: NETWORK,
    service: f.service,
    verification: f.verification,
    exchange: { request: f.request, response: f.response },
    now,
  });
});

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

describe('buildProof', () => {
  it('carries the network, the service, the signed text and the exact bytes as base64', () => {
    expect(bundle).toMatchObject({
      format: '0g-compute-proof',
      version: 1,
      kind: 'chat',
      createdAt: now.toISOString(),
      network: { chainId: 31337, name: '0G Local Devnet', contracts: NETWORK.contracts },
      service: {
        provider: f.service.provider,
        model: 'qwen-2.5-7b',
        teeSigner: f.tee.address,
        signerSource: 'contract',
      },
      chatId: 'chat-1',
      signed: { text: f.verification.signedText, signature: f.verification.signature },
      request: { sha256: f.verification.localRequestHash, bytes: b64(f.request) },
      response: { sha256: f.verification.localResponseHash, bytes: b64(f.response) },
      verdict: { state: 'verified', checkedAt: f.verification.checkedAt },
    });
  });

  it('leaves the bytes out for hashes only', () => {
    const b = buildProof({
      kind: 'chat',
      network: NETWORK,
      service: f.service,
      verification: f.verification,
      exchange: { request: f.request, response: f.response },
      hashesOnly: true,
    });
    expect(b.request).toEqual({ sha256: f.verification.localRequestHash });
    expect(b.response).toEqual({ sha256: f.verification.localResponseHash });
  });

  it('refuses bytes that are not the ones verified', () => {
    const edited = f.response.slice();
    edited[0]! ^= 1;
    const build = () =>
      buildProof({
        kind: 'chat',
        network: NETWORK,
        service: f.service,
        verification: f.verification,
        exchange: { request: f.request, response: edited },
      });
    expect(build).toThrow(ProofError);
    expect(build).toThrow('response bytes given are not the ones that were verified');
  });

  it('refuses a service of another provider', () => {
    const other = { ...f.service, provider: '0x0000000000000000000000000000000000000001' as const };
    expect(() => buildProof({ kind: 'chat', network: NETWORK, service: other, verification: f.verification })).toThrow(
      'another provider',
    );
  });

  it('records the media file hash', () => {
    const b = buildProof({
      kind: 'image',
      network: NETWORK,
      service: f.service,
      verification: f.verification,
      media: { file: 'fox.png', type: 'image/png', bytes: Uint8Array.from([1, 2, 3]), role: 'picture' },
    });
    expect(b.media).toEqual({
      file: 'fox.png',
      type: 'image/png',
      role: 'picture',
      sha256: '039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81',
    });
  });
});

describe('parseProof', () => {
  it('round-trips: build → JSON → parse gives the same bundle', () => {
    expect(parseProof(proofJsonText(bundle))).toEqual(bundle);
    const withMedia: AnswerProof = {
      ...bundle,
      media: { file: 'a.png', type: 'image/png', sha256: 'a'.repeat(64), role: 'picture' },
    };
    expect(parseProof(proofJsonText(withMedia))).toEqual(withMedia);
  });

  it('keeps hostile text as given', () => {
    const hostile = '<img src=x onerror=alert(1)>\u202e\n# forged step';
    const b = { ...bundle, service: { ...bundle.service, model: hostile, url: 'javascript:alert(1)' } };
    expect(parseProof(JSON.stringify(b)).service).toMatchObject({ model: hostile, url: 'javascript:alert(1)' });
  });

  it('refuses another format and an unknown version, naming the version it reads', () => {
    expect(() => parseProof(JSON.stringify({ ...bundle, format: 'other' }))).toThrow('not a 0G Compute proof bundle');
    expect(() => parseProof(JSON.stringify({ ...bundle, format: '0g-compute-media-proof' }))).toThrow(
      'older media proof',
    );
    expect(() => parseProof(JSON.stringify({ ...bundle, version: 2 }))).toThrow(
      'This bundle is version 2; this app reads version 1 only.',
    );
    expect(() => parseProof(JSON.stringify({ ...bundle, version: '1' }))).toThrow('this app reads version 1 only');
  });

  // Thunks: the table is built before beforeAll has made the bundle.
  const set = (path: string, value: unknown) => (): string => {
    const copy = JSON.parse(JSON.stringify(bundle)) as Record<string, unknown>;
    const keys = path.split('.');
    let at = copy;
    for (const k of keys.slice(0, -1)) at = at[k] as Record<string, unknown>;
    if (value === undefined) delete at[keys.at(-1)!];
    else at[keys.at(-1)!] = value;
    return JSON.stringify(copy);
  };

  // One letter's case flipped: still 40 hex digits, but no longer the checksummed address.
  const badChecksum = (a: string) => {
    const i = [...a].findIndex((c, n) => n > 1 && /[a-fA-F]/.test(c));
    const c = a[i]!;
    return a.slice(0, i) + (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()) + a.slice(i + 1);
  };
  const malformed: [string, () => string, string][] = [
    ['not JSON', () => '{"format":', 'not valid JSON'],
    ['empty', () => '', 'not valid JSON'],
    ['an array', () => '[]', 'not an object'],
    ['null', () => 'null', 'not an object'],
    ['a string', () => '"0g-compute-proof"', 'not an object'],
    ['no kind', set('kind', undefined), "bundle's kind"],
    ['unknown kind', set('kind', 'video'), "bundle's kind"],
    ['bad createdAt', set('createdAt', 'yesterday'), "bundle's createdAt"],
    ['no network', set('network', undefined), "bundle's network"],
    ['chainId as text', set('network.chainId', '31337'), 'network.chainId'],
    ['chainId fractional', set('network.chainId', 1.5), 'network.chainId'],
    ['ledger not an address', set('network.contracts.ledger', '0x1234'), 'network.contracts.ledger'],
    ['bad checksum', () => set('service.provider', badChecksum(bundle.service.provider))(), 'service.provider'],
    ['model as number', set('service.model', 7), 'service.model'],
    ['huge url', set('service.url', 'x'.repeat(10_000)), 'longer than'],
    ['teeSigner missing', set('service.teeSigner', undefined), 'service.teeSigner'],
    ['bad signerSource', set('service.signerSource', 'me'), 'service.signerSource'],
    ['chatId as number', set('chatId', 5), 'chatId'],
    ['signed missing', set('signed', undefined), "bundle's signed"],
    ['signature not hex', set('signed.signature', `0x${'zz'.repeat(65)}`), 'signed.signature'],
    ['signature too short', set('signed.signature', '0x1234'), 'signed.signature'],
    ['signed text as object', set('signed.text', {}), 'signed.text'],
    ['request hash uppercase', set('request.sha256', 'A'.repeat(64)), 'request.sha256'],
    ['response hash short', set('response.sha256', 'ab'), 'response.sha256'],
    ['bytes not base64', set('response.bytes', 'not base64!'), 'response.bytes'],
    ['bytes url-safe base64', set('response.bytes', '-_-_'), 'response.bytes'],
    ['bytes as number', set('request.bytes', 12), 'request.bytes'],
    ['verdict state unknown', set('verdict.state', 'great'), 'verdict.state'],
    ['verdict missing', set('verdict', undefined), "bundle's verdict"],
    [
      'media with a path',
      set('media', { file: '../x.png', type: 'image/png', sha256: 'a'.repeat(64), role: 'picture' }),
      'media.file',
    ],
    [
      'media named proof.json',
      set('media', { file: 'proof.json', type: 'application/json', sha256: 'a'.repeat(64), role: 'picture' }),
      'media.file',
    ],
    [
      'media bad type',
      set('media', { file: 'a.png', type: 'image png', sha256: 'a'.repeat(64), role: 'picture' }),
      'media.type',
    ],
    [
      'media bad role',
      set('media', { file: 'a.png', type: 'image/png', sha256: 'a'.repeat(64), role: 'video' }),
      'media.role',
    ],
  ];
  it.each(malformed)('refuses %s with a sentence', (_, make, words) => {
    const text = make();
    expect(() => parseProof(text)).toThrow(ProofError);
    expect(() => parseProof(text)).toThrow(words);
  });

  it('refuses more than 50 MB', () => {
    expect(() => parseProof(' '.repeat(50 * 1024 * 1024 + 1))).toThrow('larger than 50 MB');
  });
});
