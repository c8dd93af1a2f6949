import type { DataSource } from 'typeorm';
import { StockLedgerRepository } from './stock-ledger.repository';
import { StockResolver } from './stock.resolver';
import { StockService } from './stock.service';
import { StockSnapshotRepository } from './stock-snapshot.repository';

/** The ERP stock feed of this subgraph, wired for one data source. */
export const createStockResolver = (dataSource: DataSource, ledger: StockLedgerRepository) => new StockResolver(new StockService(dataSource, ledger, new StockSnapshotRepository()));

export { StockLedgerRepository };
