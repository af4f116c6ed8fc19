import { createDefaultEsmPreset } from 'ts-jest';

const preset = createDefaultEsmPreset({ tsconfig: 'tsconfig.json' });

/** Tests are ESM (chalk, franc, commander are ESM-only); `npm test` sets --experimental-vm-modules. */
export default {
  ...preset,
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  // Tests that need Debian's tools (GNU parallel) run apart: npm run test:debian.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/debian/'],
  // TypeScript sources import siblings as './x.js'; map them back to the .ts file.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testTimeout: 60000,
};
