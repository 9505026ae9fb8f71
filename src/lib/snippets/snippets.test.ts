import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { Address } from 'viem';
import { devnet as devnetNetwork, mainnet } from '../chain/networks';
import type { Service } from '../chain/services';
import { SDK_PACKAGE } from '../broker/sdk-package';
import { buildSnippets, sdkProject, snippetTarget, type SnippetTarget } from './index';
import { shellWord } from './target';

const service = (over: Partial<Service> = {}): Service => ({
  provider: '0x70997970c51812dc3a010c7d01b50e0d17dc79c8',
  serviceType: 'chatbot',
  url: 'https://provider.example.com',
  inputPrice: 1n,
  outputPrice: 2n,
  updatedAt: 0n,
  model: 'qwen/qwen-2.5-7b-instruct',
  verifiability: 'TeeML',
  additionalInfo: '{}',
  teeSignerAddress: '0x0000000000000000000000000000000000000001',
  teeSignerAcknowledged: true,
  ...over,
});

const TYPES = ['chatbot', 'text-to-image', 'image-editing', 'speech-to-text'] as const;
const target = (over: Partial<Service> = {}) => snippetTarget(service(over), mainnet)!;

// A private key (0x + 64 hex), a filled-in secret, or Hardhat's well-known first key.
const KEY_MATERIAL = [
  /\b(0x)?[0-9a-fA-F]{64}\b/,
  /app-sk-[A-Za-z0-9+/=]{8,}/,
  /ac0974bec39a17e36ba4a6b4d238ff944bacb478/i,
];

