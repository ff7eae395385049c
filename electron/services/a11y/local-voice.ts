/**
 * Which local speech engine this kiosk speaks with when the OS offers no
 * voice (Linux kiosks have none): a configured `a11y.ttsCommand`, or else
 * espeak-ng found on the PATH with the voices it actually has. Found once, in
 * the background when first needed (`a11y-domain.ts`: the host is ready and the attract screen
 * painted before espeak runs), without any setting, so every kiosk speaks Korean out of the box
 * (Debian's `espeak-ng` package carries the Korean voice `ko`). One run lists every voice, and a
 * stopping host aborts it (the run is killed, never left behind).
 */
import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { ttsCommandSchema, type TtsCommandConfig } from './a11y-config';

export type VoiceLanguage = 'ko' | 'en';

export interface LocalVoice {
  /** `configured`: the kiosk's `a11y.ttsCommand`; `espeak-ng`: found on this machine. */
  source: 'configured' | 'espeak-ng';
  /** What staff and visitors are told: the program's name. */
  name: string;
  /** The languages it has a voice for. */
  languages: VoiceLanguage[];
  config: TtsCommandConfig;
}

/** The programs tried, best first (espeak is espeak-ng's older name on some systems). */
const ENGINES = ['espeak-ng', 'espeak'];

/** espeak-ng's voice for each language: Korean `ko`, English `en-us` (clearer for Korean listeners than en-gb). */
const ESPEAK_VOICES: Record<VoiceLanguage, string[]> = { ko: ['ko'], en: ['en-us', 'en'] };

export interface FindDeps {
  /** Full path of an executable on the PATH, or null. */
  which(program: string): string | null;
  /** The output of `program --voices` (espeak's list of all its voices), or null when it fails or is aborted. */
  voiceList(program: string, signal?: AbortSignal): string | null | Promise<string | null>;
}

export const systemDeps: FindDeps = {
  which(program) {
    for (const dir of (process.env.PATH ?? '').split(delimiter)) {
      if (!dir) continue;
      const full = join(dir, program);
      try {
        accessSync(full, constants.X_OK);
        return full;
      } catch {
        // Not here.
      }
    }
    return null;
  },
  voiceList(program, signal) {
    return new Promise((resolve) => {
      // An abort kills the run (SIGTERM), as the timeout does: a stopping host leaves no espeak behind.
      execFile(program, ['--voices'], { encoding: 'utf8', timeout: 5000, signal }, (err, stdout) => resolve(err ? null : stdout));
    });
  },
};

/** The voice file name espeak lists for `language`, if it has one (the "File" column of `--voices`). */
export function espeakVoice(list: string, wanted: string[]): string | null {
  const rows = list
    .split('\n')
    .slice(1)
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => cols.length >= 5);
  for (const want of wanted) {
    // Columns: Pty, Language, Age/Gender, VoiceName, File, …
    if (rows.some((cols) => cols[1] === want)) return want;
  }
  return null;
}

/**
 * The local engine to use: the configured command (trusted as given), or
 * the first espeak found with at least a Korean or an English voice; null
 * when there is none (the kiosk then shows text only where the OS has no voice).
 */
export async function findLocalVoice(
  configured: TtsCommandConfig | null,
  opts: { search: boolean; signal?: AbortSignal },
  deps: FindDeps = systemDeps,
): Promise<LocalVoice | null> {
  if (configured) return { source: 'configured', name: configured.command.split('/').pop() ?? configured.command, languages: ['ko', 'en'], config: configured };
  if (!opts.search) return null;
  for (const program of ENGINES) {
    if (opts.signal?.aborted) return null;
    const path = deps.which(program);
    if (!path) continue;
    const list = await deps.voiceList(path, opts.signal);
    const voices: Partial<Record<VoiceLanguage, string>> = {};
    for (const lang of ['ko', 'en'] as const) {
      const voice = list ? espeakVoice(list, ESPEAK_VOICES[lang]) : null;
      if (voice) voices[lang] = voice;
    }
    const languages = (['ko', 'en'] as const).filter((l) => voices[l]);
    if (languages.length === 0) continue;
    const config = ttsCommandSchema.parse({
      command: path,
      voices: { ko: voices.ko ?? 'ko', en: voices.en ?? 'en' },
      // espeak-ng writes a WAV with -w; the rest as it plays.
      fileArgs: ['-v', '{voice}', '-s', '{wpm}', '-a', '{volume}', '-w', '{file}', '--', '{text}'],
      // espeak's default 175 wpm is brisk for older listeners; 150 at rate 1.
      baseWpm: 150,
    });
    return { source: 'espeak-ng', name: program, languages: [...languages], config };
  }
  return null;
}
