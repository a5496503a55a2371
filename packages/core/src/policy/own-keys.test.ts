import { defaultPolicy, deployPolicyFor, parsePolicy } from './load.js';

const POLICY = `apiVersion: secure-factory/v1
deploy:
  production:
    require: [provenance]
`;

describe('environments are own keys only', () => {
  const policy = parsePolicy(POLICY, 'p.yml');
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__'])(
    '%s is no environment',
    (env) => {
      expect(deployPolicyFor(policy, env)).toBeUndefined();
      expect(policy.deploy[env]).toBeUndefined();
      expect(deployPolicyFor(defaultPolicy(), env)).toBeUndefined();
    },
  );
  it('a real environment is found', () => {
    expect(deployPolicyFor(policy, 'production')?.require).toEqual(['provenance']);
  });
  it('an environment literally named __proto__ in the policy is an own key, not a prototype swap', () => {
    let p;
    try {
      p = parsePolicy(`apiVersion: secure-factory/v1\ndeploy:\n  __proto__:\n    require: [provenance]\n`, 'p.yml');
    } catch (e: unknown) {
      // Refused by the schema's environment-name pattern: also fine, as long as it is a clear error.
      expect((e as Error).message).toMatch(/deploy/);
      return;
    }
    expect(Object.getPrototypeOf(p.deploy)).toBeNull();
    expect(deployPolicyFor(p, '__proto__')?.require).toEqual(['provenance']);
    expect(deployPolicyFor(p, 'constructor')).toBeUndefined();
  });
});
