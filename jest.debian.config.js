import base from './jest.config.js';

/** `npm run test:debian`: the tests that need tools from Debian's packages (GNU parallel). */
export default { ...base, roots: ['<rootDir>/test/debian'], testPathIgnorePatterns: ['/node_modules/'] };
