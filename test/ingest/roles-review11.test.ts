import { describe, expect, it } from 'vitest';
import { parseHtmlFile } from '../../src/ingest/import/html.js';
import { buildCatalog, resolveRole } from '../../src/ingest/knowledge/roles.js';
import { parsePage } from '../../src/ingest/parse/page.js';

const truckHtml = `<!DOCTYPE html><html><head><title>Long-Haul Truck Driver | Job Profiles | RoadWork Canada</title></head>
<body><main><article>
<h1>Long-Haul Truck Driver</h1>
<p>Long-haul truck drivers move freight across provinces and into the United States in tractor-trailers.</p>
<h2>Licence and training</h2>
<p>Many carriers will only insure drivers with two years' experience, so new drivers usually start with a carrier that runs a finishing program.</p>
<h2>Pay</h2>
<p>A solo long-haul driver typically earns $65,000 to $85,000 a year.</p>
<h2>Career progression</h2>
<p>Experienced drivers can become driver trainers or move into dispatch.</p>
</article></main></body></html>`;

describe('a page titled by a job whose noun is not on the role-noun list', () => {
  const catalog = buildCatalog(parseHtmlFile('long-haul-truck-driver.html', truckHtml));

  it('is the role of a page titled "Long-Haul Truck Driver" that speaks of new and experienced drivers', () => {
    expect(catalog.map((r) => r.name)).toEqual(['Long-Haul Truck Driver']);
  });

  it('is found by its exact title, whatever its capitals, and by "truck driver"', () => {
    expect(resolveRole(catalog, 'Long-Haul Truck Driver').role?.name).toBe('Long-Haul Truck Driver');
    expect(resolveRole(catalog, 'long haul truck driver').role?.name).toBe('Long-Haul Truck Driver');
    expect(resolveRole(catalog, 'truck driver').role?.name).toBe('Long-Haul Truck Driver');
  });

  it.each([
    ['Pressure Cooker', 'A pressure cooker saves time. Most cookers use steam, and many cookers have a valve.'],
    ['Tankless Water Heater', 'New heaters cost more than old ones, and new heaters save energy.'],
    ['Salary Guide for Drivers', 'New drivers earn less. Experienced drivers earn more.'],
  ])('is never a title that names a thing or a topic ("%s")', (title, body) => {
    expect(buildCatalog(parsePage('p.txt', `${title}\n\nOverview\n\n${body}\n`)).map((r) => r.name)).toEqual([]);
  });

  it('is a role for other person nouns too ("Dental Hygienist", "Court Reporter") when the page speaks of its people', () => {
    const page = (title: string, people: string) =>
      parsePage('p.txt', `${title}\n\nOverview\n\nNew ${people} train on the job. Experienced ${people} earn more.\n`);
    expect(buildCatalog(page('Dental Hygienist', 'hygienists')).map((r) => r.name)).toEqual(['Dental Hygienist']);
    expect(buildCatalog(page('Court Reporter', 'reporters')).map((r) => r.name)).toEqual(['Court Reporter']);
  });
});
