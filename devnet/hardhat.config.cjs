// Hardhat 2 network for the devnet: in-memory, automine, the well-known test mnemonic.
// Loaded by devnet/chain.ts through HARDHAT_CONFIG; there are no sources to compile.
module.exports = {
  solidity: '0.8.20',
  paths: { sources: './no-sources', cache: '../.devnet/hardhat-cache', artifacts: '../.devnet/hardhat-artifacts' },
  networks: {
    hardhat: {
      chainId: 31337,
      hardfork: 'cancun',
      mining: { auto: true },
      accounts: {
        mnemonic: 'test test test test test test test test test test test junk',
        count: 48, // owner #0, providers #1..#10, users #11..#47 (devnet/keys.ts)
        accountsBalance: '10000000000000000000000',
      },
      loggingEnabled: false,
    },
  },
};
