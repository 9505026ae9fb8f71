import type { ChildProcess } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import type { Manifest } from '../manifest.js';
import { freePorts } from '../ports.js';
import { startDevnetProcess, stopDevnetProcess } from '../process.js';

declare module 'vitest' {
  export interface ProvidedContext {
    manifest: Manifest;
  }
}

let child: ChildProcess | undefined;

/** One devnet for the whole suite, on ports free at the time, so `npm start` and other runs can go on beside it. */
export async function setup(project: TestProject): Promise<void> {
  const { rpc, sim } = await freePorts(['rpc', 'sim']);
  const started = await startDevnetProcess({
    DEVNET_RPC_PORT: String(rpc),
    DEVNET_SIM_PORT: String(sim),
    DEVNET_SETTLE_MS: '3000',
    DEVNET_EVENT_DELAY_MS: '2',
    DEVNET_FT_STEP_MS: '150',
  });
  child = started.child;
  project.provide('manifest', started.manifest);
}

export async function teardown(): Promise<void> {
  if (child) await stopDevnetProcess(child);
}
