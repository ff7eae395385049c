import { describe, expect, it } from 'vitest';
import { configErrorText, startupFailureText } from './startup-messages';

describe('startup dialogs', () => {
  it('names the file and every config problem, Korean first', () => {
    const t = configErrorText('/data/config.json', ['field "idleSeconds": got 1; allowed: Too small: expected number to be >=2']);
    expect(t.title.indexOf('설정')).toBeLessThan(t.title.indexOf('configuration'));
    expect(t.body).toContain('/data/config.json');
    expect(t.body).toContain('  - field "idleSeconds": got 1');
    expect(t.body.indexOf('설정 파일')).toBeLessThan(t.body.indexOf('The kiosk cannot start'));
  });

  it('says what failed when the kiosk cannot start', () => {
    expect(startupFailureText('startup failed', new Error('EACCES')).body).toContain('startup failed: EACCES');
  });
});
