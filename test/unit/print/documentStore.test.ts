import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DocumentStore } from '../../../src-main/print/documentStore';
import { tempDir } from '../../support/testCore';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function folder(): string {
  const dir = path.join(tempDir('sportello-documents-'), 'documenti');
  made.push(path.dirname(dir));
  return dir;
}

const pdf = (text: string) => ({ fileName: 'avviso-X.pdf', bytes: new TextEncoder().encode(`%PDF-${text}`) });

describe('DocumentStore', () => {
  it('keeps each document under a random id with its readable name, for the window that made it', () => {
    const store = new DocumentStore(folder());
    const a = store.put('w1', 'notice', 7, pdf('a'));
    const b = store.put('w1', 'notice', 7, pdf('b'));
    expect(a.id).toMatch(/^[a-f0-9]{32}$/);
    expect(a.id).not.toBe(b.id);
    expect(path.basename(a.path)).toBe('avviso-X.pdf');
    expect(fs.readFileSync(a.path, 'utf8')).toBe('%PDF-a');
    expect(fs.readFileSync(b.path, 'utf8')).toBe('%PDF-b');
    expect(store.get('w1', a.id)).toEqual(a);
    expect(store.get('w2', a.id)).toBeNull();
    expect(store.get('w1', 'f'.repeat(32))).toBeNull();
  });

  it('a file name cannot lead out of the document’s folder', () => {
    const dir = folder();
    const doc = new DocumentStore(dir).put('w1', 'receipt', 1, { fileName: '../../fuori.pdf', bytes: new Uint8Array([1]) });
    expect(path.dirname(path.dirname(doc.path))).toBe(dir);
    expect(doc.fileName).toBe('fuori.pdf');
  });

  it('forgets the oldest beyond its limit, files included, and starts empty', () => {
    const dir = folder();
    const store = new DocumentStore(dir, 2);
    const first = store.put('w1', 'notice', 1, pdf('1'));
    store.put('w1', 'notice', 2, pdf('2'));
    const third = store.put('w1', 'notice', 3, pdf('3'));
    expect(store.get('w1', first.id)).toBeNull();
    expect(fs.existsSync(first.path)).toBe(false);
    expect(fs.readdirSync(dir)).toHaveLength(2);

    // ids live in memory only: a new run clears what an earlier one left behind
    new DocumentStore(dir);
    expect(fs.existsSync(third.path)).toBe(false);
  });
});
