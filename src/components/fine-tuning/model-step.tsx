import { useFineTuningModels, useUsagePackage } from '../../hooks/fine-tuning/use-fine-tuning-provider';
import type { FineTuningService } from '../../lib/chain/services';
import { downloadFile } from '../../lib/download';
import { Markdown } from '../chat/markdown';
import { Button } from '../ui/button';
import { QueryError } from '../ui/query-error';

const PRE = 'mt-1 max-h-48 overflow-auto rounded-lg bg-zinc-100 p-3 text-xs whitespace-pre-wrap dark:bg-zinc-950';

/** Step 2: the provider's base models (`GET /v1/model`) and the chosen one's usage package, readable and downloadable. */
export function ModelStep({
  service,
  model,
  allowLocalHttp,
  onChoose,
  onBack,
  onNext,
}: {
  service: FineTuningService;
  model: string | undefined;
  allowLocalHttp: boolean;
  onChoose: (name: string) => void;
  onBack: () => void;
  onNext: () => void;
}) {
  const models = useFineTuningModels(service);
  const usage = useUsagePackage(service, model);
  if (models.isPending) return <p className="text-sm">Asking the provider for its models…</p>;
  if (models.isError)
    return <QueryError what="the provider's models" error={models.error} onRetry={() => void models.refetch()} />;
  const zip = usage.data?.zip;
  const pack = usage.data?.usage;
  return (
    <div className="flex flex-col gap-4">
      <fieldset>
        <legend className="text-sm font-medium">Choose the base model</legend>
        {models.data.length === 0 && <p className="mt-2 text-sm">This provider lists no models to fine-tune.</p>}
        <ul className="mt-2 flex flex-col gap-2">
          {models.data.map((m) => (
            <li key={m.name}>
              <label className="flex cursor-pointer gap-3 rounded-lg border border-zinc-200 p-3 text-sm has-[:checked]:border-violet-500 dark:border-zinc-800">
                <input
                  type="radio"
                  name="ft-model"
                  checked={model === m.name}
                  onChange={() => onChoose(m.name)}
                  className="mt-1"
                />
                <span className="min-w-0">
                  <span className="block font-medium break-words">{m.name}</span>
                  <span className="block break-words text-zinc-600 dark:text-zinc-400">{m.description}</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      {model && usage.isPending && <p className="text-sm">Reading the model’s usage package…</p>}
      {model && usage.isError && (
        <QueryError what="the model's usage package" error={usage.error} onRetry={() => void usage.refetch()} />
      )}
      {model && pack && zip && (
        <section aria-label="Usage package" className="flex flex-col gap-3 text-sm">
          {pack.readme && (
            <details open>
              <summary className="cursor-pointer font-medium">README</summary>
              <div className="prose-sm mt-1 max-h-64 overflow-auto rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
                <Markdown text={pack.readme} allowLocalHttp={allowLocalHttp} />
              </div>
            </details>
          )}
          {pack.exampleDataset && (
            <div>
              <p className="font-medium break-words">Example dataset ({pack.exampleDataset.name})</p>
              <pre className={PRE}>{pack.exampleDataset.text}</pre>
            </div>
          )}
          {pack.exampleParams && (
            <div>
              <p className="font-medium break-words">Example training parameters ({pack.exampleParams.name})</p>
              <pre className={PRE}>{pack.exampleParams.text}</pre>
            </div>
          )}
          <Button
            variant="secondary"
            size="sm"
            className="self-start"
            onClick={() => downloadFile(`${model}-usage.zip`, 'application/zip', zip as BlobPart)}
          >
            Download the usage package
          </Button>
        </section>
      )}
      <div className="flex gap-3">
        <Button variant="ghost" onClick={onBack}>
          Back
        </Button>
        <Button onClick={onNext} disabled={!model || !pack}>
          Continue to the dataset
        </Button>
      </div>
    </div>
  );
}
