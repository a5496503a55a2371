import type { Package } from '../package.js';
import type { LockfileInput } from './types.js';

export function parseUvLock(input: LockfileInput): Package[] {
  void input;
  return [];
}
