const MAX_WORDS = 6;
const MAX_SLUG = 48;
const MAX_ID = 12;

const KIND_BY_EXT: Record<string, string> = {
  png: 'image',
  jpg: 'image',
  jpeg: 'image',
  webp: 'image',
  gif: 'image',
  mp3: 'audio',
  wav: 'audio',
  m4a: 'audio',
  mp4: 'audio',
  ogg: 'audio',
  oga: 'audio',
  opus: 'audio',
  webm: 'audio',
  mka: 'audio',
  flac: 'audio',
  txt: 'transcript',
  json: 'transcript',
  srt: 'transcript',
  vtt: 'transcript',
};

// Names Windows refuses for a file whatever its extension ("con.png" included).
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

/** Lowercase ASCII letters and digits only: accents are dropped from their letters, everything else goes. */
function asciiWord(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The prompt's first words as `a-red-fox`, cut at a word boundary where one is near; '' if nothing is left. */
function promptSlug(prompt: string): string {
  const words = prompt
    .split(/\s+/)
    .map(asciiWord)
    .filter((w) => w !== '')
    .slice(0, MAX_WORDS);
  let slug = words.join('-');
  if (slug.length > MAX_SLUG) {
    const cut = slug.slice(0, MAX_SLUG);
    const lastDash = cut.lastIndexOf('-');
    slug = (lastDash >= MAX_SLUG / 2 ? cut.slice(0, lastDash) : cut).replace(/-+$/, '');
  }
  return slug;
}

/**
 * A safe download name for generated media: the prompt's first few words, a short chat ID, and
 * the extension, e.g. `a-red-fox-in-snow-img-1a2b3c4d.png`. Only [a-z0-9-] and one dot, so path
 * separators, `..`, control and bidi characters in the prompt or the provider's chat ID cannot
 * reach the file system or disguise the extension.
 */
export function mediaFileName(prompt: string, chatId: string | null, ext: string): string {
  const cleanExt = ext.toLowerCase().replace(/^\./, '');
  const safeExt = /^[a-z0-9]{1,8}$/.test(cleanExt) ? cleanExt : 'bin';
  const kind = KIND_BY_EXT[safeExt] ?? 'file';
  const slug = promptSlug(prompt) || kind;
  const id = asciiWord(chatId ?? '')
    .slice(0, MAX_ID)
    .replace(/-+$/, '');
  const base = id ? `${slug}-${id}` : slug;
  return `${WINDOWS_RESERVED.test(base) ? `${base}-${kind}` : base}.${safeExt}`;
}
