import { describe, expect, it } from 'vitest';
import { chunkDocs, estimateTokens } from '../../src/ingest/chunk.js';
import { seedDocs } from '../helpers.js';

const docs = seedDocs();
const chunks = chunkDocs(docs);
const byId = new Map(docs.map((d) => [d.id, d]));

describe('chunking', () => {
  it('never lets a chunk cross a heading', () => {
    for (const c of chunks) {
      const doc = byId.get(c.docId)!;
      const sections = new Set(
        doc.blocks
          .filter((b) => b.kind !== 'heading' && b.start < c.end && b.end > c.start && c.spans.some((s) => s.start >= b.start && s.end <= b.end))
          .map((b) => b.section),
      );
      expect([...sections]).toEqual([c.section]);
    }
  });

  it('stays well inside the embedding model window', () => {
    for (const c of chunks) expect(estimateTokens(c.text)).toBeLessThanOrEqual(200);
  });

  it('keeps a nested bullet together with its parent line', () => {
    const chunk = chunks.find((c) => c.text.includes('Average base salary: $157,969'))!;
    expect(chunk.text).toContain('Machine Learning Engineers:');
    const span = chunk.spans.find((s) => byId.get(chunk.docId)!.text.slice(s.start, s.end) === 'Average base salary: $157,969')!;
    expect(byId.get(chunk.docId)!.text.slice(span.context!.start, span.context!.end)).toBe('Machine Learning Engineers:');
  });

  it('carries the document title and heading path', () => {
    const chunk = chunks.find((c) => c.text.includes('Advanced degree'))!;
    expect(chunk.text.split('\n')[0]).toBe('Backend Engineer Machine Learning Systems › Requirements › Educational Background');
  });

  it('gives identical ids when the same corpus is chunked again', () => {
    expect(chunkDocs(seedDocs()).map((c) => c.id)).toEqual(chunks.map((c) => c.id));
    expect(new Set(chunks.map((c) => c.id)).size).toBe(chunks.length);
  });

  it('splits a long section into several chunks with a small overlap', () => {
    const long = chunkDocs(docs, { maxTokens: 60, overlapTokens: 30 });
    const soft = long.filter((c) => c.text.startsWith('Backend Engineer Machine Learning Systems › Essential Soft Skills'));
    expect(soft.length).toBeGreaterThan(2);
    const shared = soft.slice(1).filter((c, i) => c.spans.some((s) => soft[i]!.spans.some((p) => p.start === s.start)));
    expect(shared.length).toBeGreaterThan(0);
  });
});
