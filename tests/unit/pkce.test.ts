// The desk's sign-in on AWS, step by step: the Cognito hosted UI itself cannot be reached from here.
import { describe, expect, it } from 'vitest';
import {
  authorizeUrl,
  base64url,
  codeChallenge,
  logoutUrl,
  randomToken,
  readCallback,
  redirectUriFor,
  tokenRequest,
} from '../../web/lib/pkce.ts';
import type { CognitoSignIn } from '../../web/lib/site-config.ts';

const signIn: CognitoSignIn = {
  kind: 'cognito',
  domain: 'https://updates-feed-prod-123456789012.auth.eu-west-1.amazoncognito.com',
  clientId: 'client123',
  redirectUris: ['http://localhost:3000/desk', 'https://news.example.org/desk'],
  logoutUris: ['https://news.example.org/'],
  scopes: ['openid', 'email'],
};

describe('the code verifier and its challenge', () => {
  it('derives the S256 challenge of RFC 7636’s own example', async () => {
    await expect(codeChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).resolves.toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });

  it('makes verifiers of 43 unreserved characters from 32 random bytes, a new one each time', () => {
    const verifier = randomToken();
    expect(verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomToken()).not.toBe(verifier);
    expect(randomToken((bytes) => bytes.fill(0xff))).toBe(`${'_'.repeat(42)}8`);
  });

  it('writes base64url without padding', () => {
    expect(base64url(new Uint8Array([0xfb, 0xff]))).toBe('-_8');
  });
});

describe('the authorization request', () => {
  const url = new URL(
    authorizeUrl(signIn, { redirectUri: 'https://news.example.org/desk', state: 's1', challenge: 'c1' }),
  );

  it('asks the hosted UI for a code, never a token in the URL, bound to the challenge with S256', () => {
    expect(`${url.origin}${url.pathname}`).toBe(`${signIn.domain}/oauth2/authorize`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'client123',
      redirect_uri: 'https://news.example.org/desk',
      scope: 'openid email',
      state: 's1',
      code_challenge: 'c1',
      code_challenge_method: 'S256',
    });
  });

  it('comes back only to the callback URL registered for the desk’s own origin', () => {
    expect(redirectUriFor(signIn, 'https://news.example.org')).toBe('https://news.example.org/desk');
    expect(redirectUriFor(signIn, 'http://localhost:3000')).toBe('http://localhost:3000/desk');
    expect(redirectUriFor(signIn, 'https://attacker.example')).toBeUndefined();
  });
});

describe('the callback', () => {
  it('takes the code when the state is the one this tab sent', () => {
    expect(readCallback('?code=abc&state=s1', 's1')).toEqual({ code: 'abc' });
  });

  it('refuses a code sent with another state, with none, or to a tab that started no sign-in', () => {
    expect(readCallback('?code=abc&state=s2', 's1')).toEqual({ error: 'state_mismatch' });
    expect(readCallback('?code=abc', 's1')).toEqual({ error: 'state_mismatch' });
    expect(readCallback('?code=abc&state=s1', undefined)).toEqual({ error: 'state_mismatch' });
  });

  it('passes on the hosted UI’s own error, and ignores a page load that is no callback', () => {
    expect(readCallback('?error=access_denied&error_description=MFA%20required&state=s1', 's1')).toEqual({
      error: 'MFA required',
    });
    expect(readCallback('?metric=x', 's1')).toBeUndefined();
  });
});

describe('redeeming the code', () => {
  it('sends the verifier and no client secret to the token endpoint', () => {
    const request = tokenRequest(signIn, {
      code: 'abc',
      verifier: 'v'.repeat(43),
      redirectUri: 'https://news.example.org/desk',
    });
    expect(request.url).toBe(`${signIn.domain}/oauth2/token`);
    expect(Object.fromEntries(request.body)).toEqual({
      grant_type: 'authorization_code',
      client_id: 'client123',
      code: 'abc',
      redirect_uri: 'https://news.example.org/desk',
      code_verifier: 'v'.repeat(43),
    });
  });

  it('signs out of the hosted UI back to the registered sign-out URL', () => {
    expect(logoutUrl(signIn, 'https://news.example.org/')).toBe(
      `${signIn.domain}/logout?client_id=client123&logout_uri=https%3A%2F%2Fnews.example.org%2F`,
    );
  });
});
