#!/usr/bin/env node
// Launcher: registers tsx so that the TypeScript CLI runs without a build step, then runs it.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv);
