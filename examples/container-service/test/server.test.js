import assert from 'node:assert/strict';
import { test } from 'node:test';
import { handler } from '../src/server.js';

function call(url) {
  const res = {
    status: 0,
    body: '',
    writeHead(s) {
      this.status = s;
      return this;
    },
    end(b) {
      this.body = b;
    },
  };
  handler({ url }, res);
  return res;
}

test('healthz answers ok', () => {
  assert.deepEqual([call('/healthz').status, call('/healthz').body], [200, 'ok\n']);
});

test('other paths answer JSON naming the service', () => {
  assert.equal(JSON.parse(call('/x').body).service, 'container-service');
});
