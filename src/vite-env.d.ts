/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** "1" when the app is served or built for the local devnet. */
  readonly VITE_DEVNET?: string;
}
