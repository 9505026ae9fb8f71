/**
 * What a studio says when its `?provider=` link names no provider of its kind on this network: the
 * address as given (as text), and what is shown instead, if anything.
 */
export function LinkNote({
  asked,
  what,
  networkName,
  instead,
}: {
  asked: string;
  /** The kind of service the page uses ("text-to-image", "fine-tuning"). */
  what: string;
  networkName: string;
  /** The provider shown instead; without one the note asks the user to choose. */
  instead?: string;
}) {
  return (
    <p role="status" className="text-sm break-words text-amber-800 dark:text-amber-300">
      The link names provider {asked}, which offers no {what} service on {networkName}
      {instead ? `; showing ${instead} instead.` : '. Choose one of the providers below.'}
    </p>
  );
}
