import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/app/config.js';
import { corpusHash, loadCorpus } from '../../src/ingest/load.js';
import { corpusCopy, tempDir } from '../helpers.js';

describe('loading the corpus directory', () => {
  it('loads the seed page and the operator aliases file', async () => {
    const corpus = await loadCorpus(corpusCopy());
    expect(corpus.docs).toHaveLength(5);
    expect(corpus.aliases['Technical Business Analyst']).toContain('BA');
    expect(corpus.skipped).toEqual([]);
  });

  it('reads an HTML page dropped into the corpus as its main content, and names a PDF with how to add it', async () => {
    const dir = tempDir('corpus-');
    const article = '<p>Localization engineers build the pipelines that let software ship in many languages, working with translators.</p>'.repeat(3);
    writeFileSync(
      join(dir, 'localization.html'),
      `<html><head><title>Localization Engineer | Jobs</title></head><body><nav>Home Careers</nav><article><h1>Localization Engineer</h1>${article}<h2>Skills</h2><ul><li>Scripting in Python</li></ul></article><footer>© 2025</footer></body></html>`,
    );
    writeFileSync(join(dir, 'guide.pdf'), '%PDF-1.4\n');
    const corpus = await loadCorpus(dir);
    expect(corpus.docs.map((d) => [d.file, d.title])).toEqual([['localization.html', 'Localization Engineer']]);
    const doc = corpus.docs[0];
    expect(doc?.blocks.map((b) => doc.text.slice(b.start, b.end))).toContain('Scripting in Python');
    expect(doc?.text).not.toContain('Home Careers');
    expect(corpus.skipped).toEqual([{ file: 'guide.pdf', reason: expect.stringContaining('npm run add') }]);
  });

  it('reads a related-careers block beside an HTML article as one document per career, and drops the other asides', async () => {
    const dir = tempDir('corpus-');
    writeFileSync(join(dir, 'commercial-pilot.html'), readFileSync(join(import.meta.dirname, '../fixtures/pages/commercial-pilot.html')));
    const corpus = await loadCorpus(dir);
    expect(corpus.docs.map((d) => [d.title, d.roles, d.text.trim()])).toEqual([
      ['Commercial Pilot', [], expect.stringContaining('Commercial pilot vs air traffic controller')],
      ['Air traffic controller', ['Air traffic controller'], 'Air traffic controller - average salary £50,000 to £95,000'],
      ['Cabin crew', ['Cabin crew'], 'Cabin crew - average salary £18,000 to £30,000'],
    ]);
    const text = corpus.docs.map((d) => d.text).join('\n');
    for (const chrome of ['Log in', 'uses cookies', 'top tips', 'FlyCareers Ltd']) expect(text).not.toContain(chrome);
  });

  it('skips a file whose text another file already holds, naming both, and reads the one with the shorter name', async () => {
    const dir = tempDir('corpus-');
    const page = '# Commercial Pilot\n\nCommercial pilots fly aircraft for airlines.\n\n## Training\n\nModular training costs £60,000 to £80,000.\n';
    writeFileSync(join(dir, 'pilot (copy).md'), page);
    writeFileSync(join(dir, 'pilot.md'), page);
    writeFileSync(join(dir, 'pilot-uk.md'), page.replace('airlines', 'UK airlines'));
    const corpus = await loadCorpus(dir);
    expect(corpus.docs.map((d) => d.file)).toEqual(['pilot-uk.md', 'pilot.md']);
    expect(corpus.skipped).toEqual([{ file: 'pilot (copy).md', reason: expect.stringContaining('the same text as pilot.md') }]);
  });

  it('reports an unreadable file by name and still loads the others', async () => {
    const dir = corpusCopy();
    writeFileSync(join(dir, 'broken.txt'), Buffer.from([0xff, 0xfe, 0xfd, 0xc3]));
    writeFileSync(join(dir, 'empty.md'), '   \n');
    writeFileSync(join(dir, 'notes.md'), '# Site Reliability Engineer\n\nKeeps production healthy.\n');
    const corpus = await loadCorpus(dir);
    expect(corpus.skipped.map((s) => s.file).sort()).toEqual(['broken.txt', 'empty.md']);
    expect(corpus.skipped.find((s) => s.file === 'broken.txt')!.reason).toMatch(/UTF-8/);
    expect(corpus.docs.map((d) => d.title)).toContain('Site Reliability Engineer');
  });

  it('names binary files, links, special files and folders that look like documents, with the reason', async () => {
    const dir = corpusCopy();
    writeFileSync(join(dir, 'zeros.md'), Buffer.alloc(4096));
    writeFileSync(join(dir, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x41]));
    const outside = join(tempDir('outside-'), 'secret.md');
    writeFileSync(outside, '# Secret Role Engineer\n\nNot part of the corpus.\n');
    symlinkSync(outside, join(dir, 'linked.md'));
    execFileSync('mkfifo', [join(dir, 'pipe.md')]);
    mkdirSync(join(dir, 'folder.md'));
    writeFileSync(join(dir, 'folder.md', 'inside.md'), '# Inside Role Engineer\n\nRead on its own.\n');
    const corpus = await loadCorpus(dir);
    const reasons = Object.fromEntries(corpus.skipped.map((s) => [s.file, s.reason]));
    expect(reasons['zeros.md']).toMatch(/binary.*NUL/);
    expect(reasons['image.txt']).toMatch(/binary.*NUL/);
    expect(reasons['linked.md']).toMatch(/symbolic link/);
    expect(reasons['pipe.md']).toMatch(/not a regular file \(a FIFO\)/);
    expect(reasons['folder.md']).toMatch(/a folder/);
    expect(corpus.docs.map((d) => d.title)).toContain('Inside Role Engineer');
    expect(corpus.docs.map((d) => d.title)).not.toContain('Secret Role Engineer');
  });

  it('skips a file over the size limit by name, and changes the hash when the limit lets it in', async () => {
    const dir = corpusCopy();
    writeFileSync(join(dir, 'huge.md'), `# Huge Role Engineer\n\n${'Works on large systems. '.repeat(60_000)}\n`);
    const limited = await loadCorpus(dir, { maxFileBytes: 1024 * 1024 });
    expect(limited.skipped).toEqual([{ file: 'huge.md', reason: expect.stringMatching(/^1\.4 MB, larger than the 1\.0 MB limit \(raise CORPUS_MAX_FILE_MB/) }]);
    expect(limited.docs.map((d) => d.title)).not.toContain('Huge Role Engineer');
    const allowed = await loadCorpus(dir, { maxFileBytes: 2 * 1024 * 1024 });
    expect(allowed.docs.map((d) => d.title)).toContain('Huge Role Engineer');
    expect(allowed.hash).not.toBe(limited.hash);
  });

  it('reads the limit from CORPUS_MAX_FILE_MB, 5 MB by default, and rejects a limit that is not positive', () => {
    expect(loadConfig({}).corpusMaxFileBytes).toBe(5 * 1024 * 1024);
    expect(loadConfig({ CORPUS_MAX_FILE_MB: '0.5' }).corpusMaxFileBytes).toBe(512 * 1024);
    expect(() => loadConfig({ CORPUS_MAX_FILE_MB: '0' })).toThrow(/CORPUS_MAX_FILE_MB/);
  });

  it('computes the same hash without parsing as loading does', async () => {
    const dir = corpusCopy();
    writeFileSync(join(dir, 'zeros.md'), Buffer.alloc(64));
    expect(await corpusHash(dir)).toBe((await loadCorpus(dir)).hash);
  });

  it('changes its hash when a document changes', async () => {
    const dir = corpusCopy();
    const before = (await loadCorpus(dir)).hash;
    writeFileSync(join(dir, 'new.md'), '# New Role\n\nText.\n');
    expect((await loadCorpus(dir)).hash).not.toBe(before);
  });
});
