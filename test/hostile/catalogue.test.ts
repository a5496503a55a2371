/**
 * Runs every case of the hostile-input catalogue (test/hostile/README.md): each must end as expected —
 * refused with a clear typed error, neutralised, or bounded — within its deadline, without leaking file
 * content or emitting a raw workflow command.
 */
import { AREAS } from './cases/types.js';
import { stopNetworkServer } from './cases/network.js';
import { stopClientsServer } from './cases/network-clients.js';
import { CATALOGUE } from './catalogue.js';

afterAll(stopNetworkServer);
afterAll(stopClientsServer);

it('case ids are unique', () => {
  const ids = CATALOGUE.map((c) => c.id);
  expect(new Set(ids).size).toBe(ids.length);
});

for (const area of AREAS) {
  describe(`hostile ${area}`, () => {
    const cases = CATALOGUE.filter((c) => c.area === area);
    it.each(cases.map((c) => [c.id, c.input, c] as const))(
      '%s: %s',
      async (_id, _input, c) => {
        await c.run();
      },
      30_000,
    );
  });
}
