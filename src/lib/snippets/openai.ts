import { jsString, pyString, type SnippetTarget } from './target';

/** The environment variable every secret-based snippet reads its `app-sk-…` secret from. */
export const SECRET_ENV = 'ZG_API_KEY';

const PROMPTS = {
  chat: 'Hello! In one sentence, what can you do?',
  image: 'A lighthouse on a cliff at dawn, watercolor',
  edit: 'Make it look like a watercolor painting',
};

/** The end of both image requests: the first picture saved to a file, and the chat ID. */
const jsSavedImage = (file: string) => `const output = process.env.OUTPUT ?? '${file}';
await writeFile(output, Buffer.from(result.data[0].b64_json, 'base64'));
console.log(\`Saved \${output}\`);
console.log(\`chat ID: \${response.headers.get('ZG-Res-Key')}\`);`;

function jsRequest(t: SnippetTarget): string {
  switch (t.serviceType) {
    case 'chatbot':
      return `const messages = [{ role: 'user', content: process.env.PROMPT ?? ${jsString(PROMPTS.chat)} }];
// STREAM=0 asks for one JSON answer instead of a stream.
if (process.env.STREAM !== '0') {
  const { data: stream, response } = await client.chat.completions
    .create({ model: MODEL, messages, stream: true, stream_options: { include_usage: true } })
    .withResponse();
  let chatID = response.headers.get('ZG-Res-Key');
  for await (const chunk of stream) {
    chatID ??= chunk.id;
    process.stdout.write(chunk.choices[0]?.delta?.content ?? '');
  }
  process.stdout.write('\\n');
  console.log(\`chat ID: \${chatID}\`);
} else {
  const { data: completion, response } = await client.chat.completions
    .create({ model: MODEL, messages })
    .withResponse();
  console.log(completion.choices[0].message.content);
  console.log(\`chat ID: \${response.headers.get('ZG-Res-Key') ?? completion.id}\`);
}`;
    case 'text-to-image':
      return `const { data: result, response } = await client.images
  .generate({
    model: MODEL,
    prompt: process.env.PROMPT ?? ${jsString(PROMPTS.image)},
    n: 1,
    size: '512x512',
    response_format: 'b64_json',
  })
  .withResponse();
${jsSavedImage('image.png')}`;
    case 'image-editing':
      return `// The picture to edit: a PNG file.
const input = process.env.IMAGE_FILE ?? 'input.png';
const { data: result, response } = await client.images
  .edit({
    model: MODEL,
    prompt: process.env.PROMPT ?? ${jsString(PROMPTS.edit)},
    image: await toFile(createReadStream(input), 'input.png', { type: 'image/png' }),
    response_format: 'b64_json',
  })
  .withResponse();
${jsSavedImage('edited.png')}`;
    case 'speech-to-text':
      return `// The recording to transcribe, e.g. a WAV or MP3 file.
const input = process.env.AUDIO_FILE ?? 'audio.wav';
const { data: transcript, response } = await client.audio.transcriptions
  .create({ model: MODEL, file: createReadStream(input) })
  .withResponse();
console.log(transcript.text);
console.log(\`chat ID: \${response.headers.get('ZG-Res-Key')}\`);`;
  }
}

const JS_IMPORTS: Record<SnippetTarget['serviceType'], string> = {
  chatbot: "import OpenAI from 'openai';\n",
  'text-to-image': "import { writeFile } from 'node:fs/promises';\nimport OpenAI from 'openai';\n",
  'image-editing':
    "import { createReadStream } from 'node:fs';\nimport { writeFile } from 'node:fs/promises';\nimport OpenAI, { toFile } from 'openai';\n",
  'speech-to-text': "import { createReadStream } from 'node:fs';\nimport OpenAI from 'openai';\n",
};

