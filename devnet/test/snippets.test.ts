import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual, promisify } from 'node:util';
import { createPublicClient, createTestClient, http, parseEther, type Address } from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { devnet } from '../../src/lib/chain/networks.js';
import { getService } from '../../src/lib/chain/services.js';
import {
  buildSnippets,
  sdkProject,
  snippetTarget,
  type SnippetId,
  type SnippetTarget,
} from '../../src/lib/snippets/index.js';
import { makeWav } from '../sim/audio.js';
import { NO_FAULTS, type Faults } from '../sim/faults.js';
import { decodePng, encodePng, isPng } from '../sim/png.js';
import * as h from './helpers.js';

// The Build page's snippets, generated from what the chain says about each provider and run as a
// user would run them: tsx for the SDK project, node for the OpenAI client, bash for cURL.
const manifest = inject('manifest');
const p = (name: string) => h.providerNamed(manifest, name);
const network = devnet(manifest.rpcUrl, {
  ledger: manifest.contracts.ledger as Address,
  inference: manifest.contracts.inference as Address,
  fineTuning: manifest.contracts.fineTuning as Address,
});
const NAMES = ['chat-a', 'rogue-signer', 'image', 'image-edit', 'speech'];
const CHAT_MODEL = p('chat-a').model;
const answer = (prompt: string) => `This is **${CHAT_MODEL}**, simulated on the 0G devnet. You wrote: "${prompt}"`;
// Inside the repository, so the snippets' imports (@0glabs/0g-serving-broker, ethers, openai) resolve
// from its node_modules; node_modules is ignored by git, eslint and prettier.
const TMP_ROOT = fileURLToPath(new URL('../../node_modules/.tmp/', import.meta.url));
const run = promisify(execFile);

// Every devnet test file owns its users, and the manifest's ten are taken: this file's user is a fresh
// key funded by the chain itself. Requests per provider stay within the rate limiter's burst of 5
// (chat-a gets exactly 5: SDK x2, OpenAI x2, cURL), so no run ever meets a 429.
const privateKey = generatePrivateKey();
let user: h.User;
let work: string;
const targets = new Map<string, SnippetTarget>();
const secrets = new Map<string, string>();

