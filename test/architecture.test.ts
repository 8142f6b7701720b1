// The one-way rule, checked on the real import graph: layers only import layers below them, no cycles,
// and neither the domain nor the query layer knows about Discord or any renderer.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const SRC = join(ROOT, 'src');
/** Bottom to top; a file may import its own layer or any layer before it. */
const LAYERS = ['domain', 'ingest', 'embed', 'index', 'query', 'app', 'adapters', '(entry)'] as const;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

function layerOf(file: string): (typeof LAYERS)[number] {
  const top = relative(SRC, file).split('/')[0] ?? '';
  return (LAYERS as readonly string[]).includes(top) ? (top as (typeof LAYERS)[number]) : '(entry)';
}

/** Every import (static and dynamic) of every source file: relative ones resolved to files, packages by name. */
const graph = new Map<string, { local: string[]; packages: string[] }>();
for (const file of files(SRC)) {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  const specs = importedFiles.map((f) => f.fileName);
  graph.set(file, {
    local: specs.filter((s) => s.startsWith('.')).map((s) => resolve(dirname(file), s).replace(/\.js$/, '.ts')),
    packages: specs.filter((s) => !s.startsWith('.')),
  });
}
const rel = (f: string) => relative(ROOT, f);

describe('the architecture', () => {
  it('reads the whole source tree', () => {
    expect(graph.size).toBeGreaterThan(40);
    for (const { local } of graph.values()) for (const target of local) expect(graph.has(target), `${target} exists`).toBe(true);
  });

  it('only imports downwards: domain → ingest → embed → index → query → app → adapters → main', () => {
    const upward: string[] = [];
    for (const [file, { local }] of graph) {
      for (const target of local) {
        if (LAYERS.indexOf(layerOf(target)) > LAYERS.indexOf(layerOf(file))) upward.push(`${rel(file)} → ${rel(target)}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('has no import cycle', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...path.slice(path.indexOf(file)), file].map(rel).join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const next of graph.get(file)?.local ?? []) visit(next, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of graph.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });

  it('keeps the domain free of packages, and the domain and query layers free of Discord and renderers', () => {
    const leaks: string[] = [];
    for (const [file, { local, packages }] of graph) {
      const layer = layerOf(file);
      if (layer === 'domain' && packages.length) leaks.push(`${rel(file)} imports ${packages.join(', ')}`);
      if ((layer === 'domain' || layer === 'query') && packages.some((p) => p.startsWith('discord.js'))) leaks.push(`${rel(file)} imports discord.js`);
      if (layerOf(file) !== 'adapters' && local.some((t) => layerOf(t) === 'adapters')) leaks.push(`${rel(file)} imports a renderer`);
    }
    expect(leaks.filter((l) => !l.startsWith('src/main.ts') && !l.startsWith('src/shard.ts'))).toEqual([]);
  });

  it('keeps each surface to itself: the CLI never imports the Discord adapter, nor the other way round', () => {
    const crossed: string[] = [];
    for (const [file, { local }] of graph) {
      const surface = relative(SRC, file).split('/')[1];
      if (layerOf(file) !== 'adapters' || !surface?.match(/^(cli|discord)$/)) continue;
      for (const t of local) {
        const other = relative(SRC, t).split('/')[1];
        if (layerOf(t) === 'adapters' && other?.match(/^(cli|discord)$/) && other !== surface) crossed.push(`${rel(file)} → ${rel(t)}`);
      }
    }
    expect(crossed).toEqual([]);
  });

  it('lets nobody import the entry points', () => {
    const entries = [...graph.keys()].filter((f) => layerOf(f) === '(entry)');
    expect(entries.map(rel).sort()).toEqual(['src/main.ts', 'src/shard.ts']);
    for (const [file, { local }] of graph) for (const e of entries) expect(local, `${rel(file)} imports ${rel(e)}`).not.toContain(e);
  });
});
