import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled, ApolloServerPluginSchemaReportingDisabled, ApolloServerPluginUsageReportingDisabled } from '@apollo/server/plugin/disabled';

/**
 * Nothing reports to Apollo's cloud, whatever APOLLO_KEY the environment holds; in production
 * there is no landing page (its HTML pulls Apollo Sandbox from a CDN).
 */
export function offlinePlugins<Context extends BaseContext>(production: boolean): ApolloServerPlugin<Context>[] {
  return [ApolloServerPluginUsageReportingDisabled(), ApolloServerPluginSchemaReportingDisabled(), ...(production ? [ApolloServerPluginLandingPageDisabled()] : [])];
}
