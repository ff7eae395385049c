import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../storage/database';
import { StaffAuth } from '../staff-auth';
import { runStaffCli } from './staff-cli';

describe('npm run staff -- setup-code', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('prints a fresh one-time code as one line, and the earlier code stops working', { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'itda-staff-cli-'));
    dirs.push(dir);
    const lines: string[] = [];
    const args = ['setup-code', '--data', dir, '--config', join(dir, 'none.json')];
    // `--config` names a file that does not exist: the CLI says so instead of guessing.
    await expect(runStaffCli(args, (l) => lines.push(l))).rejects.toThrow();
    expect(await runStaffCli(['setup-code', '--data', dir], (l) => lines.push(l))).toBe(0);
    expect(await runStaffCli(['setup-code', '--data', dir], (l) => lines.push(l))).toBe(0);
    const codes = lines.map((l) => /^staff setup code: ([0-9]{10})$/.exec(l)?.[1]).filter(Boolean) as string[];
    expect(codes).toHaveLength(2);

    const db = openDatabase({ dataDir: dir });
    try {
      const auth = new StaffAuth({ db, record: () => {} });
      await expect(auth.setup(codes[0]!, '258013', { transport: 'cli' })).rejects.toMatchObject({ code: 'staff.setup_code_wrong' });
      expect((await auth.setup(codes[1]!, '258013', { transport: 'cli' })).role).toBe('admin');
    } finally {
      db.close();
    }
    // With an admin PIN there is nothing to set up: refused, no code.
    const after: string[] = [];
    expect(await runStaffCli(['setup-code', '--data', dir], (l) => after.push(l))).toBe(1);
    expect(after.join('\n')).not.toMatch(/staff setup code/);
    expect(await runStaffCli(['unknown'], (l) => after.push(l))).toBe(2);
  });
});
