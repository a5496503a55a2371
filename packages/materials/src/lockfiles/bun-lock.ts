import type { Package } from '../package.js';
import type { LockfileInput } from './types.js';

export function parseBunLock(input: LockfileInput): Package[] {
  void input;
  return [];
}
