/**
 * Speaks through a local TTS program (espeak-ng on kiosks with no OS voice).
 * The program runs directly with an argument array: the spoken text fills
 * one argument and is never parsed by a shell. A new utterance stops the one
 * still playing (the visitor moved on), and a hung program is killed after
 * its timeout.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { TtsCommandConfig } from './a11y-config';

export interface SpeakRequest {
  text: string;
  language: 'ko' | 'en';
  /** 0.5–2, 1 = normal. */
  rate: number;
  /** 0–1. */
  volume: number;
}

export type SpeakOutcome = 'spoken' | 'interrupted' | 'failed' | 'timeout';

/** The argument list for one utterance (to a WAV `file` when given): each template argument filled on its own. */
export function ttsArgs(config: TtsCommandConfig, req: SpeakRequest, file?: string): string[] {
  const values: Record<string, string> = {
    file: file ?? '',
    text: req.text,
    language: req.language,
    voice: config.voices[req.language],
    wpm: String(Math.round(config.baseWpm * req.rate)),
    rate: String(Math.round(req.rate * 100)),
    volume: String(Math.round(req.volume * 100)),
  };
  const template = file ? config.fileArgs : config.args;
  if (!template) throw new TypeError('this TTS command has no fileArgs: it cannot write a WAV file');
  return template.map((arg) => arg.replace(/\{(\w+)\}/g, (m, name: string) => values[name] ?? m));
}

export class TtsCommand {
  private current: ChildProcess | null = null;

  constructor(private readonly config: TtsCommandConfig) {}

  speak(req: SpeakRequest): Promise<SpeakOutcome> {
    this.stop();
    return new Promise((resolve) => {
      let settled = false;
      const done = (outcome: SpeakOutcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (this.current === child) this.current = null;
        resolve(outcome);
      };
      const child = spawn(this.config.command, ttsArgs(this.config, req), { stdio: 'ignore', shell: false });
      this.current = child;
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        done('timeout');
      }, this.config.timeoutMs);
      child.on('error', () => done('failed'));
      child.on('exit', (code, signal) => done(signal ? 'interrupted' : code === 0 ? 'spoken' : 'failed'));
    });
  }

  /**
   * Writes `req` as speech to a WAV file instead of playing it (the
   * technician's test, the speech test); does not stop what is playing.
   */
  render(req: SpeakRequest, file: string): Promise<SpeakOutcome> {
    return new Promise((resolve) => {
      const child = spawn(this.config.command, ttsArgs(this.config, req, file), { stdio: 'ignore', shell: false });
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        resolve('timeout');
      }, this.config.timeoutMs);
      child.on('error', () => {
        clearTimeout(timer);
        resolve('failed');
      });
      child.on('exit', (code) => {
        clearTimeout(timer);
        resolve(code === 0 ? 'spoken' : 'failed');
      });
    });
  }

  /** Stops the utterance playing now, if any. Safe to call twice. */
  stop(): void {
    const c = this.current;
    this.current = null;
    if (c && c.exitCode === null && c.signalCode === null) c.kill('SIGTERM');
  }
}
