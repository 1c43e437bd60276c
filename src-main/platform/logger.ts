/** Structured log lines. Never pass secrets or passwords: logs are plain files. */
export interface Logger {
  info(event: string, data?: Record<string, unknown>): void;
  warn(event: string, data?: Record<string, unknown>): void;
  error(event: string, data?: Record<string, unknown>): void;
}

function serialise(data: Record<string, unknown> | undefined): string {
  if (!data) return '';
  return ` ${JSON.stringify(data, (_key, value: unknown) =>
    value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value,
  )}`;
}

export function consoleLogger(prefix = 'sportello'): Logger {
  return {
    info: (event, data) => console.log(`[${prefix}] ${event}${serialise(data)}`),
    warn: (event, data) => console.warn(`[${prefix}] ${event}${serialise(data)}`),
    error: (event, data) => console.error(`[${prefix}] ${event}${serialise(data)}`),
  };
}

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
