#!/usr/bin/env node
// Launcher: registers tsx's loader and runs the TypeScript CLI in this same process, so the
// package needs no build step and signals (SIGTERM from a service manager) reach the server.
import { register } from 'tsx/esm/api';
register();
await import('../src/app/main.ts');
