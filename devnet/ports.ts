import { createServer, type AddressInfo, type Server } from 'node:net';

/** Resolves if host:port can be bound now; rejects with a sentence naming the port otherwise. */
export function assertPortFree(host: string, port: number, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (err: NodeJS.ErrnoException) => {
      reject(
        new Error(
          err.code === 'EADDRINUSE'
            ? `Port ${port} on ${host} is already in use, so the ${what} cannot start. Stop whatever uses it (is another devnet running?) or set another port.`
            : `Cannot listen on ${host}:${port} for the ${what}: ${err.message}`,
        ),
      );
    });
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

const bindAny = (host: string): Promise<Server> =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, host, () => resolve(probe));
  });

/**
 * One port per name, all different and free on `host` right now, for test and bench servers: the OS
 * assigns each probe a port (bind to port 0), so runs side by side never pick the same ones.
 * `const { rpc, sim } = await freePorts(['rpc', 'sim'])`
 */
export async function freePorts<K extends string>(names: readonly K[], host = '127.0.0.1'): Promise<Record<K, number>> {
  // Every probe stays bound until all are, so the OS cannot hand the same port out twice.
  const probes = await Promise.allSettled(names.map(() => bindAny(host)));
  const bound = probes.flatMap((p) => (p.status === 'fulfilled' ? [p.value] : []));
  const ports = bound.map((s) => (s.address() as AddressInfo).port);
  await Promise.all(bound.map((s) => new Promise((r) => s.close(r))));
  const failed = probes.find((p) => p.status === 'rejected');
  if (failed) throw new Error(`Cannot find a free port on ${host}: ${String((failed.reason as Error).message)}`);
  return Object.fromEntries(names.map((name, i) => [name, ports[i]])) as Record<K, number>;
}
