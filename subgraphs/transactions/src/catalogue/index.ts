import { CatalogueRepository } from './catalogue.repository';
import { CatalogueResolver } from './catalogue.resolver';
import { CatalogueService } from './catalogue.service';

/** The ERP catalogue feed of this subgraph. */
export const createCatalogueResolver = (catalogue: CatalogueRepository) => new CatalogueResolver(new CatalogueService(catalogue));

export { CatalogueRepository };
