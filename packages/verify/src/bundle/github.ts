/** GitHub Actions as a Sigstore identity provider. */
export const GITHUB_ACTIONS_ISSUER = 'https://token.actions.githubusercontent.com';
