import { CallerKind, type Caller } from '../context/caller';
import type { PeerClient } from '../peers/peer-client';
import type { EventSink } from './event-sink';

/** The consent subgraph's internal contract (@inaccessible): it plans webhook deliveries for one event. */
export const RELAY_EVENT_MUTATION = `mutation RelayEvent($event: JSONObject!) { relayEvent(event: $event) }`;
/** The same for a dispatch batch, in outbox order: one peer call per batch. */
export const RELAY_EVENTS_MUTATION = `mutation RelayEvents($events: [JSONObject!]!) { relayEvents(events: $events) }`;
/** How long one batch call may take (the default peer timeout is for single decisions). */
export const RELAY_BATCH_TIMEOUT_MS = 15_000;
/** The scope the relay contract requires: only services hold it in a signed peer token. */
export const EVENT_RELAY_SCOPE = 'privacy:admin';

const relayCaller = (subgraph: string): Caller => ({ clientId: `${subgraph}:outbox`, kind: CallerKind.INTERNAL_APP, scopes: [EVENT_RELAY_SCOPE], purpose: 'SERVICE' });

/**
 * Hands a subgraph's outbox events to the consent subgraph over the signed peer channel, a dispatch
 * batch per call, where webhook deliveries are planned per subscription (consent owns decisions and
 * the disclosure ledger). Resolves once consent has stored the deliveries of every event of the call;
 * rejects otherwise, so the dispatcher retries them (consent stores each delivery once per event).
 */
export function consentRelaySink(subgraph: string, peers: PeerClient): EventSink {
  const caller = relayCaller(subgraph);
  return {
    name: 'webhook-relay',
    async deliver(event) {
      await peers.query('consent', caller, RELAY_EVENT_MUTATION, { event });
    },
    async deliverAll(events) {
      if (events.length === 0) return;
      // A batch is planned per event and subscription: more time than a single decision gets, well within the 30 s lease.
      await peers.query('consent', caller, RELAY_EVENTS_MUTATION, { events }, { timeoutMs: RELAY_BATCH_TIMEOUT_MS });
    },
  };
}
