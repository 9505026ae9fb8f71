import { fileURLToPath } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { nodePolyfills } from 'vite-plugin-node-polyfills';
import { cspPlugin } from './build/csp.js';
import { deferredStartPlugin } from './build/deferred-start.js';
import { precompressPlugin } from './build/precompress.js';
import { sdkTrim } from './build/sdk-trim.js';
import { devnetConfigPlugin } from './devnet/vite-plugin.js';

const nodeStub = fileURLToPath(new URL('./src/lib/node-stub.ts', import.meta.url));
const ethersUnused = fileURLToPath(new URL('./src/lib/broker/ethers-unused.ts', import.meta.url));

export default defineConfig({
  plugins: [
    react(),
    devnetConfigPlugin(),
    sdkTrim(),
    tailwindcss(),
    // The 0G serving broker SDK is written for Node; these are the built-ins it needs at runtime.
    nodePolyfills({
      include: ['buffer', 'crypto', 'stream', 'util', 'process', 'events'],
      globals: { Buffer: true, global: true, process: true },
    }),
    // Production builds only: the Content Security Policy in index.html, the app started after the static shell's
    // first paint, and .br/.gz copies of every text file for static hosts.
    cspPlugin(),
    deferredStartPlugin(),
    precompressPlugin(),
  ],
  resolve: {
    // One copy of the curve and hash code: viem, ox and ethers each bring their own nested copy otherwise (the same
    // 1.x API), so a page that verifies and signs would load secp256k1 and keccak two or three times.
    dedupe: ['@noble/curves', '@noble/hashes'],
    // Exact-match regexes: a plain 'fs' alias would also rewrite 'fs/promises' to '<stub>/promises'.
    alias: [
      { find: /^(node:)?child_process$/, replacement: nodeStub },
      { find: /^(node:)?fs$/, replacement: nodeStub },
      { find: /^(node:)?fs\/promises$/, replacement: nodeStub },
      // What ethers bundles for ENS names and JSON keystores, which neither the app nor the SDK uses (see the stub).
      { find: /^@adraffy\/ens-normalize$/, replacement: ethersUnused },
      { find: /^aes-js$/, replacement: ethersUnused },
    ],
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  build: {
    outDir: 'dist',
    rolldownOptions: {
      output: {
        // The Buffer polyfill in a chunk of its own: left to itself, the bundler puts it in one
        // chunk with crypto-browserify, so loading Buffer would load ~195 KB gzip of unused crypto.
        codeSplitting: { groups: [{ name: 'buffer', test: /vite-plugin-node-polyfills[\\/]shims[\\/]buffer[\\/]/ }] },
      },
    },
  },
});
