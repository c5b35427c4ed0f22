import { afterAll } from 'vitest';
import { removeTempDirs } from './helpers/temp.js';

// Registered before any test file's own hooks, so it runs after them (vitest runs after-hooks as a stack):
// the file's proxies and servers have stopped writing into their folders by then.
afterAll(() => removeTempDirs());
