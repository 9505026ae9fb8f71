/** Placeholder shell; providers and the route table arrive in the next milestone. */
export function App() {
  return (
    <main className="mx-auto flex min-h-screen max-w-2xl flex-col justify-center gap-4 p-8">
      <h1 className="text-3xl font-semibold">0G Compute Marketplace</h1>
      <p>The app shell arrives in the next milestone.</p>
      <p>
        The local devnet runs with <code className="rounded bg-gray-100 px-1">npm run devnet</code>.
      </p>
    </main>
  );
}
