import { createServer } from 'node:net';

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
