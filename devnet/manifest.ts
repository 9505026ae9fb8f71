import { readFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

export type ServiceType = 'chatbot' | 'text-to-image' | 'image-editing' | 'speech-to-text';
export type Behavior = 'honest' | 'rogue-signer' | 'tamper';

export interface ManifestAccount {
  address: string;
  privateKey: string;
}

export interface ManifestProvider {
  name: string;
  address: string;
  serviceType: ServiceType;
  model: string;
  verifiability: string;
  url: string;
  behavior: Behavior;
  teeSigner: string;
  inputPrice: string;
  outputPrice: string;
}

/** `.devnet/manifest.json`: the one thing tests and the app read about a running devnet. */
export interface Manifest {
  chainId: number;
  rpcUrl: string;
  contracts: { ledger: string; inference: string; fineTuning: string };
  lockTime: number;
  owner: ManifestAccount;
  accounts: ManifestAccount[];
  providers: ManifestProvider[];
  fineTuning: { address: string; url: string; models: string[]; teeSigner: string; pricePerToken: string };
  simulator: { url: string; controlUrl: string };
  startedAt: string;
  pid: number;
}

export const DEFAULT_DEVNET_DIR = path.resolve(import.meta.dirname, '..', '.devnet');

export function manifestPath(dir = process.env.DEVNET_DIR ?? DEFAULT_DEVNET_DIR): string {
  return path.join(dir, 'manifest.json');
}

/** Writes atomically so a reader never sees half a manifest. */
export async function writeManifest(manifest: Manifest, file = manifestPath()): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(manifest, null, 2) + '\n');
  await rename(tmp, file);
}

export function readManifest(file = manifestPath()): Manifest {
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}
