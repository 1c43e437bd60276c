import { describe, expect, it, vi } from 'vitest';
import { defaultPrinterName, parseLpstatDefault, parseWindowsDevice } from '../../../src-main/hosts/electron/defaultPrinter';

describe('default printer', () => {
  it('reads CUPS’ default destination', () => {
    expect(parseLpstatDefault('system default destination: Ufficio_Tributi\n')).toBe('Ufficio_Tributi');
    expect(parseLpstatDefault('no system default destination\n')).toBeNull();
  });

  it('reads the Windows per-user default, names with commas included', () => {
    const reg = '\r\nHKEY_CURRENT_USER\\Software\\Microsoft\\Windows NT\\CurrentVersion\\Windows\r\n    Device    REG_SZ    HP LaserJet, piano 2,winspool,Ne01:\r\n';
    expect(parseWindowsDevice(reg)).toBe('HP LaserJet, piano 2');
    expect(parseWindowsDevice('ERROR: nothing')).toBeNull();
  });

  it('asks the platform’s own tool, and says “unknown” when it fails', async () => {
    const run = vi.fn(async (_file: string, _args: readonly string[]) => 'system default destination: Sportello_2\n');
    expect(await defaultPrinterName('linux', run)).toBe('Sportello_2');
    expect(run).toHaveBeenCalledWith('lpstat', ['-d']);
    expect(await defaultPrinterName('darwin', async () => Promise.reject(new Error('lpstat: not found')))).toBeNull();
    const reg = vi.fn(async (_file: string, _args: readonly string[]) => '    Device    REG_SZ    Ufficio,winspool,Ne01:');
    expect(await defaultPrinterName('win32', reg)).toBe('Ufficio');
    expect(reg.mock.calls[0]![0]).toMatch(/reg\.exe$/);
  });
});
