import type { FtTask } from '../../lib/fine-tuning/task';

/** A provider's task as the component tests of this folder start from; `over` changes what a test is about. */
export const ftTask = (over: Partial<FtTask> = {}): FtTask => ({
  id: '0a1b2c3d-0000-4000-8000-000000000001',
  createdAt: '2025-01-01T10:00:00Z',
  updatedAt: '2025-01-01T11:00:00Z',
  userAddress: '0x00000000000000000000000000000000000000bb',
  preTrainedModelHash: '0xmodel',
  datasetHash: '0xdata',
  trainingParams: '{}',
  fee: 0n,
  nonce: '1',
  progress: 'Training',
  ...over,
});
