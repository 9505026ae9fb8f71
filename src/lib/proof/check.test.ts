import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { describe, expect, it } from 'vitest';
import { buildProof, type AnswerProof } from './bundle';
import { checkProof, readChainView, type ProofReport } from './check';
import { hashesOnly } from './share';
import { NETWORK, verifiedFixture, type Fixture } from './test-fixtures';

async function setup(mode: 'TeeML' | 'TeeTLS' = 'TeeML'): Promise<{ f: Fixture; bundle: AnswerProof }> {
  const f = await verifiedFixture(mode);
  expect(f.verification.state).toBe('verified');
  const bundle = buildProof({
    kind: 'chat',
    network: NETWORK,
    service: f.service,
    verification: f.verification,
    exchange: { request: f.request, response: f.response },
  });
  return { f, bundle };
}

const status = (r: ProofReport) => Object.fromEntries(r.rows.map((row) => [row.id, row.status]));
const detail = (r: ProofReport, id: string) => r.rows.find((row) => row.id === id)?.detail ?? '';
const flipLast = (b64: string) => {
  const bytes = Buffer.from(b64, 'base64');
  bytes[bytes.length - 1]! ^= 1;
  return bytes.toString('base64');
};

describe('checkProof', () => {
  it('passes every row of an untouched TeeML bundle, with the badge detail labels', async () => {
    const { f, bundle } = await setup();
    const r = await checkProof(bundle, f.chain);
    expect(status(r)).toEqual({ signature: 'passed', signer: 'passed', request: 'passed', response: 'passed' });
    expect(r.rows.map((row) => row.label)).toEqual([
      'Signature valid',
      "Signed by the provider's TEE key",
      'Request bound',
      'Response bound',
    ]);
    expect(r).toMatchObject({ verified: true, contentIncluded: true, signerChanged: false, networkKnown: true });
    expect(r.sentences).toEqual([]);
  });

  it('adds the routing row for TeeTLS', async () => {
    const { f, bundle } = await setup('TeeTLS');
    const r = await checkProof(bundle, f.chain);
    expect(status(r).routing).toBe('passed');
    expect(detail(r, 'routing')).toContain('api.openai.com');
    expect(r.verified).toBe(true);
  });

  it('fails "Response bound" when one byte of the response is edited', async () => {
    const { f, bundle } = await setup();
    const edited = { ...bundle, response: { ...bundle.response, bytes: flipLast(bundle.response.bytes!) } };
    const r = await checkProof(edited, f.chain);
    expect(status(r)).toMatchObject({ signature: 'passed', signer: 'passed', request: 'passed', response: 'failed' });
    expect(r.verified).toBe(false);
    expect(r.sentences.join(' ')).toContain('Response bound');
  });

  it('fails when the declared hash and the bytes are both edited to agree', async () => {
    const { f, bundle } = await setup();
    const bytes = flipLast(bundle.response.bytes!);
    const sha = (await import('viem')).sha256(Buffer.from(bytes, 'base64')).slice(2);
    const r = await checkProof({ ...bundle, response: { sha256: sha, bytes } }, f.chain);
    expect(status(r).response).toBe('failed');
    expect(r.verified).toBe(false);
  });

  it('fails the signature and signer rows for a signature by another key', async () => {
    const { f, bundle } = await setup();
    const other = privateKeyToAccount(generatePrivateKey());
    const signature = await other.signMessage({ message: bundle.signed!.text });
    const r = await checkProof({ ...bundle, signed: { ...bundle.signed!, signature } }, f.chain);
    expect(status(r)).toMatchObject({ signature: 'failed', signer: 'failed' });
    expect(detail(r, 'signature')).toContain(other.address);
    expect(r.verified).toBe(false);
  });

  it('fails for another key even when the bundle names that key as its signer', async () => {
    const { f, bundle } = await setup();
    const other = privateKeyToAccount(generatePrivateKey());
    const signature = await other.signMessage({ message: bundle.signed!.text });
    const forged = {
      ...bundle,
      service: { ...bundle.service, teeSigner: other.address },
      signed: { ...bundle.signed!, signature },
    };
    const r = await checkProof(forged, f.chain);
    expect(status(r)).toMatchObject({ signature: 'passed', signer: 'failed' });
    expect(r.signerChanged).toBe(true);
    expect(r.verified).toBe(false);
  });

  it('hashes only: compares the signed hashes with the declared ones and says the content is not included', async () => {
    const { f, bundle } = await setup();
    const r = await checkProof(hashesOnly(bundle), f.chain);
    expect(status(r)).toMatchObject({ request: 'passed', response: 'passed' });
    expect(detail(r, 'response')).toContain('not included');
    expect(r).toMatchObject({ verified: false, contentIncluded: false });
    expect(r.sentences.join(' ')).toContain('content is not included');
    const wrong = { ...hashesOnly(bundle), response: { sha256: 'f'.repeat(64) } };
    expect(status(await checkProof(wrong, f.chain)).response).toBe('failed');
  });

  it('says so when the signer changed on chain since the check', async () => {
    const { bundle } = await setup();
    const now = privateKeyToAccount(generatePrivateKey()).address;
    const r = await checkProof(bundle, { network: NETWORK, service: { teeSigner: now, acknowledged: true } });
    expect(status(r).signer).toBe('failed');
    expect(detail(r, 'signer')).toContain(`is now ${now}`);
    expect(r).toMatchObject({ signerChanged: true, verified: false });
  });

  it('fails an unacknowledged signer', async () => {
    const { f, bundle } = await setup();
    const r = await checkProof(bundle, {
      network: NETWORK,
      service: { teeSigner: f.tee.address, acknowledged: false },
    });
    expect(status(r).signer).toBe('failed');
    expect(r.verified).toBe(false);
  });

  it('does not run the signer row on a network the app does not know', async () => {
    const { bundle } = await setup();
    const r = await checkProof(bundle, { network: null, service: 'unreachable' });
    expect(status(r).signer).toBe('not-run');
    expect(detail(r, 'signer')).toContain('not a network this app knows');
    expect(r).toMatchObject({ networkKnown: false, verified: false });
  });

  it('fails when the provider has no service on chain now, and says when the chain cannot be read', async () => {
    const { bundle } = await setup();
    const gone = await checkProof(bundle, { network: NETWORK, service: null });
    expect(status(gone).signer).toBe('failed');
    expect(detail(gone, 'signer')).toContain('has no service');
    const down = await checkProof(bundle, { network: NETWORK, service: 'unreachable' });
    expect(status(down).signer).toBe('not-run');
    expect(down.verified).toBe(false);
  });

  it('reports a media file whose hash differs, and passes the right one', async () => {
    const { f, bundle } = await setup();
    const withMedia = {
      ...bundle,
      media: {
        file: 'a.png',
        type: 'image/png',
        sha256: (await import('viem')).sha256(Uint8Array.from([1])).slice(2),
        role: 'picture' as const,
      },
    };
    expect(status(await checkProof(withMedia, f.chain, { bytes: Uint8Array.from([1]) })).media).toBe('passed');
    const bad = await checkProof(withMedia, f.chain, { bytes: Uint8Array.from([2]) });
    expect(status(bad).media).toBe('failed');
    expect(bad.verified).toBe(false);
  });

  it('never throws for a bundle that skipped parseProof', async () => {
    const { f } = await setup();
    const r = await checkProof({ service: 7 } as unknown as AnswerProof, f.chain);
    expect(r.verified).toBe(false);
    expect(r.rows.every((row) => row.status === 'failed')).toBe(true);
    expect(r.sentences[0]).toContain('could not be checked');
  });

  it('lets the one verifier decide: a TeeML service whose signed text is a routing proof is not verified', async () => {
    const { f, bundle } = await setup('TeeTLS');
    const r = await checkProof({ ...bundle, service: { ...bundle.service, verifiability: 'TeeML' } }, f.chain);
    expect(r.verified).toBe(false);
    expect(r.sentences.join(' ')).toContain('TeeTLS routing proof');
  });
});

describe('readChainView', () => {
  it('knows no network for another chain id, and says the chain cannot be read when the RPC is down', async () => {
    const { bundle } = await setup();
    expect(await readChainView({ ...bundle, network: { ...bundle.network, chainId: 1 } }, [NETWORK])).toEqual({
      network: null,
      service: 'unreachable',
    });
    expect(await readChainView(bundle, [NETWORK])).toEqual({ network: NETWORK, service: 'unreachable' });
  });
});
