#!/usr/bin/env node
// Launcher: the compiled CLI, bundled (npm run build puts it in dist/bundle/; see
// scripts/bundle-cli.ts).
import { main } from '../dist/bundle/cli.js';

await main(process.argv);
