import type { ApolloServerPlugin } from '@apollo/server';
import { CallerKind, type Caller } from '../context/caller';
import { currentScope } from './request-scope';

/**
 * Fills the request's access record from what Apollo knows: operation name, caller, error codes.
 * Never arguments, variables or data: those may be personal. A customer's own client id may be
 * their subject id, so self-service callers are logged by kind only.
 */
export function accessRecordPlugin<Context extends { caller?: Caller }>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, operationName, request, response }) {
          const access = currentScope()?.access;
          if (!access) return;
          access.operation = operationName ?? request.operationName ?? undefined;
          const caller = contextValue?.caller;
          if (caller) {
            access.callerKind = caller.kind;
            if (caller.kind !== CallerKind.CUSTOMER) access.clientId = caller.clientId;
          }
          if (response.body.kind !== 'single') return;
          for (const error of response.body.singleResult.errors ?? []) {
            const code = error.extensions?.code;
            if (typeof code === 'string') access.errorCodes.add(code);
          }
        },
      };
    },
  };
}
