import type { ChildProcess } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import type { Manifest } from '../manifest.js';
import { startDevnetProcess, stopDevnetProcess } from '../process.js';

declare module 'vitest' {
  export interface ProvidedContext {
    manifest: Manifest;
  }
}

let child: ChildProcess | undefined;

/** One devnet for the whole suite, on ports apart from `npm start`'s so both can run at once. */
export async function setup(project: TestProject): Promise<void> {
  const started = await startDevnetProcess({
    DEVNET_RPC_PORT: '18545',
    DEVNET_SIM_PORT: '18600',
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
