/**
 * The V8 flags every server process runs with in production: the Docker image sets them in
 * NODE_OPTIONS, `npm start` passes them on its command line, and the benchmark starts its servers
 * (and its same-work floor) with them. (The bench runs the machine's node, 20 here, with all four
 * subgraphs in one process; the image runs Node 22, one container per service, each paying the
 * memory below.)
 *
 * `--max-semi-space-size=64` (MB): a page of the customer-360 graph allocates tens of megabytes of
 * short-lived objects (parsed JSON, GraphQL results, rows) across a few concurrent requests. With
 * V8's default young generation (16 MB semi-spaces on 64-bit), objects of requests still in flight
 * survive two scavenges and are copied into the old generation, which then needs mark-compact
 * collections. A larger young generation lets them die young: what it saved per page, and what
 * it costs in peak memory, is measured in bench/README.md, "Runtime flags". The young generation
 * only grows to this size under allocation pressure, so idle processes do not pay for it.
 *
 * A test checks that the Dockerfile and `npm start` carry exactly these flags.
 */
export const SERVER_NODE_FLAGS: readonly string[] = Object.freeze(['--max-semi-space-size=64']);
