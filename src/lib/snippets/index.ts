import { cliSteps, curl } from './shell';
import { javascriptOpenAI, pythonOpenAI, SECRET_ENV } from './openai';
import { typescriptSdk } from './sdk';
import type { SnippetTarget } from './target';

export { snippetTarget, type SnippetTarget } from './target';
export { sdkProject } from './sdk';
export { SECRET_ENV } from './openai';

export type SnippetId = 'sdk' | 'openai-js' | 'openai-python' | 'curl' | 'cli';
export type SnippetLanguage = 'typescript' | 'javascript' | 'python' | 'bash';

export interface Snippet {
  id: SnippetId;
  /** The tab's name. */
  label: string;
  language: SnippetLanguage;
  /** The file name the snippet's own "Run" line expects. */
  filename: string;
  /** The environment variable it reads its credential from, if any. */
  credentialEnv: string | null;
  code: string;
}

/** Every snippet for one provider on one network, in tab order. Pure: the page and the tests share it. */
export function buildSnippets(t: SnippetTarget): Snippet[] {
  return [
    {
      id: 'sdk',
      label: 'TypeScript (0G SDK)',
      language: 'typescript',
      filename: 'index.ts',
      credentialEnv: 'PRIVATE_KEY',
      code: typescriptSdk(t),
    },
    {
      id: 'openai-js',
      label: 'JavaScript (OpenAI)',
      language: 'javascript',
      filename: 'index.mjs',
      credentialEnv: SECRET_ENV,
      code: javascriptOpenAI(t),
    },
    {
      id: 'openai-python',
      label: 'Python (OpenAI)',
      language: 'python',
      filename: 'main.py',
      credentialEnv: SECRET_ENV,
      code: pythonOpenAI(t),
    },
    { id: 'curl', label: 'cURL', language: 'bash', filename: 'request.sh', credentialEnv: SECRET_ENV, code: curl(t) },
    { id: 'cli', label: '0G CLI', language: 'bash', filename: 'steps.sh', credentialEnv: null, code: cliSteps(t) },
  ];
}
