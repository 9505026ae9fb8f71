import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { verifyMessage } from 'ethers';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyResponse, type VerificationResult } from '../verify/response';
import { buildMultipart } from './multipart';
import { MEDIA_PROOF_FORMAT, mediaProofZip, type MediaProofInput } from './proof-zip';

const tee = privateKeyToAccount(generatePrivateKey());
const provider = privateKeyToAccount(generatePrivateKey()).address;
const hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const utf8 = new TextEncoder();
// The README's own commands; jq is not on every machine (python3, which reads the zips, is needed anyway).
const hasTools = ['jq', 'sha256sum'].every((tool) => spawnSync(tool, ['--version']).status === 0);

// Python's zipfile is the independent reader: it checks every CRC and extracts the files.
const dir = mkdtempSync(path.join(tmpdir(), 'proof-zip-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
function extract(zip: Uint8Array): { dir: string; names: string[]; read: (name: string) => Buffer } {
  const file = path.join(dir, `${n}.zip`);
  const out = path.join(dir, `${n++}`);
  writeFileSync(file, zip);
  const script =
    'import sys, zipfile, json\nz = zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\n' +
    'z.extractall(sys.argv[2])\nprint(json.dumps(z.namelist()))';
  const names = JSON.parse(execFileSync('python3', ['-c', script, file, out], { encoding: 'utf8' })) as string[];
  return { dir: out, names, read: (name) => readFileSync(path.join(out, name)) };
}

const PICTURE = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
const request = buildMultipart(
  [
    { name: 'model', value: 'flux-edit' },
    { name: 'prompt', value: 'A red fox in snow' },
    { name: 'image', filename: 'fox.png', contentType: 'image/png', data: PICTURE },
  ],
  'B',
).bytes;
const response = utf8.encode(
  JSON.stringify({ created: 1, data: [{ b64_json: Buffer.from(PICTURE).toString('base64') }] }),
);
const chatId = 'img-1a2b3c4d-5e6f-7a8b-9c0d-000000000000';
let verification: VerificationResult;

beforeAll(async () => {
  const text = `${hex(request)}:${hex(response)}`;
  verification = await verifyResponse({
    mode: 'TeeML',
    provider,
    expectedSigner: tee.address,
    signerSource: 'contract',
    signerAcknowledged: true,
    chatId,
    signed: { text, signature: await tee.signMessage({ message: text }) },
    requestBytes: request,
    responseBytes: response,
  });
  expect(verification.state).toBe('verified');
});

const input = (extra: Partial<MediaProofInput> = {}): MediaProofInput => ({
  kind: 'image',
  media: PICTURE,
  ext: 'png',
  title: 'A red fox in snow',
  chainId: 16602,
  serviceUrl: 'https://provider.example/v1/proxy',
  model: 'flux-edit',
  verification,
  createdAt: new Date(2025, 4, 6, 7, 8, 10),
  ...extra,
});

describe('mediaProofZip', () => {
  it('holds the media, proof.json and README.txt, and request.bin/response.bin only when given', () => {
    expect(extract(mediaProofZip(input())).names).toEqual([
      'README.txt',
      'proof.json',
      'a-red-fox-in-snow-img-1a2b3c4d.png',
    ]);
    const full = extract(mediaProofZip(input({ exchange: { request, response } })));
    expect(full.names).toEqual([
      'README.txt',
      'proof.json',
      'a-red-fox-in-snow-img-1a2b3c4d.png',
      'request.bin',
      'response.bin',
    ]);
    expect(full.read('a-red-fox-in-snow-img-1a2b3c4d.png')).toEqual(Buffer.from(PICTURE));
    expect(full.read('request.bin')).toEqual(Buffer.from(request));
    expect(full.read('response.bin')).toEqual(Buffer.from(response));
  });

  it('writes proof.json with the fields, and hashes that match the files and both halves of the signed text', () => {
    const z = extract(mediaProofZip(input({ exchange: { request, response } })));
    const proof = JSON.parse(z.read('proof.json').toString('utf8')) as Record<string, unknown>;
    expect(proof).toMatchObject({
      format: MEDIA_PROOF_FORMAT,
      version: 1,
      kind: 'image',
      network: { chainId: 16602 },
      provider,
      model: 'flux-edit',
      serviceUrl: 'https://provider.example/v1/proxy',
      chatId,
      requestSha256: hex(request),
      responseSha256: hex(response),
      mediaSha256: hex(PICTURE),
      mediaUrl: null,
      signedText: verification.signedText,
      signature: verification.signature,
      createdAt: new Date(2025, 4, 6, 7, 8, 10).toISOString(),
    });
    expect(proof.verification).toEqual(JSON.parse(JSON.stringify(verification)));
    expect(proof.requestSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(hex(z.read('request.bin'))).toBe(proof.requestSha256);
    expect(hex(z.read('response.bin'))).toBe(proof.responseSha256);
    expect(hex(z.read('a-red-fox-in-snow-img-1a2b3c4d.png'))).toBe(proof.mediaSha256);
    expect(proof.signedText).toBe(`${proof.requestSha256 as string}:${proof.responseSha256 as string}`);
  });

  it.skipIf(!hasTools)(
    "follows the README's steps: sha256sum and jq read back values that check out with ethers",
    () => {
      const z = extract(mediaProofZip(input({ exchange: { request, response } })));
      const readme = z.read('README.txt').toString('utf8');
      const sums = execFileSync('sha256sum', ['request.bin', 'response.bin'], { cwd: z.dir, encoding: 'utf8' });
      const [reqSum, resSum] = sums.split('\n').map((l) => l.split(' ')[0]);
      expect(readme).toContain(`request  sha256: ${reqSum}`);
      expect(readme).toContain(`response sha256: ${resSum}`);
      // What "$(jq -r .signedText proof.json)" gives the shell: jq's output less its final newline.
      const jq = (filter: string) =>
        execFileSync('jq', ['-r', filter, 'proof.json'], { cwd: z.dir, encoding: 'utf8' }).replace(/\n+$/, '');
      expect(jq('.signedText')).toBe(`${reqSum}:${resSum}`);
      expect(verifyMessage(jq('.signedText'), jq('.signature'))).toBe(jq('.verification.expectedSigner'));
      expect(readme).toContain(`cast wallet verify --address "$(jq -r .verification.expectedSigner proof.json)"`);
      expect(readme).toContain(tee.address);
      expect(readme).toContain('Verified');
      expect(readme).toContain('data[].b64_json');
    },
  );

  it('gives the same bytes for the same input', () => {
    const a = mediaProofZip(input({ exchange: { request, response } }));
    const b = mediaProofZip(input({ exchange: { request, response } }));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(Buffer.from(mediaProofZip(input({ createdAt: new Date(2026, 0, 1) }))).equals(Buffer.from(a))).toBe(false);
  });

  it('refuses request or response bytes other than the ones verified', () => {
    const other = utf8.encode('{}');
    expect(() => mediaProofZip(input({ exchange: { request: other, response } }))).toThrow(/request bytes/);
    expect(() => mediaProofZip(input({ exchange: { request, response: other } }))).toThrow(/response bytes/);
  });

  it('says, for a picture from a link, that the signature covers the response with the link, not the picture', () => {
    const z = extract(mediaProofZip(input({ mediaUrl: 'https://provider.example/files/x.png' })));
    const readme = z.read('README.txt').toString('utf8');
    expect(readme).toContain('The signature covers the response that carried the link, not the picture');
    expect(readme).toContain('https://provider.example/files/x.png');
    expect(readme).toContain('were not included');
    expect(JSON.parse(z.read('proof.json').toString('utf8'))).toMatchObject({
      mediaUrl: 'https://provider.example/files/x.png',
    });
  });

  it('keeps provider text to one line in the README, so it cannot forge a step', () => {
    const model = 'flux\n\n3. The signer. Trust 0xEvil\u202e';
    const z = extract(mediaProofZip(input({ model, mediaUrl: 'https://x.example/a\r\n4. Fake' })));
    const readme = z.read('README.txt').toString('utf8');
    expect(readme).not.toContain('\n3. The signer. Trust');
    expect(readme).not.toContain('\n4. Fake');
    expect(readme).not.toContain('\u202e');
    expect(JSON.parse(z.read('proof.json').toString('utf8'))).toMatchObject({ model });
  });

  it('names a transcript by its title, keeps clear of the archive names, and says when nothing is signed', async () => {
    const transcript = utf8.encode('{"text":"hello"}');
    const unsigned = await verifyResponse({
      mode: 'TeeML',
      provider,
      expectedSigner: tee.address,
      chatId: null,
      signed: null,
      requestBytes: request,
      responseBytes: transcript,
    });
    const z = extract(
      mediaProofZip(
        input({
          kind: 'transcript',
          media: transcript,
          ext: 'json',
          title: 'proof',
          verification: unsigned,
          audioSha256: 'a'.repeat(64),
        }),
      ),
    );
    expect(z.names).toEqual(['README.txt', 'proof.json', 'media-proof.json']);
    expect(z.read('media-proof.json').toString('utf8')).toBe('{"text":"hello"}');
    const readme = z.read('README.txt').toString('utf8');
    expect(readme).toContain('There is no signature for this response');
    expect(readme).toContain('Not verifiable');
    const proof = JSON.parse(z.read('proof.json').toString('utf8')) as Record<string, unknown>;
    expect(proof).toMatchObject({ kind: 'transcript', chatId: null, signedText: null, signature: null });
    // The audio's own hash, for a transcript: the audio is the request's file field.
    expect(proof.audioSha256).toBe('a'.repeat(64));
  });
});
