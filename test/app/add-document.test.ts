import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USER_AGENT, addDocument } from '../../src/app/add-document.js';
import { loadConfig } from '../../src/app/config.js';
import { buildKnowledge } from '../../src/ingest/knowledge/index.js';
import { parseMarkdown } from '../../src/ingest/parse/markdown.js';
import { CAREER_PDF, makePdf } from '../fixtures/make-pdf.js';
import { PageServer } from '../fixtures/page-server.js';
import { tempDir } from '../helpers.js';

const server = new PageServer();
beforeAll(() => server.start());
afterAll(() => server.stop());

function config(extra: Record<string, string> = {}) {
  return loadConfig({ CORPUS_DIR: tempDir('corpus-'), DATA_DIR: tempDir('data-'), ...extra });
}

describe('adding a page to the corpus', () => {
  it('keeps the main content of a web page as Markdown with front matter, and drops navigation, ads and banners', async () => {
    const c = config();
    const added = await addDocument(c, server.url('/robotics-engineer'), new Date('2024-05-01T10:00:00Z'));
    expect(added).toMatchObject({ title: 'Robotics Engineer', source: server.url('/robotics-engineer'), sections: 5 });
    expect(added.words).toBeGreaterThan(150);
    const text = readFileSync(join(c.corpusDir, 'robotics-engineer.md'), 'utf8');
    expect(text).toMatch(/^---\ntitle: Robotics Engineer\nsource: http:\/\/127\.0\.0\.1:\d+\/robotics-engineer\nfetched: 2024-05-01T10:00:00\.000Z\n---\n/);
    expect(text).toContain('## Key Skills\n\n- Programming in C++ and Python, including ROS (Robot Operating System).');
    expect(text).toContain('| Level | Base salary |\n| --- | --- |\n| Junior Roles (0-3 years) | $85,000 - $110,000 per year |');
    for (const noise of [
      'NAVIGATION-LINK',
      'COOKIE-BANNER-TEXT',
      'ADVERTISEMENT-TEXT',
      'NEWSLETTER-TEXT',
      'FOOTER-TEXT',
      'TRACKING-SCRIPT-TEXT',
      'RELATED-SIDEBAR-TEXT',
    ]) {
      expect(text).not.toContain(noise);
    }
    expect(server.requests.at(-1)?.userAgent).toBe(USER_AGENT);
  });

  it('writes a file the corpus parser and the knowledge extractor understand: role, sections and salary figures', async () => {
    const c = config();
    const added = await addDocument(c, server.url('/robotics-engineer'));
    const file = added.file.split('/').pop()!;
    const docs = parseMarkdown(file, readFileSync(join(c.corpusDir, file), 'utf8'));
    expect(docs[0]!.title).toBe('Robotics Engineer');
    expect(docs[0]!.sections.map((s) => s.path.join(' › '))).toEqual(['', 'Key Responsibilities', 'Key Skills', 'Education', 'Salary', 'Job Outlook']);
    const knowledge = buildKnowledge(docs, {});
    expect(knowledge.roles.map((r) => r.name)).toContain('Robotics Engineer');
    const senior = knowledge.salaries.find((f) => f.seniority === 'senior');
    expect(senior).toMatchObject({ level: 'Senior Roles (7+ years)', min: 145000, max: 190000, currency: 'USD', role: 'Robotics Engineer' });
  });

  it('recovers headings, bullets and salary lines from a PDF by font size', async () => {
    const c = config();
    const added = await addDocument(c, server.url('/guides/marine-biologist.pdf'));
    expect(added).toMatchObject({ title: 'Marine Biologist', sections: 3 });
    const text = readFileSync(join(c.corpusDir, 'marine-biologist.md'), 'utf8');
    expect(text).toContain('\n## Key Responsibilities\n\n- Plan and run field surveys of marine species and habitats.\n- Analyse samples');
    expect(text).toContain('A Marine Biologist studies ocean life, from plankton to whales, and the ecosystems they depend on, in the field');
    expect(text).toContain('\n\nJunior Roles (0-3 years): $45,000 - $60,000 per year\n\nSenior Roles (7+ years): $80,000 - $110,000 per year\n');
  });

  it('reads local HTML and PDF files too, and refuses other types in one line', async () => {
    const c = config();
    const dir = tempDir('files-');
    writeFileSync(join(dir, 'guide.pdf'), await makePdf());
    writeFileSync(join(dir, 'page.html'), readFileSync(join(import.meta.dirname, '../fixtures/pages/robotics-engineer.html')));
    writeFileSync(join(dir, 'notes.docx'), 'PK\u0003\u0004 binary');
    expect((await addDocument(c, join(dir, 'guide.pdf'))).title).toBe('Marine Biologist');
    expect((await addDocument(c, join(dir, 'page.html'))).title).toBe('Robotics Engineer');
    await expect(addDocument(c, join(dir, 'notes.docx'))).rejects.toThrow(/^Refused .*notes\.docx: unsupported type \(\.docx\)/);
    await expect(addDocument(c, join(dir, 'missing.html'))).rejects.toThrow(/no such file/);
    expect(readdirSync(c.corpusDir).sort()).toEqual(['marine-biologist.md', 'robotics-engineer.md']);
  });

  it('refuses a non-career page, an empty page, a login wall and a non-page type, writing nothing', async () => {
    const c = config();
    await expect(addDocument(c, server.url('/not-career'))).rejects.toThrow(/does not look like a career page/);
    await expect(addDocument(c, server.url('/empty'))).rejects.toThrow(/no readable main text/);
    await expect(addDocument(c, server.url('/login'))).rejects.toThrow(/login page/);
    await expect(addDocument(c, server.url('/members'))).rejects.toThrow(/asks for a login \(HTTP 401\)/);
    await expect(addDocument(c, server.url('/logo.png'))).rejects.toThrow(/unsupported type \(image\/png\)/);
    await expect(addDocument(c, server.url('/nowhere'))).rejects.toThrow(/HTTP 404/);
    expect(readdirSync(c.corpusDir)).toEqual([]);
  });

  it('follows a few redirects but not endless ones, and bounds size and time', async () => {
    const c = config({ ADD_MAX_MB: '1', ADD_TIMEOUT_SECONDS: '1' });
    expect((await addDocument(c, server.url('/redirect/3'))).source).toBe(server.url('/robotics-engineer'));
    await expect(addDocument(c, server.url('/redirect/9'))).rejects.toThrow(/more than 5 redirects/);
    await expect(addDocument(c, server.url('/huge'))).rejects.toThrow(/larger than 1\.0 MB \(ADD_MAX_MB\)/);
    await expect(addDocument(c, server.url('/never'))).rejects.toThrow(/no complete answer within 1 s \(ADD_TIMEOUT_SECONDS\)/);
    await expect(addDocument(c, 'ftp://127.0.0.1/x.html')).rejects.toThrow(/only http and https/);
  });

  it('decodes a page in the charset it declares, and names an untitled PDF after its file', async () => {
    const c = config();
    const html = readFileSync(join(import.meta.dirname, '../fixtures/pages/robotics-engineer.html'), 'utf8').replace(
      'Key Skills',
      'Key Skills for your Résumé',
    );
    server.extra.set('/latin1', ['text/html; charset=iso-8859-1', Buffer.from(html, 'latin1')]);
    await addDocument(c, server.url('/latin1'));
    expect(readFileSync(join(c.corpusDir, 'robotics-engineer.md'), 'utf8')).toContain('## Key Skills for your Résumé');
    const dir = tempDir('files-');
    const body = CAREER_PDF.filter((l) => l.size < 20);
    writeFileSync(join(dir, 'marine_biologist-guide.pdf'), await makePdf(body.map((l) => ({ ...l, size: l.size > 12 ? 14 : 11 }))));
    expect((await addDocument(c, join(dir, 'marine_biologist-guide.pdf'))).title).toBe('Marine biologist guide');
  });

  it('updates the file that came from the same source, and never overwrites another source with the same title', async () => {
    const c = config();
    await addDocument(c, server.url('/robotics-engineer'));
    await addDocument(c, server.url('/robotics-engineer'));
    server.extra.set('/copy', ['text/html', readFileSync(join(import.meta.dirname, '../fixtures/pages/robotics-engineer.html'))]);
    const other = await addDocument(c, server.url('/copy'));
    expect(other.file).toMatch(/robotics-engineer-2\.md$/);
    expect(readdirSync(c.corpusDir).sort()).toEqual(['robotics-engineer-2.md', 'robotics-engineer.md']);
  });

  it('refuses an HTML page that is already in the corpus folder instead of writing a second copy of it', async () => {
    const c = config();
    const page = join(c.corpusDir, 'pharmacy-technician.html');
    writeFileSync(page, '<html><body><h1>Pharmacy Technician</h1><p>Technicians prepare medicines.</p></body></html>');
    await expect(addDocument(c, page)).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/already in the corpus folder/) });
    expect(readdirSync(c.corpusDir)).toEqual(['pharmacy-technician.html']);
  });
});
