import { useEffect, useState } from 'react';
import { loadConfig, type OidcClient, type WebConfig } from './graphql-client';
import { completeOidcSignIn, SignInFailed, type SignInApp } from './oidc';

/** Loads the config and, when back from the provider, completes the sign-in: a token or an error code. */
export function useOidcReturn(app: SignInApp, clientOf: (config: WebConfig) => OidcClient | undefined) {
  const [config, setConfig] = useState<WebConfig>();
  const [token, setToken] = useState<string>();
  const [failure, setFailure] = useState<string>();
  useEffect(() => {
    void loadConfig().then(async (c) => {
      const client = clientOf(c);
      // The config is set last: while the provider's answer is checked the page says "loading", not "sign in".
      try {
        if (client) setToken(await completeOidcSignIn(client, app));
      } catch (error) {
        setFailure(error instanceof SignInFailed ? error.code : 'SIGN_IN_FAILED');
      }
      setConfig(c);
    });
    // Once per page load: the provider's answer is in this load's address only.
  }, []);
  return { config, token, setToken, failure, setFailure };
}
