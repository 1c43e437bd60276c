import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../../src-main/auth/password';

const fast = { N: 1024, r: 8, p: 1 };

describe('password hashing (scrypt)', () => {
  it('verifies the right password and refuses others', async () => {
    const hash = await hashPassword('Pagamenti2026!', fast);
    expect(hash).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await verifyPassword('Pagamenti2026!', hash)).toBe(true);
    expect(await verifyPassword('pagamenti2026!', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('stessa', fast)).not.toBe(await hashPassword('stessa', fast));
  });

  it('uses strong parameters by default', async () => {
    expect(await hashPassword('x')).toMatch(/^scrypt\$32768\$8\$1\$/);
  });

  it('treats Unicode-equivalent passwords as equal', async () => {
    const composed = 'Perché2026';
    const decomposed = 'Perche\u03012026';
    expect(await verifyPassword(decomposed, await hashPassword(composed, fast))).toBe(true);
  });

  it.each(['', 'plain', 'scrypt$x$8$1$a$b', 'bcrypt$1$2$3$4$5', 'scrypt$1024$8$1$$'])('refuses the malformed stored hash %j', async (stored) => {
    expect(await verifyPassword('anything', stored)).toBe(false);
  });
});
