import { describe, expect, it } from 'vitest';
import { renderReportPage } from '../../src/adapters/cli/report-page.js';
import { buildReport } from '../../src/app/report-data.js';

describe('the report page', () => {
  it('shows questions as text, never as markup, even when they contain HTML or a closing script tag', () => {
    const evil = 'pilot </script><img src=x onerror=alert(1)> & "quotes"';
    const data = buildReport(
      [
        {
          id: 'a',
          at: Date.parse('2024-06-01T10:00:00Z'),
          surface: 'discord',
          via: 'ask',
          question: evil,
          intent: 'general',
          roles: [],
          answered: false,
          citations: [],
          ms: 1,
          up: 0,
          down: 1,
        },
      ],
      ['Doc › <b>Section</b>'],
      { days: 30, now: Date.parse('2024-06-02T00:00:00Z') },
    );
    const html = renderReportPage(data, '/* chart.js */');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>Section');
    expect(html.match(/<\/script>/g)).toHaveLength(3);
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62; &#38; &#34;quotes&#34;');
    expect(html).toContain("script-src 'unsafe-inline'");
    expect(html).toContain("default-src 'none'");
  });
});
