// Types for electronRuntime.mjs (a plain script, so `npm start` needs no compile step).
export type ElectronRuntime =
  | { ok: true; executable: string; electronDir: string }
  | { ok: false; reason: 'package-missing' | 'not-downloaded' | 'binary-missing'; electronDir: string; executable?: string };

export function electronPlatformPath(platform?: string): string;
export function findElectronRuntime(options: { projectDir: string; env?: Record<string, string | undefined>; platform?: string }): ElectronRuntime;
export function missingRuntimeMessage(result: Extract<ElectronRuntime, { ok: false }>): string;
