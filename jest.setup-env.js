// Background jobs that run on a timer stay off in tests unless a test turns them on: tests that
// count SQL statements must see only the statements of the request they make.
process.env.SEGMENT_REFRESH_SECONDS ??= '0';
process.env.TRANSACTIONS_VALUE_REFRESH_HOURS ??= '0';
