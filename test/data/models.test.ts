import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { loadModel } from '../../src/model/loadModel.js';
import { builtinPath } from '../../src/io/paths.js';

const files = readdirSync(builtinPath('models')).filter((f) => f.endsWith('.model.json'));

describe('models/', () => {
  it('holds the four plan models', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'big-data-13th-fyp.model.json',
        'big-data-14th-fyp.model.json',
        'big-data-2015-2025.model.json',
        'cybersecurity-2021-2023.model.json',
      ]),
    );
  });

  it.each(files)('%s parses, its id matches its file name, and every assumption says why', (file) => {
    const m = loadModel(`${builtinPath('models')}/${file}`);
    expect(`${m.id}.model.json`).toBe(file);
    const walk = (v: unknown): void => {
      if (v && typeof v === 'object') {
        const o = v as Record<string, unknown>;
        if (o['kind'] === 'assumption') expect(String(o['text']).length).toBeGreaterThan(15);
        Object.values(o).forEach(walk);
      }
    };
    walk(m);
  });
});
