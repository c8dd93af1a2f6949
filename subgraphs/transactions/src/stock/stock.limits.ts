/** Bounds of the ERP stock feeds, the same for a call (StockService) and a file import (the stock import SQL). */
export const MAX_LEVELS_PER_CALL = 5000;
export const MAX_MOVEMENTS_PER_CALL = 1000;
/** The largest level a count may report, and the largest movement a row may carry. */
export const MAX_UNITS = 10_000_000;
