import { useCallback, useEffect, useState } from 'react';
import { useAccount } from 'wagmi';
import { fineTuningStore, type DraftOwner, type WizardDraft } from '../../lib/fine-tuning/draft-store';
import { useNetwork } from '../network/use-network';

const EMPTY: WizardDraft = { step: 'provider', updatedAt: 0 };

interface Loaded {
  key: string;
  draft: WizardDraft;
  /** The chosen dataset file, kept as a Blob beside the draft. */
  file: Blob | null;
}

/**
 * The wizard's state for the connected wallet on this network, restored from IndexedDB on load and
 * saved on every change, so a reload resumes at the same step with the same file and parameters.
 * `saveError` is a sentence when the browser refused to keep it (the page keeps working meanwhile).
 */
export function useWizardDraft() {
  const { network } = useNetwork();
  const { address } = useAccount();
  const chainId = network.chain.id;
  const owner: DraftOwner | null = address ? { chainId, address } : null;
  const key = address ? `${chainId}:${address.toLowerCase()}` : '';
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);

  useEffect(() => {
    if (!address) return;
    const o = { chainId, address };
    let live = true;
    const store = fineTuningStore();
    Promise.all([store.loadDraft(o), store.loadDataset(o)])
      .then(([draft, file]) => live && setLoaded({ key, draft: draft ?? EMPTY, file }))
      .catch((e: unknown) => {
        if (!live) return;
        setSaveError(e instanceof Error ? e.message : String(e));
        setLoaded({ key, draft: EMPTY, file: null });
      });
    return () => {
      live = false;
    };
  }, [key, chainId, address]);

  const current = loaded?.key === key ? loaded : null;

  const update = useCallback(
    (patch: Partial<WizardDraft>) => {
      setLoaded((prev) => {
        if (!prev || prev.key !== key || !address) return prev;
        const draft = { ...prev.draft, ...patch, updatedAt: Date.now() };
        fineTuningStore()
          .saveDraft({ chainId, address }, draft)
          .then(
            () => setSaveError(null),
            (e: unknown) => setSaveError(e instanceof Error ? e.message : String(e)),
          );
        return { ...prev, draft };
      });
    },
    [key, chainId, address],
  );

  const setFile = useCallback(
    (file: Blob | null) => {
      if (!address) return;
      const o = { chainId, address };
      setLoaded((prev) => (prev && prev.key === key ? { ...prev, file } : prev));
      const store = fineTuningStore();
      (file ? store.saveDataset(o, file) : store.clearDataset(o)).then(
        () => setSaveError(null),
        (e: unknown) => setSaveError(e instanceof Error ? e.message : String(e)),
      );
    },
    [key, chainId, address],
  );

  return {
    owner,
    ready: !!current,
    draft: current?.draft ?? EMPTY,
    file: current?.file ?? null,
    update,
    setFile,
    saveError,
  };
}

export type WizardState = ReturnType<typeof useWizardDraft>;
