import { ConfigurationError } from './errors.js';
import { jsonErrorOffset, parseJsonText } from './json-file.js';

describe('JSON errors name the line and column', () => {
  it.each([
    ['{"a": [1,2,}', 1, 12],
    ['{\n  "a": 1,\n  oops\n}', 3, 3],
    ['{"a": 1', 1, 8],
    ['[1, tru]', 1, 5],
    ['{"a": "\u0001"}', 1, 8],
  ])('%j', (text, line, column) => {
    let err: unknown;
    try {
      parseJsonText(text, 'f.json');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigurationError);
    expect((err as ConfigurationError).location).toEqual({ file: 'f.json', line, column });
  });

  it('finds no error in valid JSON', () => {
    expect(jsonErrorOffset('{"a": [1, -2.5e3, true, null, "x\\u00e9"], "b": {}}')).toBeUndefined();
  });
});
