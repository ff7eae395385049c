import { readFileSync, mkdirSync, writeFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { mergePreferences, prepareBrowserProfile } from './browser-profile';
import { makeTempDir } from '../../test/support/temp-dir';

let dir: ReturnType<typeof makeTempDir>;
afterEach(() => dir?.remove());

describe('prepareBrowserProfile', () => {
  it('creates an owner-only profile with password manager, autofill and translate off', () => {
    dir = makeTempDir();
    const profile = join(dir.path, 'browser-profile');
    prepareBrowserProfile(profile);
    expect(statSync(profile).mode & 0o777).toBe(0o700);
    const prefs = JSON.parse(readFileSync(join(profile, 'Default', 'Preferences'), 'utf8'));
    expect(prefs.credentials_enable_service).toBe(false);
    expect(prefs.profile.password_manager_enabled).toBe(false);
    expect(prefs.autofill.profile_enabled).toBe(false);
    expect(prefs.translate.enabled).toBe(false);
  });

  it('clears the "crashed" mark of a killed browser and keeps what Chromium wrote', () => {
    dir = makeTempDir();
    const profile = join(dir.path, 'p');
    mkdirSync(join(profile, 'Default'), { recursive: true });
    writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify({ profile: { exit_type: 'Crashed', name: 'Kiosk' }, zoom: { level: 1 } }));
    prepareBrowserProfile(profile);
    const prefs = JSON.parse(readFileSync(join(profile, 'Default', 'Preferences'), 'utf8'));
    expect(prefs.profile).toMatchObject({ exit_type: 'Normal', exited_cleanly: true, name: 'Kiosk' });
    expect(prefs.zoom).toEqual({ level: 1 });
  });

  it('starts afresh from a half-written Preferences file', () => {
    dir = makeTempDir();
    const profile = join(dir.path, 'p');
    mkdirSync(join(profile, 'Default'), { recursive: true });
    writeFileSync(join(profile, 'Default', 'Preferences'), '{"profile": {');
    prepareBrowserProfile(profile);
    expect(JSON.parse(readFileSync(join(profile, 'Default', 'Preferences'), 'utf8')).profile.exit_type).toBe('Normal');
  });
});

describe('mergePreferences', () => {
  it('merges objects and replaces everything else', () => {
    expect(mergePreferences({ a: { b: 1, c: [1] }, d: 1 }, { a: { c: [2] }, d: { e: 1 } })).toEqual({ a: { b: 1, c: [2] }, d: { e: 1 } });
  });
});
