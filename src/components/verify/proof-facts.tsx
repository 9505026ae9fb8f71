import type { AnswerProof, DeliverableProof, ProofBundle } from '../../lib/proof/bundle';
import { BADGE_TEXT } from '../../lib/verify/response';

const field = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : String(v));

/** The app's verdict at export time in words; anything else is shown as it is (it is the bundle's claim, not ours). */
const claimed = (state: unknown) =>
  typeof state === 'string' && Object.hasOwn(BADGE_TEXT, state) ? BADGE_TEXT[state as keyof typeof BADGE_TEXT] : state;

/** What the proof says about itself, every value as text: a bundle may come from anyone. */
export function ProofFacts({ bundle }: { bundle: ProofBundle }) {
  const rows = bundle.kind === 'fine-tuning' ? deliveryRows(bundle) : answerRows(bundle);
  if (bundle.media)
    rows.push(['File in the bundle', `${bundle.media.file} (${bundle.media.type}, sha256 ${bundle.media.sha256})`]);
  return (
    <dl className="grid gap-2 text-xs sm:grid-cols-[14rem_1fr]">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-zinc-600 dark:text-zinc-300">{label}</dt>
          <dd className="min-w-0 font-mono break-all whitespace-pre-wrap">{field(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

type Rows = Array<[string, unknown]>;

const claim = (b: ProofBundle): Rows => [
  ['Verdict when made (not checked here)', claimed(b.verdict.state)],
  ['Reason given then', b.verdict.reason],
  ['Made at', b.createdAt],
];

/** The network and the service, as every kind of bundle names them; `contract` is the one its checks read. */
const service = (b: ProofBundle, contract: [string, string]): Rows => [
  ['Network', `${b.network.name} (chain id ${b.network.chainId})`],
  contract,
  ['Provider', b.service.provider],
  ['Model', b.service.model],
  ['Service URL', b.service.url],
];

function deliveryRows(b: DeliverableProof): Rows {
  const d = b.deliverable;
  return [
    ['Kind', 'fine-tuned model delivery'],
    ...service(b, ['Fine-tuning contract', b.network.contracts.fineTuning]),
    ['TEE signer at the time', b.service.teeSigner],
    ['Service read at', b.service.readAt],
    ['Task', d.taskId],
    ['User', d.user],
    ['Model root hash on chain then', d.modelRootHash],
    ['File keccak256', d.file.keccak256],
    ['File size', `${d.file.size} bytes`],
    ['Tags keccak256 (signed)', d.file.tagsKeccak256],
    ['Tag signature', d.file.tagSignature],
    ...claim(b),
  ];
}

function answerRows(b: AnswerProof): Rows {
  return [
    ['Kind', b.kind],
    ...service(b, ['Inference contract', b.network.contracts.inference]),
    ['Verifiability', b.service.verifiability],
    ['TEE signer at the time', b.service.teeSigner],
    ['Service read at', b.service.readAt],
    ['Chat ID', b.chatId],
    ['Request sha256', b.request.sha256],
    ['Response sha256', b.response.sha256],
    ['Signed text', b.signed?.text],
    ['Signature', b.signed?.signature],
    ...claim(b),
  ];
}
