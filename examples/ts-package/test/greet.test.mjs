// Tests that, like many real suites, create their temporary folders under the project.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { greet, greetingFile } from '../dist/index.js';

const project = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

test('greets by name', () => {
  assert.equal(greet({ name: 'Ada' }), 'Hello, Ada!');
  assert.equal(greet({ name: '  ', punctuation: '.' }), 'Hello, world.');
});

test('writes a greeting file into a temporary folder under the project and reads it back', () => {
  const dir = mkdtempSync(path.join(project, '.tmp-test-'));
  try {
    const file = path.join(dir, 'greetings.txt');
    writeFileSync(file, greetingFile(['Grace', 'Ada', 'Grace']));
    assert.equal(readFileSync(file, 'utf8'), 'Hello, Ada!\nHello, Grace!\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
