// What a deployment tells its pages at run time, from /site-config.json: how editors sign in, and the newsroom's
// day. The sandbox answers it from memory, the stack writes it next to the pages; no URL is built into the pages.
// No browser globals here: the sandbox and the CDK stack import the type and the path too.

export const siteConfigPath = '/site-config.json';

/** The Cognito hosted UI, for the authorization code grant with PKCE: a public client, no secret. */
export interface CognitoSignIn {
  kind: 'cognito';
  /** `https://<prefix>.auth.<region>.amazoncognito.com`: the authorize, token and logout endpoints live under it. */
  domain: string;
  clientId: string;
  /** The app client's callback URLs; the desk uses the one on its own origin. */
  redirectUris: string[];
  logoutUris: string[];
  scopes: string[];
}

/** A bearer token the editor pastes: the sandbox's, or a Cognito access token where no hosted UI is set up. */
export interface TokenSignIn {
  kind: 'token';
}

export interface SiteConfig {
  signIn: CognitoSignIn | TokenSignIn;
  /** The newsroom's IANA time zone: the desk's "today" is that day there, as the API reads a publication day. */
  timeZone: string;
  /** Whether the API has the editors' corrections (aliases, rename, merge), which come with the naming work. */
  corrections: boolean;
}
