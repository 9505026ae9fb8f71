/** A service's additionalInfo for display: pretty JSON text when it parses, else the raw text. */
export function formatAdditionalInfo(raw: string): { text: string; isJson: boolean } {
  if (!raw.trim()) return { text: '(empty)', isJson: false };
  try {
    return { text: JSON.stringify(JSON.parse(raw), null, 2), isJson: true };
  } catch {
    return { text: raw, isJson: false };
  }
}
