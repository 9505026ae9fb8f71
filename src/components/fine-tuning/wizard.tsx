import { useEffect } from 'react';
import type { Address } from 'viem';
import { useFineTuningModels, useUsagePackage } from '../../hooks/fine-tuning/use-fine-tuning-provider';
import type { WizardState } from '../../hooks/fine-tuning/use-wizard-draft';
import { useNetwork } from '../../hooks/network/use-network';
import { sameAddress } from '../../lib/address';
import type { FineTuningService } from '../../lib/chain/services';
import { WIZARD_STEPS, type WizardStep } from '../../lib/fine-tuning/draft-store';
import { paramsJson } from '../../lib/fine-tuning/params';
import { Panel } from '../ui/panel';
import { CostStep } from './cost-step';
import { CreateStep } from './create-step';
import { DatasetStep } from './dataset-step';
import { ModelStep } from './model-step';
import { checkedParams, ParamsStep } from './params-step';
import { ProviderStep } from './provider-step';
import { TaskList } from './task-list';
import { STEP_LABEL, WizardSteps } from './wizard-steps';

/**
 * The fine-tuning wizard: provider → model → dataset → parameters → cost → create, its state kept
 * per wallet and network (see useWizardDraft). A step is reachable once every earlier one is done.
 */
export function FineTuningWizard({
  services,
  state,
  linked,
}: {
  services: FineTuningService[];
  state: WizardState;
  linked: string | null;
}) {
  const { network } = useNetwork();
  const { draft, update, file, setFile } = state;
  const service = services.find((s) => sameAddress(s.provider, draft.provider));
  const models = useFineTuningModels(service);
  const model = models.data?.find((m) => m.name === draft.model);
  const usage = useUsagePackage(service, model?.name);
  const pack = usage.data?.usage;
  const params = checkedParams(pack?.exampleParams?.text, draft).result;
  const uploaded =
    draft.upload && file && sameAddress(draft.upload.provider, service?.provider) && draft.upload.bytes === file.size
      ? draft.upload
      : undefined;

  // A provider named by a marketplace link is chosen, unless the user is already further along with another.
  useEffect(() => {
    const match = services.find((s) => sameAddress(s.provider, linked));
    if (match && !draft.provider) update({ provider: match.provider, step: 'provider' });
  }, [linked, services, draft.provider, update]);

  const done: Record<WizardStep, boolean> = {
    provider: !!service,
    model: !!model && !!pack,
    dataset: !!uploaded && !!draft.dataset?.ok,
    params: params.ok,
    cost: false,
    create: false,
  };
  const reachable = (s: WizardStep) =>
    WIZARD_STEPS.slice(0, WIZARD_STEPS.indexOf(s)).every((p) => done[p] || p === 'cost');
  const step = reachable(draft.step) ? draft.step : (WIZARD_STEPS.find((s) => !done[s]) ?? 'provider');
  const go = (s: WizardStep) => update({ step: s });
  const next = () => go(WIZARD_STEPS[WIZARD_STEPS.indexOf(step) + 1] ?? step);
  const back = () => go(WIZARD_STEPS[WIZARD_STEPS.indexOf(step) - 1] ?? step);

  return (
    <div className="flex flex-col gap-6">
      <WizardSteps steps={WIZARD_STEPS} current={step} reachable={reachable} onGo={go} />
      <Panel title={`${WIZARD_STEPS.indexOf(step) + 1}. ${STEP_LABEL[step]}`}>
        {step === 'provider' && (
          <ProviderStep
            services={services}
            chosen={service}
            acceptedFor={draft.attestationAcceptedFor}
            onChoose={(p: Address) => update({ provider: p, model: undefined })}
            onAccept={(p) => update({ attestationAcceptedFor: p })}
            onNext={next}
          />
        )}
        {step === 'model' && service && (
          <ModelStep
            service={service}
            model={draft.model}
            allowLocalHttp={network.kind === 'devnet'}
            onChoose={(name) => update({ model: name })}
            onBack={back}
            onNext={next}
          />
        )}
        {step === 'dataset' && service && (
          <DatasetStep
            service={service}
            example={pack?.exampleDataset?.text}
            draft={draft}
            file={file}
            onFile={(f, name) => {
              setFile(f);
              update({
                dataset: name ? { name, bytes: f?.size ?? 0, records: 0, estimatedTokens: 0, ok: false } : undefined,
                upload: undefined,
              });
            }}
            onDraft={update}
            onBack={back}
            onNext={next}
          />
        )}
        {step === 'params' && (
          <ParamsStep
            exampleText={pack?.exampleParams?.text}
            draft={draft}
            onDraft={update}
            onBack={back}
            onNext={next}
          />
        )}
        {step === 'cost' && service && (
          <CostStep service={service} tokens={draft.dataset?.estimatedTokens ?? 0} onBack={back} onNext={next} />
        )}
        {step === 'create' && service && model && uploaded && params.ok && (
          <CreateStep
            service={service}
            model={model}
            datasetHash={uploaded.datasetHash}
            trainingParams={paramsJson(params.params)}
            onBack={back}
          />
        )}
      </Panel>
      {service && <TaskList service={service} />}
    </div>
  );
}
