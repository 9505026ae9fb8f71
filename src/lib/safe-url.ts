const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * A link target from untrusted data, or null when it must be shown as text only: `https:`
 * always, `http:` only to localhost and only when the app runs on the devnet.
 */
export function safeHref(raw: string, { allowLocalHttp = false } = {}): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.username || url.password) return null;
  if (url.protocol === 'https:') return url.href;
  if (url.protocol === 'http:' && allowLocalHttp && LOCAL_HOSTS.has(url.hostname)) return url.href;
  return null;
}

/** An image source from untrusted data: what safeHref allows, plus inline raster or SVG data URIs. */
export function safeImageSrc(raw: string, options: { allowLocalHttp?: boolean } = {}): string | null {
  if (/^data:image\/(png|jpeg|gif|webp|svg\+xml)[;,]/i.test(raw)) return raw;
  return safeHref(raw, options);
}
