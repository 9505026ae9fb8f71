import { ComingSoon } from '../components/layout/coming-soon';

export function FineTuningPage() {
  return (
    <ComingSoon
      title="Fine-tuning"
      intro="Fine-tune a model on your own dataset inside a provider's TEE."
      items={[
        'A step-by-step task wizard: dataset, model, fee, progress and logs',
        'The exact CLI command to decrypt the delivered model',
      ]}
      for={{ kind: 'fine-tuning', what: 'Fine-tuning' }}
    />
  );
}
