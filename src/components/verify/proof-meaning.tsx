import { getAddress, isAddress } from 'viem';
import { paths } from '../../config/routes';
import type { Network } from '../../lib/chain/networks';
import type { ProofBundle } from '../../lib/proof/bundle';
import { AttestationPanel } from '../provider/attestation-panel';
import { ButtonLink } from '../ui/button-link';
import { Panel } from '../ui/panel';

/** What each kind of proof establishes, and what it does not (beside the attestation, which is the same for all). */
const MEANING = {
  answer: {
    proves:
      'It proves which key signed these exact request and response bytes, and whether that key is the provider’s TEE signer on chain now.',
    not: 'It says nothing about whether the answer is correct, only that it is the one the provider signed.',
  },
  delivery: {
    proves:
      'It proves which key signed this encrypted model’s tags, whether that key is the provider’s TEE signer on chain now, and that the chain records the file’s hash as this task’s delivery for this user.',
    not: 'It says nothing about how good the model is, only that it is the one the provider delivered.',
  },
};

/**
 * What a proof does and does not establish, and where to check the rest: the attestation of the provider's TEE,
 * here when the proof is from the network the app shows, else a link to the provider's page.
 */
export function ProofMeaning({
  bundle,
  shown,
  known,
}: {
  bundle: ProofBundle;
  /** The network the app shows. */
  shown: Network;
  /** The app's network for the proof's chain id; null when it knows none. */
  known: Network | null;
}) {
  const provider = isAddress(bundle.service.provider) ? getAddress(bundle.service.provider) : null;
  const here = known !== null && known.chain.id === shown.chain.id;
  const meaning = MEANING[bundle.kind === 'fine-tuning' ? 'delivery' : 'answer'];
  return (
    <div className="flex flex-col gap-4">
      <Panel title="What this proof establishes">
        <ul className="list-disc space-y-1 pl-5 text-sm">
          <li>{meaning.proves}</li>
          <li>
            It does not prove by itself that the key lives in a genuine TEE: that is the provider’s attestation, which
            you can check below.
          </li>
          <li>{meaning.not}</li>
        </ul>
      </Panel>
      {provider && here ? (
        <AttestationPanel provider={provider} kind={bundle.kind === 'fine-tuning' ? 'fine-tuning' : 'inference'} />
      ) : provider && known ? (
        <p className="flex flex-wrap items-center gap-2 text-sm">
          <span>To check this provider’s attestation, switch the app to {known.chain.name} and open its page.</span>
          <ButtonLink
            to={bundle.kind === 'fine-tuning' ? paths.fineTuning : paths.provider(provider)}
            variant="secondary"
          >
            {bundle.kind === 'fine-tuning' ? 'Fine-tuning providers' : 'Provider page'}
          </ButtonLink>
        </p>
      ) : (
        <p className="text-sm">
          Its provider’s attestation cannot be checked here: the app does not know the proof’s network.
        </p>
      )}
    </div>
  );
}
