import { useEffect, useMemo, useState } from 'react';
import { useDatasetUpload } from '../../hooks/fine-tuning/use-dataset-upload';
import type { FineTuningService } from '../../lib/chain/services';
import { ANY_OBJECT_SCHEMA, schemaFromExample, type DatasetReport as Report } from '../../lib/fine-tuning/dataset';
import { validateInWorker } from '../../lib/fine-tuning/dataset-client';
import type { WizardDraft } from '../../lib/fine-tuning/draft-store';
import { feeSentence } from '../../lib/fine-tuning/fee';
import { og } from '../../lib/units';
import { ImageDrop } from '../image/image-drop';
import { Button } from '../ui/button';
import { sizeText } from '../../lib/format';
import { DatasetReport } from './dataset-report';
import { UploadProgress } from './upload-progress';

const ACCEPT = '.jsonl,.ndjson,.json,.txt,application/jsonl,application/x-ndjson,application/json,text/plain';
const JSONL_NAME = /\.(jsonl|ndjson|json|txt)$/i;

type Check =
  | { phase: 'idle' }
  | { phase: 'checking'; bytes: number }
  | { phase: 'done'; report: Report }
  | { phase: 'error'; message: string };

/**
 * Step 3: choose or drop the dataset, check every line in a worker against the model's example
 * format, then send it to the provider's TEE with a signed request. The file is kept (IndexedDB) so a
 * reload or a failed upload loses nothing.
 */
export function DatasetStep({
  service,
  example,
  draft,
  file,
  onFile,
  onDraft,
  onBack,
  onNext,
}: {
  service: FineTuningService;
  example: string | undefined;
  draft: WizardDraft;
  file: Blob | null;
  onFile: (file: Blob | null, name: string | null) => void;
  onDraft: (patch: Partial<WizardDraft>) => void;
  onBack: () => void;
  onNext: () => void;
}) {
  const schema = useMemo(() => {
    try {
      return example ? schemaFromExample(example) : ANY_OBJECT_SCHEMA;
    } catch {
      return ANY_OBJECT_SCHEMA;
    }
  }, [example]);
  const [checked, setChecked] = useState<{ file: Blob; schema: unknown; check: Check } | null>(null);
  const [typeError, setTypeError] = useState<string | undefined>();
  const name = draft.dataset?.name ?? 'dataset.jsonl';
  const upload = useDatasetUpload((datasetHash) =>
    onDraft({ upload: { provider: service.provider, name, bytes: file?.size ?? 0, datasetHash } }),
  );

  // Every time the file (or the format it must follow) changes, including after a reload, check it again.
  useEffect(() => {
    if (!file) return;
    const controller = new AbortController();
    const set = (check: Check) => setChecked({ file, schema, check });
    validateInWorker(file, schema, (p) => set({ phase: 'checking', bytes: p.bytes }), { signal: controller.signal })
      .then((report) => {
        set({ phase: 'done', report });
        onDraft({
          dataset: {
            name,
            bytes: report.bytes,
            records: report.records,
            estimatedTokens: report.estimatedTokens,
            ok: report.ok,
          },
        });
      })
      .catch((e: unknown) => {
        if (!controller.signal.aborted) set({ phase: 'error', message: e instanceof Error ? e.message : String(e) });
      });
    return () => controller.abort();
    // onDraft and name change with every draft update; the check depends on the file and the format only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [file, schema]);
  // A result belongs to the file and format it was made for; a new file is "checking" until its own arrives.
  const check: Check = !file
    ? { phase: 'idle' }
    : checked && checked.file === file && checked.schema === schema
      ? checked.check
      : { phase: 'checking', bytes: 0 };

  const choose = (chosen: File) => {
    if (!JSONL_NAME.test(chosen.name)) {
      setTypeError(`“${chosen.name}” is not a JSONL file: choose a .jsonl file with one JSON object per line.`);
      return;
    }
    setTypeError(undefined);
    upload.reset();
    onFile(chosen, chosen.name);
  };

  const report = check.phase === 'done' ? check.report : null;
  const uploaded =
    draft.upload &&
    file &&
    draft.upload.provider === service.provider &&
    draft.upload.name === name &&
    draft.upload.bytes === file.size
      ? draft.upload
      : null;
  const feeText = report?.ok
    ? feeSentence({ tokens: report.estimatedTokens, pricePerToken: service.pricePerToken }, (n) => og(n, 12))
    : null;
  const busy = upload.status.phase === 'signing' || upload.status.phase === 'running';

  return (
    <div className="flex flex-col gap-4">
      <ImageDrop
        onImage={choose}
        accept={ACCEPT}
        label={file ? 'Choose another dataset file' : 'Choose a dataset file'}
        hint="JSONL: one JSON object per line, with the fields of the example dataset. At most 100 MB."
        error={typeError}
        disabled={busy}
      />
      {check.phase === 'checking' && (
        <p role="status" className="text-sm">
          Checking {name}: {sizeText(check.bytes)} of {sizeText(file?.size ?? 0)} read…
        </p>
      )}
      {check.phase === 'error' && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          The file could not be checked: {check.message}
        </p>
      )}
      {report && <DatasetReport report={report} fileName={name} feeText={feeText} />}
      {report?.ok && file && !uploaded && (
        <div className="flex flex-col gap-2">
          {upload.status.phase === 'idle' || upload.status.phase === 'signing' ? (
            <Button className="self-start" onClick={() => void upload.start(service, file, name)} disabled={busy}>
              {upload.status.phase === 'signing' ? 'Sign in your wallet…' : 'Upload to the provider’s TEE'}
            </Button>
          ) : (
            <UploadProgress
              label="Dataset upload"
              sent={upload.status.sent}
              total={upload.status.total}
              state={upload.status.phase === 'done' ? 'done' : upload.status.phase}
              onCancel={upload.cancel}
              onRetry={() => void upload.start(service, file, name)}
              message={upload.status.message}
            />
          )}
          {upload.status.phase === 'idle' && upload.status.message && (
            <p className="text-sm">{upload.status.message}</p>
          )}
          <p className="text-xs text-zinc-600 dark:text-zinc-400">
            One wallet signature proves the upload is yours; the file goes only to this provider’s TEE.
          </p>
        </div>
      )}
      {uploaded && (
        <p role="status" className="text-sm">
          Uploaded to the provider’s TEE. Dataset hash:{' '}
          <span className="font-mono break-all">{uploaded.datasetHash}</span>
        </p>
      )}
      <div className="flex gap-3">
        <Button variant="ghost" onClick={onBack} disabled={busy}>
          Back
        </Button>
        <Button onClick={onNext} disabled={!uploaded || !report?.ok}>
          Continue to the training parameters
        </Button>
      </div>
    </div>
  );
}
