#!/usr/bin/env node
// Launcher: the compiled CLI (npm run build puts it in dist/).
import { main } from '../dist/src/cli/main.js';

await main(process.argv);
