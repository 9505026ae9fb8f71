import { SDK_PACKAGE, SDK_VERSION } from '../broker/sdk-package';
import { jsString, type SnippetTarget } from './target';

const ETHERS_VERSION = '6.17.0';
const TSX_VERSION = '4.23.15';

const DEFAULT_PROMPT: Record<SnippetTarget['serviceType'], string> = {
  chatbot: 'Hello! In one sentence, what can you do?',
  'text-to-image': 'A lighthouse on a cliff at dawn, watercolor',
  'image-editing': 'Make it look like a watercolor painting',
  'speech-to-text': '',
};

/** The end of both image requests: the chat ID, no usage, and the first picture saved to a file. */
const savedImage = (
  file: string,
) => `if (!res.ok) throw new Error(\`The provider answered \${res.status}: \${await res.text()}\`);
const chatID = res.headers.get('ZG-Res-Key');
const usage = undefined;
const { data } = await res.json();
const output = process.env.OUTPUT ?? '${file}';
await writeFile(output, Buffer.from(data[0].b64_json, 'base64'));
console.log(\`Saved \${output}\`);`;

/** What the request part of the SDK snippet does per service type, with the chat ID and usage it leaves. */
function request(t: SnippetTarget): string {
  const prompt = jsString(DEFAULT_PROMPT[t.serviceType]);
  switch (t.serviceType) {
    case 'chatbot':
      return `// STREAM=0 asks for one JSON answer instead of a stream.
const stream = process.env.STREAM !== '0';
const res = await fetch(\`\${endpoint}/chat/completions\`, {
  method: 'POST',
  headers: { 'Content-Type': 'application/json', ...headers },
  body: JSON.stringify({
    model,
    messages: [{ role: 'user', content: process.env.PROMPT ?? ${prompt} }],
    stream,
    // The last event then carries the token usage that processResponse takes.
    ...(stream ? { stream_options: { include_usage: true } } : {}),
  }),
});
if (!res.ok) throw new Error(\`The provider answered \${res.status}: \${await res.text()}\`);

// The chat ID names this answer's signature; the completion id stands in when the header is missing.
let chatID = res.headers.get('ZG-Res-Key');
let usage: unknown;
if (stream && res.body) {
  const decoder = new TextDecoder();
  let buffered = '';
  for await (const bytes of res.body) {
    buffered += decoder.decode(bytes, { stream: true });
    const lines = buffered.split('\\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      const data = line.trim().replace(/^data:\\s*/, '');
      if (!line.trim().startsWith('data:') || data === '[DONE]') continue;
      const chunk = JSON.parse(data);
      chatID ??= chunk.id;
      usage = chunk.usage ?? usage;
      process.stdout.write(chunk.choices?.[0]?.delta?.content ?? '');
    }
  }
  process.stdout.write('\\n');
} else {
  const answer = await res.json();
  chatID ??= answer.id;
  usage = answer.usage;
  console.log(answer.choices[0].message.content);
}`;
    case 'text-to-image':
      return `const res = await fetch(\`\${endpoint}/images/generations\`, {
  method: 'POST',
  headers: { 'Content-Type': 'application/json', ...headers },
  body: JSON.stringify({
    model,
    prompt: process.env.PROMPT ?? ${prompt},
    n: 1,
    size: '512x512',
    response_format: 'b64_json',
  }),
});
${savedImage('image.png')}`;
    case 'image-editing':
      return `// The picture to edit: a PNG file.
const input = process.env.IMAGE_FILE ?? 'input.png';
const form = new FormData();
form.append('model', model);
form.append('prompt', process.env.PROMPT ?? ${prompt});
form.append('image', new Blob([await readFile(input)], { type: 'image/png' }), 'input.png');
form.append('response_format', 'b64_json');
const res = await fetch(\`\${endpoint}/images/edits\`, { method: 'POST', headers: { ...headers }, body: form });
${savedImage('edited.png')}`;
    case 'speech-to-text':
      return `// The recording to transcribe, e.g. a WAV or MP3 file.
const input = process.env.AUDIO_FILE ?? 'audio.wav';
const form = new FormData();
form.append('model', model);
form.append('file', new Blob([await readFile(input)]), basename(input));
form.append('response_format', 'json');
const res = await fetch(\`\${endpoint}/audio/transcriptions\`, { method: 'POST', headers: { ...headers }, body: form });
if (!res.ok) throw new Error(\`The provider answered \${res.status}: \${await res.text()}\`);
const chatID = res.headers.get('ZG-Res-Key');
const transcript = await res.json();
const usage = transcript.usage;
console.log(transcript.text);`;
  }
}

