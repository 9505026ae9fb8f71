// Part of the broker adapter: the SDK it loads, by name and exact version, for code that must name
// it without loading it (the Build page's snippets and their project's package.json). A unit test
// (build/sdk-trim.unit.test.ts) checks both against the installed package.
export const SDK_PACKAGE = '@0glabs/0g-serving-broker';
export const SDK_VERSION = '0.7.4';
