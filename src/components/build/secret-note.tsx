const Code = ({ children }: { children: string }) => (
  <code className="rounded bg-zinc-100 px-1 font-mono text-xs whitespace-nowrap dark:bg-zinc-800">{children}</code>
);

/** What an `app-sk-…` secret is, who makes it, how long it lives and how to revoke it. */
export function SecretNote() {
  return (
    <>
      <p>
        The JavaScript, Python and cURL code send an <Code>app-sk-…</Code> secret: a token signed by your wallet for
        this one provider. The TypeScript SDK code needs none: the SDK signs one per request session itself and keeps it
        for 24 h.
      </p>
      <p>
        Make one in the API keys panel on this page (one wallet signature; it is shown once and never kept here), or
        with <Code>0g-compute-cli inference get-secret</Code>. Both live as long as you choose; revoke one there or with{' '}
        <Code>revoke-token</Code>, and every one you made for this provider with revoke all or{' '}
        <Code>revoke-all-tokens</Code>.
      </p>
      <p>
        Whoever holds it can spend your sub-account with this provider: keep it in an environment variable, out of code
        and repositories.
      </p>
    </>
  );
}