/** JavaScript (Node, ESM) with the official OpenAI client, pointed at the provider. */
export function javascriptOpenAI(t: SnippetTarget): string {
  return `// ${t.serviceType} on ${t.networkName} through provider ${t.provider}, with the OpenAI client.
// Run: npm install openai@6 && ${SECRET_ENV}=app-sk-... node index.mjs
// ${SECRET_ENV} is a secret for this provider, e.g. from \`0g-compute-cli inference get-secret\`.
${JS_IMPORTS[t.serviceType]}
const ENDPOINT = ${jsString(t.endpoint)};
const MODEL = ${jsString(t.model)};

const apiKey = process.env.${SECRET_ENV};
if (!apiKey) throw new Error('Set ${SECRET_ENV} to an app-sk-... secret for this provider.');
const client = new OpenAI({ baseURL: ENDPOINT, apiKey });

${jsRequest(t)}
// The chat ID names the provider's TEE signature of this answer, for verifying it later.
`;
}

/** The end of both image requests in Python: the first picture saved to a file, and the chat ID. */
const pySavedImage = (file: string) => `output = os.environ.get("OUTPUT", "${file}")
with open(output, "wb") as f:
    f.write(base64.b64decode(raw.parse().data[0].b64_json))
print(f"Saved {output}")
print(f"chat ID: {raw.headers.get('ZG-Res-Key')}")`;

function pyRequest(t: SnippetTarget): string {
  switch (t.serviceType) {
    case 'chatbot':
      return `messages = [{"role": "user", "content": os.environ.get("PROMPT", ${pyString(PROMPTS.chat)})}]
# STREAM=0 asks for one JSON answer instead of a stream.
if os.environ.get("STREAM") != "0":
    with client.chat.completions.with_streaming_response.create(
        model=MODEL,
        messages=messages,
        stream=True,
        stream_options={"include_usage": True},
    ) as response:
        chat_id = response.headers.get("ZG-Res-Key")
        for chunk in response.parse():
            chat_id = chat_id or chunk.id
            if chunk.choices and chunk.choices[0].delta.content:
                print(chunk.choices[0].delta.content, end="", flush=True)
        print()
else:
    raw = client.chat.completions.with_raw_response.create(model=MODEL, messages=messages)
    completion = raw.parse()
    print(completion.choices[0].message.content)
    chat_id = raw.headers.get("ZG-Res-Key") or completion.id
print(f"chat ID: {chat_id}")`;
    case 'text-to-image':
      return `raw = client.images.with_raw_response.generate(
    model=MODEL,
    prompt=os.environ.get("PROMPT", ${pyString(PROMPTS.image)}),
    n=1,
    size="512x512",
    response_format="b64_json",
)
${pySavedImage('image.png')}`;
    case 'image-editing':
      return `# The picture to edit: a PNG file.
with open(os.environ.get("IMAGE_FILE", "input.png"), "rb") as image:
    raw = client.images.with_raw_response.edit(
        model=MODEL,
        prompt=os.environ.get("PROMPT", ${pyString(PROMPTS.edit)}),
        image=("input.png", image, "image/png"),
        response_format="b64_json",
    )
${pySavedImage('edited.png')}`;
    case 'speech-to-text':
      return `# The recording to transcribe, e.g. a WAV or MP3 file.
with open(os.environ.get("AUDIO_FILE", "audio.wav"), "rb") as audio:
    raw = client.audio.transcriptions.with_raw_response.create(model=MODEL, file=audio)
print(raw.parse().text)
print(f"chat ID: {raw.headers.get('ZG-Res-Key')}")`;
  }
}

/** Python with the official OpenAI client, pointed at the provider. */
export function pythonOpenAI(t: SnippetTarget): string {
  const imports = t.serviceType === 'text-to-image' || t.serviceType === 'image-editing' ? 'import base64\n' : '';
  return `# ${t.serviceType} on ${t.networkName} through provider ${t.provider}, with the OpenAI client.
# Run: pip install openai && ${SECRET_ENV}=app-sk-... python3 main.py
# ${SECRET_ENV} is a secret for this provider, e.g. from \`0g-compute-cli inference get-secret\`.
${imports}import os

from openai import OpenAI

ENDPOINT = ${pyString(t.endpoint)}
MODEL = ${pyString(t.model)}

api_key = os.environ.get("${SECRET_ENV}")
if not api_key:
    raise SystemExit("Set ${SECRET_ENV} to an app-sk-... secret for this provider.")
client = OpenAI(base_url=ENDPOINT, api_key=api_key)

${pyRequest(t)}
# The chat ID names the provider's TEE signature of this answer, for verifying it later.
`;
}
