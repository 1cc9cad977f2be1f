// The editors' accounts: the user pool whose tokens the HTTP API's JWT authorizer accepts on editors' routes.
import { Aws, Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  Mfa,
  OAuthScope,
  UserPool,
  type UserPoolClient,
  type UserPoolDomain,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

export interface EditorsIdentityProps {
  stage: string;
  /** Where the sign-in page may send the desk back to; none, and no OAuth flow is enabled at all. */
  callbackUrls: readonly string[];
  logoutUrls: readonly string[];
}

export class EditorsIdentity extends Construct {
  readonly userPool: UserPool;
  readonly userPoolClient: UserPoolClient;
  /** The managed sign-in pages of the desk's authorization code flow; only when callback URLs are given. */
  readonly signInDomain: UserPoolDomain | undefined;

  constructor(scope: Construct, id: string, props: EditorsIdentityProps) {
    super(scope, id);
    this.userPool = new UserPool(this, 'UserPool', {
      // Editors are invited by an administrator; nobody signs up on their own.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const desk = props.callbackUrls.length > 0;
    // A public client (no secret): the upload CLI and the desk run on editors' machines and in their browsers,
    // where a secret would not stay one. Hence PKCE for the desk, and SRP (the password never leaves the machine)
    // with refresh tokens for the CLI; never the plain-password flow.
    this.userPoolClient = this.userPool.addClient('UploadClient', {
      generateSecret: false,
      authFlows: { userSrp: true },
      ...(desk
        ? {
            oAuth: {
              // Authorization code only: the implicit grant would put tokens in the browser's URL.
              flows: { authorizationCodeGrant: true },
              scopes: [OAuthScope.OPENID, OAuthScope.EMAIL],
              callbackUrls: [...props.callbackUrls],
              logoutUrls: [...props.logoutUrls],
            },
          }
        : { disableOAuth: true }),
      preventUserExistenceErrors: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
    });
    this.signInDomain = desk
      ? this.userPool.addDomain('SignInDomain', {
          // Cognito domain prefixes are global: the account id keeps this stage's apart from everyone's.
          cognitoDomain: { domainPrefix: `updates-feed-${props.stage}-${Aws.ACCOUNT_ID}` },
        })
      : undefined;
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG8',
      reason:
        'The Plus plan bills per active user for threat protection; this pool has a handful of invited editors, ' +
        'no self sign-up and mandatory MFA',
    });
  }
}
