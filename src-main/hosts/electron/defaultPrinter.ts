import { execFile } from 'node:child_process';

/**
 * The system's default printer. Electron no longer reports it (PrinterInfo.isDefault is gone from
 * getPrintersAsync), so it is asked of the OS the way its own tools do: CUPS' `lpstat -d` on Linux
 * and macOS, the per-user "Device" value on Windows. Unknown (no CUPS, no default, a slow spooler):
 * null, and the printer dialog then offers "the system's default printer" without naming it.
 */

export type RunFile = (file: string, args: readonly string[]) => Promise<string>;

/** `lpstat -d` in the C locale: "system default destination: Office_Printer" */
export function parseLpstatDefault(output: string): string | null {
  const match = /^system default destination:\s*(\S.*?)\s*$/m.exec(output);
  return match?.[1] ?? null;
}

/** `reg query ... /v Device`: "    Device    REG_SZ    HP LaserJet,winspool,Ne01:" (the name may itself hold commas) */
export function parseWindowsDevice(output: string): string | null {
  const match = /^\s*Device\s+REG_SZ\s+(.+?)\s*$/m.exec(output);
  if (!match?.[1]) return null;
  const parts = match[1].split(',');
  const name = (parts.length >= 3 ? parts.slice(0, -2).join(',') : (parts[0] ?? '')).trim();
  return name === '' ? null : name;
}

export const runFile: RunFile = (file, args) =>
  new Promise((resolve, reject) => {
    execFile(file, [...args], { timeout: 3_000, windowsHide: true, env: { ...process.env, LC_ALL: 'C', LANG: 'C' } }, (error, stdout) => {
      if (error) reject(error);
      else resolve(stdout);
    });
  });

export async function defaultPrinterName(platform: NodeJS.Platform, run: RunFile = runFile): Promise<string | null> {
  try {
    if (platform === 'win32') {
      const reg = `${process.env.SystemRoot ?? 'C:\\Windows'}\\System32\\reg.exe`;
      return parseWindowsDevice(await run(reg, ['query', 'HKCU\\Software\\Microsoft\\Windows NT\\CurrentVersion\\Windows', '/v', 'Device']));
    }
    return parseLpstatDefault(await run('lpstat', ['-d']));
  } catch {
    return null;
  }
}
