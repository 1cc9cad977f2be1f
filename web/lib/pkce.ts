// The authorization code grant with PKCE (RFC 7636) against the Cognito hosted UI, as pure steps: what to send,
// and what to accept back. No storage and no navigation here (cognito.ts does those), so each step is tested alone.
import type { CognitoSignIn } from './site-config.ts';

export function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** 32 random bytes give the 43 characters of the unreserved alphabet that RFC 7636 asks for at least. */
export function randomToken(
  random: (bytes: Uint8Array) => Uint8Array = (bytes) => crypto.getRandomValues(bytes),
) {
  return base64url(random(new Uint8Array(32)));
}

/** S256: the challenge is the verifier's SHA-256, base64url without padding. */
export async function codeChallenge(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

/** The callback URL registered for this origin, if any: Cognito refuses any other. */
export function redirectUriFor(signIn: CognitoSignIn, origin: string): string | undefined {
  return signIn.redirectUris.find((uri) => URL.canParse(uri) && new URL(uri).origin === origin);
}

export function logoutUriFor(signIn: CognitoSignIn, origin: string): string | undefined {
  return signIn.logoutUris.find((uri) => URL.canParse(uri) && new URL(uri).origin === origin);
}

/** Where the browser goes to sign in: a code comes back, never a token in the URL (no implicit grant). */
export function authorizeUrl(
  signIn: CognitoSignIn,
  request: { redirectUri: string; state: string; challenge: string },
): string {
  const parameters = new URLSearchParams({
    response_type: 'code',
    client_id: signIn.clientId,
    redirect_uri: request.redirectUri,
    scope: signIn.scopes.join(' '),
    state: request.state,
    code_challenge: request.challenge,
    code_challenge_method: 'S256',
  });
  return `${signIn.domain.replace(/\/+$/, '')}/oauth2/authorize?${parameters}`;
}

export type Callback = { code: string } | { error: string };

/**
 * What the hosted UI sent back to the callback URL, accepted only with the state this tab sent: a code that
 * arrives with another state (or with none, or to a tab that started no sign-in) was not asked for here.
 */
export function readCallback(search: string, expectedState: string | undefined): Callback | undefined {
  const parameters = new URLSearchParams(search);
  const code = parameters.get('code');
  const error = parameters.get('error');
  if (code === null && error === null) return undefined;
  if (expectedState === undefined || parameters.get('state') !== expectedState)
    return { error: 'state_mismatch' };
  if (error !== null) return { error: parameters.get('error_description') ?? error };
  return { code: code ?? '' };
}

/** The token request that redeems the code: the verifier proves this tab started the flow; there is no secret. */
export function tokenRequest(
  signIn: CognitoSignIn,
  grant: { code: string; verifier: string; redirectUri: string },
): { url: string; body: URLSearchParams } {
  return {
    url: `${signIn.domain.replace(/\/+$/, '')}/oauth2/token`,
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: signIn.clientId,
      code: grant.code,
      redirect_uri: grant.redirectUri,
      code_verifier: grant.verifier,
    }),
  };
}

/** Where Cognito ends its own session and sends the browser back. */
export function logoutUrl(signIn: CognitoSignIn, logoutUri: string): string {
  const parameters = new URLSearchParams({ client_id: signIn.clientId, logout_uri: logoutUri });
  return `${signIn.domain.replace(/\/+$/, '')}/logout?${parameters}`;
}
