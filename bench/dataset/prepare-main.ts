import 'reflect-metadata';
import { prepareDataSet } from './prepare-dataset';

/** Builds (or reuses) the data set alone: node dist/bench/dataset/prepare-main.js <url> <seed> <customers>. */
const [url, seed, customers] = process.argv.slice(2);
prepareDataSet(url, { seed: Number(seed), customers: Number(customers) }, (line) => process.stdout.write(`${line}\n`))
  .then((report) => process.stdout.write(`${JSON.stringify(report, null, 2)}\n`))
  .catch((error: Error) => {
    process.stderr.write(`${error.stack ?? error.message}\n`);
    process.exit(1);
  });
