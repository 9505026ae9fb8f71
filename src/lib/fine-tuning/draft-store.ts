import { lazyDatabase, transact, type DatabaseSpec } from '../storage/idb';
import { STORAGE_FULL } from '../storage/quota';

// The fine-tuning wizard's state per wallet and network, so a reload (or a closed tab) resumes where
// the user was: choices and typed parameters in `drafts`, the chosen dataset file as a Blob in
// `datasets`, and what the app saw of each task (first time it saw each state, the download check)
// in `tasks`.
const DRAFTS = 'drafts';
const DATASETS = 'datasets';
const TASKS = 'tasks';
const LABEL = 'fine-tuning wizard';
const WORDS = { label: LABEL, quotaMessage: STORAGE_FULL };

const DATABASE: DatabaseSpec = {
  name: 'og-marketplace-fine-tuning',
  version: 1,
  label: LABEL,
  upgrade(db) {
    db.createObjectStore(DRAFTS);
    db.createObjectStore(DATASETS);
    db.createObjectStore(TASKS);
  },
};

export type WizardStep = 'provider' | 'model' | 'dataset' | 'params' | 'cost' | 'create';
export const WIZARD_STEPS: readonly WizardStep[] = ['provider', 'model', 'dataset', 'params', 'cost', 'create'];

/** What the wizard remembers; the dataset bytes are beside it (`datasets`), never inside. */
export interface WizardDraft {
  step: WizardStep;
  provider?: string;
  /** The user read a failed or incomplete attestation of this provider and chose to go on. */
  attestationAcceptedFor?: string;
  model?: string;
  dataset?: { name: string; bytes: number; records: number; estimatedTokens: number; ok: boolean };
  /** The provider's answer to the upload, tied to the provider and file it was for. */
  upload?: { provider: string; name: string; bytes: number; datasetHash: string };
  paramsMode?: 'form' | 'json';
  paramsValues?: Record<string, string>;
  paramsRaw?: string;
  updatedAt: number;
}

/** What the app noted about one task: when it first saw each state, and the delivered file's check. */
export interface TaskNotes {
  provider: string;
  model?: string;
  seen: Record<string, number>;
  download?: {
    fileName: string;
    bytes: number;
    hash: string;
    matches: boolean;
    checkedAt: number;
    /** The file's tag signature and the hash it signs, so its proof can still be made after a reload. */
    tags?: { signature: string; keccak256: string };
  };
}

/** The owner of a draft: one per network and wallet (address lower case). */
export interface DraftOwner {
  chainId: number;
  address: string;
}

const ownerKey = (o: DraftOwner) => `${o.chainId}:${o.address.toLowerCase()}`;
const taskKey = (o: DraftOwner, taskId: string) => `${ownerKey(o)}:${taskId}`;

/** The wizard's storage; `factory` is for tests (fake-indexeddb or happy-dom's). */
export function draftStore(factory?: IDBFactory) {
  const db = lazyDatabase(DATABASE, factory);
  const get = async <T>(store: string, key: string) =>
    (await transact(await db(), store, 'readonly', (tx) => tx.objectStore(store).get(key) as IDBRequest<T>, WORDS)) ??
    null;
  const put = async (store: string, key: string, value: unknown) => {
    await transact(await db(), store, 'readwrite', (tx) => tx.objectStore(store).put(value, key), WORDS);
  };
  return {
    loadDraft: (o: DraftOwner) => get<WizardDraft>(DRAFTS, ownerKey(o)),
    saveDraft: (o: DraftOwner, draft: WizardDraft) => put(DRAFTS, ownerKey(o), draft),
    loadDataset: (o: DraftOwner) => get<Blob>(DATASETS, ownerKey(o)),
    saveDataset: (o: DraftOwner, file: Blob) => put(DATASETS, ownerKey(o), file),
    async clearDataset(o: DraftOwner) {
      await transact(await db(), DATASETS, 'readwrite', (tx) => tx.objectStore(DATASETS).delete(ownerKey(o)), WORDS);
    },
    loadTask: (o: DraftOwner, taskId: string) => get<TaskNotes>(TASKS, taskKey(o, taskId)),
    saveTask: (o: DraftOwner, taskId: string, notes: TaskNotes) => put(TASKS, taskKey(o, taskId), notes),
  };
}

export type DraftStore = ReturnType<typeof draftStore>;

let shared: DraftStore | null = null;
/** The page's one store, opened on first use. */
export function fineTuningStore(): DraftStore {
  return (shared ??= draftStore());
}
