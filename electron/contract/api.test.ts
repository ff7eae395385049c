import { describe, expect, it } from 'vitest';
import { api } from './api';
import { pushEventSchemas } from './events';
import { methodNames, pushEventNames } from './names';

// The sandboxed preload only knows names.ts: a method or event missing there
// would be unreachable from the Electron window while working on the web host.
describe('names.ts mirrors the contract', () => {
  it('lists exactly the methods of api.ts', () => {
    expect([...methodNames].sort()).toEqual(Object.keys(api).sort());
  });

  it('lists each method once', () => {
    expect(new Set(methodNames).size).toBe(methodNames.length);
  });

  it('lists exactly the push events of events.ts', () => {
    expect([...pushEventNames].sort()).toEqual(Object.keys(pushEventSchemas).sort());
  });
});
