/**
 * Imported first by every entry point, before @apollo/gateway loads: a privacy platform does not
 * phone home. @apollo/gateway otherwise starts an OpenTelemetry exporter reporting to Apollo (and
 * its resource detectors probe cloud metadata addresses); @apollo/server reports usage and schema
 * when APOLLO_KEY is set (its plugins are also disabled explicitly, see offline-plugins).
 */
process.env.APOLLO_TELEMETRY_DISABLED = 'true';
delete process.env.APOLLO_KEY;
delete process.env.APOLLO_GRAPH_REF;
delete process.env.APOLLO_SCHEMA_REPORTING;

export {};
