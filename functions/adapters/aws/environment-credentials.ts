// Stands in for @aws-sdk/credential-provider-node in the Lambda bundles (infra/constructs/bundling.ts aliases it
// here). Lambda hands a function its role's credentials in the environment, so the rest of the default chain (SSO,
// shared ini files, web identity, container and instance metadata: 130 KiB minified) would never run there. The
// sandbox and the tests run the sources, with the SDK's own chain.
export { fromEnv as defaultProvider } from '@aws-sdk/credential-provider-env';
