import { CustomerExistenceStatus, lockedStagedAliases, RedemptionOrderVerdict, recordStagedAliasWrites, repointStagedAliases, retiredByMoveMarkers, stagedAliasesFrom, stagedAliasLines, stagedAliasParams, type ImportKind, type ImportParam, type RetiredCustomer } from '@c360/shared';
import { outboxRecording } from '@c360/shared/events/outbox-switch';
import type { ResponseImportPeers } from './response-import.peers';
import { compareResent, insertNewResponses, LOCK_TOMBSTONES, rejectErasedSinceChecks, RESPONSE_CHECKS } from './response-import.sql';

/**
 * Historical offer responses, keyed by source system + external id. An NDJSON row is a
 * recordOfferResponses input with `externalId` in place of `eventId`:
 * `{"externalId","offerId","customerId","type","channel","occurredAt"?,"orderId"?,"revenue"?,"optionKey"?}`; a CSV row has the same columns.
 * `optionKey` (an ADAPTIVE offer's OfferOption.key) is checked against the offer's options; a bad one rejects the row.
 * A retired (merged) customer id lands on its survivor, noted so that an unmerge gives the response back.
 */
export function responseImportKind(peers: ResponseImportPeers): ImportKind {
  return {
    name: 'offer-responses',
    schema: 'offers',
    aboutCustomers: true,
    scope: 'offers:write',
    records: {
      name: 'responses',
      columns: [
        { name: 'response_id', field: '(id)', type: 'uuid', generated: 'uuid' },
        { name: 'external_id', field: 'externalId', type: 'text', required: true },
        { name: 'offer_id', field: 'offerId', type: 'uuid', required: true },
        { name: 'customer_id', field: 'customerId', type: 'uuid', required: true },
        { name: 'type', field: 'type', type: 'text', required: true },
        { name: 'channel', field: 'channel', type: 'text', required: true },
        { name: 'occurred_at', field: 'occurredAt', type: 'timestamptz' },
        { name: 'order_id', field: 'orderId', type: 'uuid' },
        { name: 'revenue', field: 'revenue', type: 'numeric' },
        { name: 'option_key', field: 'optionKey', type: 'text' },
      ],
    },
    checks: RESPONSE_CHECKS,
    // One call per peer for the whole batch, before its transaction (see RESPONSE_CHECKS for the parameters).
    async prepare({ tables, query, now }) {
      const customers = (await query(`SELECT DISTINCT customer_id FROM ${tables.records}`)).map((r) => r.customer_id as string);
      const claims = await query(`SELECT line_no, order_id, customer_id FROM ${tables.records} WHERE type = 'REDEEMED' AND order_id IS NOT NULL ORDER BY line_no`);
      const statuses = customers.length ? await peers.customerStatuses(customers) : [];
      // A retired id lands on its survivor: its redemption claim is judged against the survivor's orders.
      const retired = new Map<string, RetiredCustomer>();
      for (const s of statuses) if (s.status === CustomerExistenceStatus.MERGED && s.survivorId && s.mergeId) retired.set(s.customerId.toLowerCase(), { survivorId: s.survivorId.toLowerCase(), mergeId: s.mergeId });
      const claimant = (id: string) => retired.get(id.toLowerCase())?.survivorId ?? id;
      const verdicts = claims.length ? await peers.redemptionOrders(claims.map((c) => ({ orderId: c.order_id as string, customerId: claimant(c.customer_id as string) }))) : [];
      // A missing or unexpected answer counts as unknown: a row never lands on an unconfirmed customer or order.
      const statusOf = new Map(statuses.map((s) => [s.customerId.toLowerCase(), s.status]));
      const erased = customers.filter((id) => statusOf.get(id) === CustomerExistenceStatus.ERASED);
      const unknown = customers.filter((id) => statusOf.get(id) !== CustomerExistenceStatus.EXISTS && statusOf.get(id) !== CustomerExistenceStatus.ERASED && !retired.has(id));
      const verdictOf = (i: number) => verdicts[i]?.verdict;
      const linesWhere = (judged: (verdict: RedemptionOrderVerdict | undefined) => boolean) => claims.filter((_, i) => judged(verdictOf(i))).map((c) => String(c.line_no));
      const KNOWN = [RedemptionOrderVerdict.COMPLETED, RedemptionOrderVerdict.OTHER_CUSTOMER, RedemptionOrderVerdict.NOT_COMPLETED];
      const params: ImportParam[] = [
        { value: erased, type: 'uuid[]' },
        { value: unknown, type: 'uuid[]' },
        { value: now, type: 'timestamptz' },
        { value: linesWhere((v) => v === undefined || !KNOWN.includes(v)), type: 'bigint[]' },
        { value: linesWhere((v) => v === RedemptionOrderVerdict.OTHER_CUSTOMER), type: 'bigint[]' },
        { value: linesWhere((v) => v === RedemptionOrderVerdict.NOT_COMPLETED), type: 'bigint[]' },
        ...stagedAliasParams(await stagedAliasLines(query, tables.records, retired)),
      ];
      return params;
    },
    async merge({ tables, query, jobId, sourceSystem, caller, now, params }) {
      // No merge step runs during the batch (the runner shares the customer gate); each retired id resolved again under its merge locks.
      const aliased = await lockedStagedAliases(query, tables.records, retiredByMoveMarkers('offers'), stagedAliasesFrom(params));
      await repointStagedAliases(query, tables.records, aliased);
      await query(LOCK_TOMBSTONES);
      const [sinceChecks] = await query(rejectErasedSinceChecks(tables), [jobId]);
      const [inserted] = await query(insertNewResponses(tables, outboxRecording()), [sourceSystem, now, caller.clientId]);
      await recordStagedAliasWrites(query, { schema: 'offers', table: 'offers.offer_response', records: tables.records, idColumn: 'response_id' }, aliased);
      const late = Number(sinceChecks.rejected);
      // Every staged response was new: nothing was re-sent, so there is nothing to compare.
      if (Number(inserted.inserted) === Number(inserted.staged)) return { inserted: Number(inserted.inserted), updated: 0, unchanged: 0, conflicts: late };
      const [resent] = await query(compareResent(tables), [jobId, sourceSystem, caller.clientId]);
      return { inserted: Number(inserted.inserted), updated: 0, unchanged: Number(resent.unchanged), conflicts: late + Number(resent.conflicts) };
    },
    // No afterImport: campaign performance is computed from the responses on every read, nothing is cached.
  };
}
