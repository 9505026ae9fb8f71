/** Route paths, so links and the route table agree. */
export const paths = {
  marketplace: '/',
  provider: (address: string) => `/providers/${address}`,
  account: '/account',
  chat: '/chat',
  image: '/image',
  speech: '/speech',
  fineTuning: '/fine-tuning',
  build: (address: string) => `/build/${address}`,
} as const;

/** Main navigation, in order; `short` is the label on a phone's bottom bar. */
export const NAV_ITEMS = [
  { to: paths.marketplace, label: 'Marketplace', short: 'Market', icon: '▦' },
  { to: paths.chat, label: 'Chat', short: 'Chat', icon: '✎' },
  { to: paths.image, label: 'Image', short: 'Image', icon: '◩' },
  { to: paths.speech, label: 'Speech', short: 'Speech', icon: '◉' },
  { to: paths.fineTuning, label: 'Fine-tuning', short: 'Tune', icon: '⚙' },
  { to: paths.account, label: 'Account', short: 'Account', icon: '◎' },
] as const;
