import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { workerEntry } from '../../../src-main/platform/workerEntry';
import { tempDir } from '../../support/testCore';

describe('workerEntry', () => {
  it('finds a bundled worker beside the hosts when the caller sits in a shared chunk one folder below', () => {
    const out = tempDir();
    fs.mkdirSync(path.join(out, 'chunks'));
    fs.writeFileSync(path.join(out, 'lookupWorker.js'), '');
    expect(workerEntry('lookupWorker', 'reconciliation', path.join(out, 'chunks'))).toEqual({ file: path.join(out, 'lookupWorker.js'), execArgv: [] });
    expect(workerEntry('lookupWorker', 'reconciliation', out)).toEqual({ file: path.join(out, 'lookupWorker.js'), execArgv: [] });
  });

  it('runs the TypeScript source through tsx when there is no build', () => {
    const here = path.resolve(__dirname, '../../../src-main/platform');
    expect(workerEntry('printWorker', 'print', here)).toEqual({ file: path.resolve(here, '../print/printWorker.ts'), execArgv: ['--import', 'tsx'] });
    expect(workerEntry('lookupWorker', 'reconciliation', here)).toEqual({ file: path.resolve(here, '../reconciliation/lookupWorker.ts'), execArgv: ['--import', 'tsx'] });
  });
});
