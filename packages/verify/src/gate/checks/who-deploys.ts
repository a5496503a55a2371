/** Refs and environments: who may deploy here — the run's source ref and the deploying job's GitHub environment. */
import { globMatch } from '../identity.js';
import type { GateCheck } from './context.js';

export const refsCheck: GateCheck = ({ deploy, anchor, environment }) => {
  if (deploy.refs.length === 0) return [];
  const ref = anchor?.signer.kind === 'certificate' ? anchor.signer.identity.sourceRepositoryRef : undefined;
  const ok = ref !== undefined && deploy.refs.some((r) => globMatch(r, ref));
  return [
    {
      id: 'refs',
      title: 'ref',
      stage: 'source',
      status: ok ? 'pass' : 'fail',
      reason:
        ref === undefined
          ? 'the evidence names no source ref (certificate extension 1.3.6.1.4.1.57264.1.14)'
          : `${ref}${ok ? '' : ` is not one of ${deploy.refs.join(', ')}`}`,
      ...(ok ? {} : { fix: `deploy to ${environment} from ${deploy.refs.join(' or ')}` }),
    },
  ];
};

export const githubEnvironmentCheck: GateCheck = ({ deploy, anchor, input }) => {
  if (deploy.environments.length === 0) return [];
  const env = (anchor?.signer.kind === 'certificate' ? anchor.signer.identity.environment : undefined) ?? input.githubEnvironment;
  const ok = env !== undefined && deploy.environments.includes(env);
  return [
    {
      id: 'github-environment',
      title: 'GitHub environment',
      stage: 'gate',
      status: ok ? 'pass' : 'fail',
      reason:
        env === undefined
          ? 'the deploying job names no GitHub environment'
          : `${env}${ok ? '' : ` is not one of ${deploy.environments.join(', ')}`}`,
      ...(ok ? {} : { fix: `run the deploy job in the GitHub environment ${deploy.environments.join(' or ')}` }),
    },
  ];
};