describe('Build snippets', () => {
  it.each(TYPES)(
    '%s: every language carries the exact endpoint and model, the CLI the provider and contracts',
    (type) => {
      const t = target({ serviceType: type });
      expect(t.endpoint).toBe('https://provider.example.com/v1/proxy');
      const snippets = buildSnippets(t);
      expect(snippets.map((s) => s.id)).toEqual(['sdk', 'openai-js', 'openai-python', 'curl', 'cli']);
      for (const s of snippets.filter((x) => x.id !== 'cli')) {
        expect(s.code, s.id).toContain(t.endpoint);
        expect(s.code, s.id).toContain(t.model);
      }
      const sdk = snippets[0]!.code;
      expect(sdk).toContain(`const PROVIDER = "${t.provider}"`);
      expect(sdk).toContain('getServiceMetadata(PROVIDER)');
      expect(sdk).toContain('getRequestHeaders(PROVIDER)');
      expect(sdk).toContain("res.headers.get('ZG-Res-Key')");
      expect(sdk).toMatch(/processResponse\(\s*PROVIDER,\s*chatID/);
      const cli = snippets[4]!.code;
      for (const v of [t.provider, t.rpcUrl, t.contracts.ledger, t.contracts.inference]) expect(cli).toContain(v);
      expect(cli).toMatch(/add-account .*\n.*deposit /);
      for (const step of ['transfer-fund', 'inference verify', 'inference get-secret', 'inference serve'])
        expect(cli).toContain(step);
    },
  );

  it('calls the operation of each service type', () => {
    const op = {
      chatbot: 'chat/completions',
      'text-to-image': 'images/generations',
      'image-editing': 'images/edits',
      'speech-to-text': 'audio/transcriptions',
    };
    for (const type of TYPES) {
      const [sdk, js, py, sh] = buildSnippets(target({ serviceType: type }));
      expect(sdk!.code).toContain(op[type]);
      expect(sh!.code).toContain(op[type]);
      const client = {
        chatbot: 'chat.completions',
        'text-to-image': 'images',
        'image-editing': 'images',
        'speech-to-text': 'audio.transcriptions',
      }[type];
      expect(js!.code).toContain(`client.${client}`);
      expect(py!.code).toContain(`client.${client}`);
    }
    const chat = buildSnippets(target())[0]!.code;
    expect(chat).toContain('stream_options: { include_usage: true }');
    expect(chat).toContain("process.env.STREAM !== '0'");
  });

  it('holds no key material: the key and the secret come from environment variables', () => {
    for (const type of TYPES) {
      for (const s of buildSnippets(target({ serviceType: type }))) {
        for (const pattern of KEY_MATERIAL) expect(s.code, `${type} ${s.id}`).not.toMatch(pattern);
        if (s.credentialEnv) expect(s.code, s.id).toContain(s.credentialEnv);
      }
    }
    const sdk = buildSnippets(target())[0]!.code;
    expect(sdk).toContain('process.env.PRIVATE_KEY');
  });

  it('fills in the network: mainnet addresses, or the devnet manifest’s RPC', () => {
    expect(target().rpcUrl).toBe('https://evmrpc.0g.ai');
    expect(target().contracts.ledger).toBe('0x2dE54c845Cd948B72D2e32e39586fe89607074E3');
    const devnet = devnetNetwork('http://127.0.0.1:8545', {
      ledger: '0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0',
      inference: '0x0165878A594ca255338adfa4d48449f69242Eb8F',
      fineTuning: '0xA51c1fc2f0D1a1b8494Ed1FE312d7C3a78Ed91C0',
    });
    const t = snippetTarget(service({ url: 'http://127.0.0.1:8600/chat-a/' }), devnet)!;
    expect(t.rpcUrl).toBe('http://127.0.0.1:8545');
    expect(t.endpoint).toBe('http://127.0.0.1:8600/chat-a/v1/proxy');
    expect(buildSnippets(t)[0]!.code).toContain('const RPC_URL = "http://127.0.0.1:8545"');
  });

  it('has no snippet for a service type it does not know', () => {
    expect(snippetTarget(service({ serviceType: 'quantum-oracle' }), mainnet)).toBeNull();
  });

  it('keeps a hostile model name inside its string literal in every language', () => {
    const model = `x"; process.exit(1); //'\n$(touch /tmp/pwned) \`id\` \\ "`;
    const t: SnippetTarget = target({ model });
    const [sdk, js, py, sh] = buildSnippets(t);
    // JS and TS: the literal parses back to the model.
    const literal = /const MODEL = (.*);\n/.exec(js!.code)?.[1];
    expect(JSON.parse(literal!)).toBe(model);
    expect(sdk!.code).toContain(`model: ${JSON.stringify(model)}`);
    // Python: JSON escapes are Python escapes; the line is one assignment.
    expect(py!.code).toContain(`MODEL = ${JSON.stringify(model)}\n`);
    // Comments never carry it (a newline there would end the comment).
    for (const s of [sdk, js, py, sh]) {
      for (const line of s!.code.split('\n').filter((l) => /^\s*(\/\/|#)/.test(l))) expect(line).not.toContain('pwned');
    }
    // Shell: bash reads the quoted word back as exactly the text.
    expect(execFileSync('bash', ['-c', `printf %s ${shellWord(model)}`], { encoding: 'utf8' })).toBe(model);
    expect(sh!.code).toContain(
      shellWord(
        JSON.stringify({
          model: t.model,
          messages: [{ role: 'user', content: 'Hello! In one sentence, what can you do?' }],
        }),
      ),
    );
  });

  it('packs the SDK snippet as a runnable project: package.json pinned, index.ts', () => {
    const t = target({ model: 'Qwen/Qwen 2.5 (7B)!' });
    const project = sdkProject(t);
    expect(project.name).toBe('0g-qwen-qwen-2-5-7b');
    expect(project.files.map((f) => f.path)).toEqual(['package.json', 'index.ts']);
    const pkg = JSON.parse(project.files[0]!.text) as {
      type: string;
      scripts: Record<string, string>;
      dependencies: Record<string, string>;
    };
    expect(pkg.type).toBe('module');
    expect(pkg.scripts.start).toBe('tsx index.ts');
    expect(pkg.dependencies[SDK_PACKAGE]).toBe('0.7.4');
    expect(project.files[1]!.text).toBe(buildSnippets(t)[0]!.code);
  });
});

// Addresses in the snippets are checksummed whatever case the chain returned.
it('checksums the provider address', () => {
  const lower = '0x70997970c51812dc3a010c7d01b50e0d17dc79c8' as Address;
  expect(target({ provider: lower }).provider).toBe('0x70997970C51812dc3A010C7d01b50e0d17dc79C8');
});
