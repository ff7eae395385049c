/**
 * The kiosk browser's own profile, in the data dir. Some settings have no
 * command-line switch (the password manager, address autofill, translate
 * offers) and live in the profile's Preferences file; and a browser that was
 * killed marks its profile "crashed", which would show a "restore pages?"
 * bubble over the attract screen after a restart. Both are set here before
 * every launch, keeping every other preference Chromium wrote.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

type Json = Record<string, unknown>;

const KIOSK_PREFERENCES: Json = {
  credentials_enable_service: false,
  credentials_enable_autosignin: false,
  autofill: { profile_enabled: false, credit_card_enabled: false },
  translate: { enabled: false },
  browser: { check_default_browser: false, has_seen_welcome_page: true },
  profile: { password_manager_enabled: false, exit_type: 'Normal', exited_cleanly: true },
  session: { restore_on_startup: 5 },
};

/** Deep-merges `over` into `base` (objects merge, everything else is replaced). */
export function mergePreferences(base: Json, over: Json): Json {
  const out: Json = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const b = out[k];
    out[k] =
      v && typeof v === 'object' && !Array.isArray(v) && b && typeof b === 'object' && !Array.isArray(b) ? mergePreferences(b as Json, v as Json) : v;
  }
  return out;
}

/** Creates the profile folder (owner-only) and writes the kiosk's preferences into it. */
export function prepareBrowserProfile(profileDir: string): void {
  const dir = join(profileDir, 'Default');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, 'Preferences');
  let current: Json = {};
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) current = parsed as Json;
  } catch {
    // Missing or half-written by a crashed browser: start from the kiosk's settings alone.
  }
  const tmp = `${file}.itda-tmp`;
  writeFileSync(tmp, JSON.stringify(mergePreferences(current, KIOSK_PREFERENCES)));
  renameSync(tmp, file);
}
