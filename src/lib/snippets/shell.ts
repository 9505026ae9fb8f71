import { SECRET_ENV } from './openai';
import { SDK_PACKAGE, SDK_VERSION } from '../broker/sdk-package';
import { shellWord, type SnippetTarget } from './target';

function curlRequest(t: SnippetTarget): string {
  const url = (path: string) => shellWord(`${t.endpoint}/${path}`);
  const auth = `-H "Authorization: Bearer $${SECRET_ENV}"`;
  switch (t.serviceType) {
    case 'chatbot': {
      const body = JSON.stringify({
        model: t.model,
        messages: [{ role: 'user', content: 'Hello! In one sentence, what can you do?' }],
      });
      return `# Add "stream": true to the body for server-sent events (curl -N shows them as they arrive).
curl -sS -i ${url('chat/completions')} \\
  ${auth} \\
  -H 'Content-Type: application/json' \\
  -d ${shellWord(body)}`;
    }
    case 'text-to-image': {
      const body = JSON.stringify({
        model: t.model,
        prompt: 'A lighthouse on a cliff at dawn, watercolor',
        n: 1,
        size: '512x512',
        response_format: 'b64_json',
      });
      return `# The picture comes back base64-encoded in data[0].b64_json.
curl -sS -D headers.txt -o image.json ${url('images/generations')} \\
  ${auth} \\
  -H 'Content-Type: application/json' \\
  -d ${shellWord(body)}
grep -i '^zg-res-key' headers.txt`;
    }
    case 'image-editing':
      return `# input.png: the picture to edit. The result comes back base64-encoded in data[0].b64_json.
curl -sS -D headers.txt -o edited.json ${url('images/edits')} \\
  ${auth} \\
  --form-string ${shellWord(`model=${t.model}`)} \\
  --form-string 'prompt=Make it look like a watercolor painting' \\
  --form-string 'response_format=b64_json' \\
  -F 'image=@input.png;type=image/png'
grep -i '^zg-res-key' headers.txt`;
    case 'speech-to-text':
      return `# audio.wav: the recording to transcribe.
curl -sS -i ${url('audio/transcriptions')} \\
  ${auth} \\
  --form-string ${shellWord(`model=${t.model}`)} \\
  -F 'file=@audio.wav'`;
  }
}

/** cURL against the provider's endpoint, with the secret from the environment. */
export function curl(t: SnippetTarget): string {
  return `# ${t.serviceType} on ${t.networkName} through provider ${t.provider}, with cURL.
# Run: ${SECRET_ENV}=app-sk-... bash request.sh
# The ZG-Res-Key response header is the chat ID that names the provider's TEE signature of the answer.
: "\${${SECRET_ENV}:?Set ${SECRET_ENV} to an app-sk-... secret for this provider}"
${curlRequest(t)}
`;
}

/** The 0G CLI steps for this provider: fund, transfer, verify, get a secret, and the local proxy. */
export function cliSteps(t: SnippetTarget): string {
  const p = shellWord(t.provider);
  return `# The 0G CLI for provider ${t.provider} on ${t.networkName}. It ships with the SDK:
npm install -g ${SDK_PACKAGE}@${SDK_VERSION}

# It asks for your private key once and keeps it in ~/.0g-compute-cli: never put it in a command.
0g-compute-cli login

# This network, passed to every command below.
NETWORK=(--rpc ${shellWord(t.rpcUrl)} --ledger-ca ${shellWord(t.contracts.ledger)} --inference-ca ${shellWord(t.contracts.inference)})

# 1. Deposit: add-account creates your ledger (3 0G at least); deposit adds to an existing one.
0g-compute-cli add-account --amount 3 "\${NETWORK[@]}"
0g-compute-cli deposit --amount 1 "\${NETWORK[@]}"

# 2. Transfer to this provider's sub-account (1 0G at least for a new one).
0g-compute-cli transfer-fund --provider ${p} --amount 1 --service inference "\${NETWORK[@]}"

# 3. Verify the provider's TEE attestation (reports are written to the current folder).
0g-compute-cli inference verify --provider ${p} "\${NETWORK[@]}"

# 4. Get a secret (app-sk-...) for the OpenAI-client and cURL snippets. It is signed by your wallet,
#    works for this provider only, lives as long as you choose, and can be revoked with revoke-token.
0g-compute-cli inference get-secret --provider ${p} "\${NETWORK[@]}"

# 5. Or run a local OpenAI-compatible proxy that signs each request for you,
#    then point an OpenAI client at http://127.0.0.1:3000/v1.
0g-compute-cli inference serve --provider ${p} --port 3000 --host 127.0.0.1 "\${NETWORK[@]}"
`;
}