beforeAll(async () => {
  const address = privateKeyToAccount(privateKey).address;
  await createTestClient({ mode: 'hardhat', transport: http(manifest.rpcUrl) }).setBalance({
    address,
    value: parseEther('100'),
  });
  user = await h.connectUser(manifest, { address, privateKey });
  // 3 0G each: above the SDK's auto-funding line (unsettled fee + 2 0G), so the parallel child
  // processes never send a top-up transaction from the same wallet at once.
  await h.fundUser(user, 20, NAMES.map(p), 3n * h.OG);
  const client = createPublicClient({ transport: http(manifest.rpcUrl) });
  for (const name of NAMES) {
    const service = await getService(client, network.contracts.inference, p(name).address as Address);
    const target = service && snippetTarget(service, network);
    if (!target) throw new Error(`No snippet target for ${name}`);
    targets.set(name, target);
    // The app-sk secret the OpenAI and cURL snippets take, as `0g-compute-cli inference get-secret` gives it.
    const { Authorization } = await user.broker.inference.getRequestHeaders(target.provider);
    secrets.set(name, Authorization.replace(/^Bearer /, ''));
  }
  await mkdir(TMP_ROOT, { recursive: true });
  work = await mkdtemp(path.join(TMP_ROOT, 'snippets-'));
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

const target = (name: string) => targets.get(name)!;
const code = (name: string, id: SnippetId) => buildSnippets(target(name)).find((s) => s.id === id)!.code;

/**
 * Writes `files` to a fresh folder and runs `command` there. Credentials go in `env` only (never in
 * argv), and the child sees no other variables than PATH and HOME.
 */
async function runIn(files: Record<string, string | Buffer>, command: string, args: string[], env = {}) {
  const dir = await mkdtemp(path.join(work, 'run-'));
  for (const [file, content] of Object.entries(files)) await writeFile(path.join(dir, file), content);
  const { stdout, stderr } = await run(command, args, {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? dir, ...env },
    timeout: 60_000,
    encoding: 'utf8',
  });
  return { stdout, stderr, dir, file: (name: string) => readFile(path.join(dir, name)) };
}

/** The SDK project (package.json + index.ts) run with tsx and the user's key in PRIVATE_KEY. */
function runSdk(name: string, env: Record<string, string> = {}, files: Record<string, Buffer> = {}) {
  const project = Object.fromEntries(sdkProject(target(name)).files.map((f) => [f.path, f.text]));
  return runIn({ ...project, ...files }, process.execPath, ['--import', 'tsx', 'index.ts'], {
    PRIVATE_KEY: privateKey,
    ...env,
  });
}

/** The OpenAI-client snippet run with node and the user's app-sk secret in ZG_API_KEY. */
function runOpenAI(name: string, env: Record<string, string> = {}, files: Record<string, Buffer> = {}) {
  return runIn({ 'index.mjs': code(name, 'openai-js'), ...files }, process.execPath, ['index.mjs'], {
    ZG_API_KEY: secrets.get(name)!,
    ...env,
  });
}

/** The chat ID a snippet printed, checked against the provider's TEE signature with the SDK. */
async function expectSignedChatId(name: string, stdout: string) {
  const chatId = /^chat ID: (.+)$/m.exec(stdout)?.[1] ?? 'null';
  expect(chatId).not.toMatch(/^(null|undefined)$/);
  expect(await user.broker.inference.processResponse(target(name).provider, chatId)).toBe(true);
}

/** A provider's current faults, as the simulator's control endpoint reports them. */
const faultsOf = (name: string) => async () => {
  const res = await fetch(manifest.simulator.controlUrl);
  return ((await res.json()) as { providers: Record<string, Faults> }).providers[name];
};

const expectPng = (bytes: Buffer, width?: number) => {
  expect(isPng(bytes)).toBe(true);
  if (width !== undefined) expect(decodePng(bytes).width).toBe(width);
};

const wav = makeWav(1.5);
const inputPng = encodePng(new Uint8Array(16 * 8 * 4).fill(200), 16, 8);
const TRANSCRIPT = 'Simulated transcript of 1.5 seconds of audio: ';

describe.concurrent('TypeScript SDK snippet (tsx, PRIVATE_KEY)', () => {
  it.each([
    ['streamed', {}],
    ['not streamed', { STREAM: '0' }],
  ])('chat-a %s: prints the answer and verified: true', async (mode, env) => {
    const prompt = `SDK snippet, ${mode}`;
    const { stdout, stderr } = await runSdk('chat-a', { PROMPT: prompt, ...env });
    expect(stdout).toContain(answer(prompt));
    expect(stdout).toMatch(/^verified: true$/m);
    // The endpoint and model baked into the snippet are what getServiceMetadata reads from the chain.
    expect(stderr).not.toContain('changed since the snippet was made');
  });

  // simulator.test.ts switches short-lived faults on rogue-signer (500s, cut streams, a signature
  // outage): start when it has none, and run again if one spoiled the run. A broken snippet fails every try.
  it('rogue-signer: answers, but verified: false', { retry: 2 }, async () => {
    await h.waitFor(faultsOf('rogue-signer'), (f) => isDeepStrictEqual(f, NO_FAULTS));
    const { stdout } = await runSdk('rogue-signer', { PROMPT: 'rogue' });
    expect(stdout).toContain('simulated on the 0G devnet');
    expect(stdout).toMatch(/^verified: false$/m);
  });

  it('image: writes the PNG to OUTPUT, verified: true', async () => {
    const { stdout, file } = await runSdk('image', { OUTPUT: 'out.png' });
    expect(stdout).toContain('Saved out.png');
    expect(stdout).toMatch(/^verified: true$/m);
    expectPng(await file('out.png'));
  });

  it('image-edit: edits IMAGE_FILE into OUTPUT, verified: true', async () => {
    const { stdout, file } = await runSdk(
      'image-edit',
      { IMAGE_FILE: 'in.png', OUTPUT: 'out.png' },
      { 'in.png': inputPng },
    );
    expect(stdout).toMatch(/^verified: true$/m);
    const out = await file('out.png');
    expectPng(out, 16);
    expect(out.equals(inputPng)).toBe(false);
  });

  it('speech: prints the transcript of AUDIO_FILE, verified: true', async () => {
    const { stdout } = await runSdk('speech', { AUDIO_FILE: 'clip.wav' }, { 'clip.wav': wav });
    expect(stdout).toContain(TRANSCRIPT);
    expect(stdout).toMatch(/^verified: true$/m);
  });
});

describe.concurrent('JavaScript OpenAI-client snippet (node, ZG_API_KEY)', () => {
  it.each([
    ['streamed', {}],
    ['not streamed', { STREAM: '0' }],
  ])('chat-a %s: prints the answer and a chat ID the provider signed', async (mode, env) => {
    const prompt = `OpenAI snippet, ${mode}`;
    const { stdout } = await runOpenAI('chat-a', { PROMPT: prompt, ...env });
    expect(stdout).toContain(answer(prompt));
    await expectSignedChatId('chat-a', stdout);
  });

  it('image: saves the PNG to OUTPUT', async () => {
    const { stdout, file } = await runOpenAI('image', { OUTPUT: 'out.png' });
    expect(stdout).toContain('Saved out.png');
    expectPng(await file('out.png'));
    await expectSignedChatId('image', stdout);
  });

  it('image-edit: saves the edited IMAGE_FILE to OUTPUT', async () => {
    const { stdout, file } = await runOpenAI(
      'image-edit',
      { IMAGE_FILE: 'in.png', OUTPUT: 'out.png' },
      { 'in.png': inputPng },
    );
    expect(stdout).toContain('Saved out.png');
    expectPng(await file('out.png'), 16);
    await expectSignedChatId('image-edit', stdout);
  });

  it('speech: prints the transcript of AUDIO_FILE', async () => {
    const { stdout } = await runOpenAI('speech', { AUDIO_FILE: 'clip.wav' }, { 'clip.wav': wav });
    expect(stdout).toContain(TRANSCRIPT);
    await expectSignedChatId('speech', stdout);
  });
});

describe.concurrent('cURL and Python snippets', () => {
  it('cURL chat-a: HTTP 200 with a ZG-Res-Key the provider signed, and the answer', async () => {
    const { stdout } = await runIn({ 'request.sh': code('chat-a', 'curl') }, 'bash', ['request.sh'], {
      ZG_API_KEY: secrets.get('chat-a')!,
    });
    expect(stdout).toMatch(/^HTTP\/1\.1 200/);
    const chatId = /^zg-res-key: *(\S+)\r?$/im.exec(stdout)?.[1] ?? '';
    expect(await user.broker.inference.processResponse(target('chat-a').provider, chatId)).toBe(true);
    // The body is JSON, so the answer's newlines and quotes arrive escaped.
    expect(stdout).toContain(JSON.stringify(answer('Hello! In one sentence, what can you do?')).slice(1, -1));
  });

  it('Python: every service type compiles', async () => {
    for (const name of ['chat-a', 'image', 'image-edit', 'speech']) {
      await runIn({ 'main.py': code(name, 'openai-python') }, 'python3', ['-m', 'py_compile', 'main.py']);
    }
  });

  it('Python: a hostile model name stays one string literal', async () => {
    const model = `x"; import os; os.system("id") #'\n$(touch /tmp/pwned) \`id\` \\ "`;
    const hostile = { ...target('chat-a'), model };
    const py = buildSnippets(hostile).find((s) => s.id === 'openai-python')!.code;
    // Parsed by Python itself: MODEL is exactly the model, character for character.
    const readModel =
      'import ast\nfor n in ast.parse(open("main.py").read()).body:\n' +
      '    if isinstance(n, ast.Assign) and getattr(n.targets[0], "id", "") == "MODEL":\n' +
      '        print(n.value.value, end="")';
    const { stdout } = await runIn({ 'main.py': py }, 'python3', ['-c', readModel]);
    expect(stdout).toBe(model);
    await runIn({ 'main.py': py }, 'python3', ['-m', 'py_compile', 'main.py']);
  });
});
