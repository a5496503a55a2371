import type { Package } from '../package.js';
import type { LockfileInput } from './types.js';

export function parsePoetryLock(input: LockfileInput): Package[] {
  void input;
  return [];
}
