/** The page a provider of each service type is used on, and the word for using it (the primary action). */
const STUDIO: Record<string, { path: string; verb: string; query?: string }> = {
  chatbot: { path: '/chat', verb: 'Chat' },
  'text-to-image': { path: '/image', verb: 'Generate' },
  'image-editing': { path: '/image', verb: 'Edit', query: '&mode=edit' },
  'speech-to-text': { path: '/speech', verb: 'Transcribe' },
  'fine-tuning': { path: '/fine-tuning', verb: 'Fine-tune' },
};

/** Route paths, so links and the route table agree. */
export const paths = {
  marketplace: '/',
  provider: (address: string) => `/providers/${address}`,
  account: '/account',
  chat: '/chat',
  image: '/image',
  speech: '/speech',
  fineTuning: '/fine-tuning',
  fineTuningTask: (id: string, provider: string) =>
    `/fine-tuning/tasks/${encodeURIComponent(id)}?provider=${encodeURIComponent(provider)}`,
  build: (address: string) => `/build/${address}`,
  /** Anyone checks a proof bundle here; a share link carries one in the fragment (`#p=…`). */
  verify: '/verify',
  /** The studio that uses `provider`, opened with it selected; null for a service type no page uses. */
  studio: (serviceType: string, provider: string): string | null => {
    const s = STUDIO[serviceType];
    return s ? `${s.path}?provider=${encodeURIComponent(provider)}${s.query ?? ''}` : null;
  },
} as const;

/** The primary action for a provider of this service type ("Chat", "Generate", ...) and where it goes, or null. */
export function studioAction(serviceType: string, provider: string): { verb: string; to: string } | null {
  const s = STUDIO[serviceType];
  const to = paths.studio(serviceType, provider);
  return s && to ? { verb: s.verb, to } : null;
}

/** Main navigation, in order; `short` is the label (and so the name) of the link on a phone's bottom bar. */
export const NAV_ITEMS = [
  { to: paths.marketplace, label: 'Marketplace', short: 'Market', icon: '▦' },
  { to: paths.chat, label: 'Chat', short: 'Chat', icon: '✎' },
  { to: paths.image, label: 'Image', short: 'Image', icon: '◩' },
  { to: paths.speech, label: 'Speech', short: 'Speech', icon: '◉' },
  { to: paths.fineTuning, label: 'Fine-tuning', short: 'Tuning', icon: '⚙' },
  { to: paths.verify, label: 'Verify', short: 'Verify', icon: '✓' },
  { to: paths.account, label: 'Account', short: 'Account', icon: '◎' },
] as const;