const IMPORTS: Record<SnippetTarget['serviceType'], string> = {
  chatbot: '',
  'text-to-image': "import { writeFile } from 'node:fs/promises';\n",
  'image-editing': "import { readFile, writeFile } from 'node:fs/promises';\n",
  'speech-to-text': "import { readFile } from 'node:fs/promises';\nimport { basename } from 'node:path';\n",
};

/**
 * TypeScript with the 0G SDK: a broker from a private key in PRIVATE_KEY, getServiceMetadata,
 * getRequestHeaders, the request for the service type, the chat ID from ZG-Res-Key (else the
 * completion id), and processResponse(provider, chatID, usage), whose result it prints.
 */
export function typescriptSdk(t: SnippetTarget): string {
  return `// ${t.serviceType} on ${t.networkName} through provider ${t.provider},
// with the 0G SDK (${SDK_PACKAGE} ${SDK_VERSION}), verifying the answer's TEE signature.
// Run: PRIVATE_KEY=0x... npx tsx index.ts   (keep the key in the environment, never in this file)
// The wallet needs a ledger and a sub-account with this provider. Note: in Node, getRequestHeaders
// also tops that sub-account up from the ledger when it runs low (the SDK's auto-funding).
import { createZGComputeNetworkBroker } from '${SDK_PACKAGE}';
import { ethers } from 'ethers';
${IMPORTS[t.serviceType]}
const RPC_URL = ${jsString(t.rpcUrl)};
const PROVIDER = ${jsString(t.provider)};
const LEDGER_CONTRACT = ${jsString(t.contracts.ledger)};
const INFERENCE_CONTRACT = ${jsString(t.contracts.inference)};
const FINE_TUNING_CONTRACT = ${jsString(t.contracts.fineTuning)};

const privateKey = process.env.PRIVATE_KEY;
if (!privateKey) throw new Error('Set PRIVATE_KEY to the private key of the wallet that pays this provider.');
const wallet = new ethers.Wallet(privateKey, new ethers.JsonRpcProvider(RPC_URL));
const broker = await createZGComputeNetworkBroker(wallet, LEDGER_CONTRACT, INFERENCE_CONTRACT, FINE_TUNING_CONTRACT);

// The provider's OpenAI-compatible endpoint and model, read from the chain.
const { endpoint, model } = await broker.inference.getServiceMetadata(PROVIDER);
// What the chain said when this snippet was made.
const EXPECTED = { endpoint: ${jsString(t.endpoint)}, model: ${jsString(t.model)} };
if (endpoint !== EXPECTED.endpoint || model !== EXPECTED.model) {
  console.warn(\`This provider's service changed since the snippet was made: now \${model} at \${endpoint}.\`);
}
// A signed access token for this provider (the SDK caches it until it expires).
const headers = await broker.inference.getRequestHeaders(PROVIDER);

${request(t)}

// Checks the provider's TEE signature for this answer: processResponse(provider, chatID, usage).
const verified = await broker.inference.processResponse(
  PROVIDER,
  chatID ?? undefined,
  usage === undefined ? undefined : JSON.stringify(usage),
);
console.log(\`verified: \${verified}\`);
`;
}

/** A folder name for the downloadable project, from the model: letters, digits and dashes only. */
export function projectName(t: SnippetTarget): string {
  const slug = t.model
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `0g-${slug || 'provider'}`;
}

/** The runnable project around the SDK snippet: package.json and index.ts. */
export function sdkProject(t: SnippetTarget): { name: string; files: { path: string; text: string }[] } {
  const name = projectName(t);
  const pkg = {
    name,
    private: true,
    type: 'module',
    description: `Calls provider ${t.provider} on ${t.networkName} with the 0G SDK and verifies the answer`,
    scripts: { start: 'tsx index.ts' },
    dependencies: { [SDK_PACKAGE]: SDK_VERSION, ethers: ETHERS_VERSION },
    devDependencies: { tsx: TSX_VERSION },
    engines: { node: '>=20' },
  };
  return {
    name,
    files: [
      { path: 'package.json', text: `${JSON.stringify(pkg, null, 2)}\n` },
      { path: 'index.ts', text: typescriptSdk(t) },
    ],
  };
}
