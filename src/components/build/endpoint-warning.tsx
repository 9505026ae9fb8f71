/** Said when a provider's URL is not https (http to localhost passes on the devnet only). */
export function EndpointWarning({ url }: { url: string }) {
  return (
    <div
      role="alert"
      className="rounded-xl border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
    >
      <p className="font-medium">This provider’s URL is not safe to call.</p>
      <p className="mt-1">
        <span className="font-mono break-all">{url}</span> is not an https address: requests to it travel unencrypted,
        so anyone on the way could read your secret or signed headers and change the answers. The code below is shown
        for reference; do not run it against this URL.
      </p>
    </div>
  );
}
