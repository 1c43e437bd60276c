import type { Core } from '../core/createCore';
import { today } from '../platform/clock';
import { systemActor } from '../services/actor';
import { registrationInput } from '../../src-shared/ipc/schemas/onboarding';
import { seedDemoPayer } from './demoPayer';

/** The demo EC and accounts the README documents; only ever seeded into an empty database. */
export const demoEc = { name: 'Comune di Test', fiscalCode: '80012345676', segregationCode: '01' } as const;

export const demoAccounts = {
  admin: { email: 'referente.pagamenti@comune-test.it', password: 'Pagamenti2026!', firstName: 'Maria', lastName: 'Rossi' },
  operator: { email: 'referente.tecnico@comune-test.it', password: 'Tecnico2026!', firstName: 'Luca', lastName: 'Bianchi' },
} as const;

/** The demo EC's "Registrazione sul Nodo": connected directly. */
export const demoRegistration = {
  address: 'Piazza del Municipio 1',
  city: 'Test',
  province: 'RM',
  postalCode: '00100',
  fiscalDomicile: 'Piazza del Municipio 1, 00100 Test (RM)',
  connectionType: 'direct',
} as const;

const demoActor = { ...systemActor, name: 'Sistema (dati dimostrativi)' };

export async function seedDemo(core: Core, options: { payer?: boolean } = {}): Promise<void> {
  const { admin, operator } = demoAccounts;
  await core.services.setup.complete(
    {
      ec: demoEc,
      admin: { ...admin, passwordConfirm: admin.password },
    },
    null,
  );
  await core.services.staff.create(demoActor, { ...operator, role: 'ecOperator', passwordConfirm: operator.password });
  const start = today(core.clock);
  core.services.iban.create(demoActor, {
    iban: 'IT60X0542811101000000123456',
    description: 'Tesoreria comunale',
    validFrom: start,
    validTo: null,
  });
  core.services.iban.create(demoActor, {
    iban: 'IT57N0760114800000011050036',
    description: 'Conto corrente postale (bollettini)',
    validFrom: start,
    validTo: null,
  });
  // onboarding step 1 done, so the demo opens on step 2 (the Referente Tecnico's Nodo API key);
  // `--no-demo` gives a fresh EC that still has to register
  await core.onboarding.registration.submit(demoActor, registrationInput.parse(demoRegistration));
  // the Pagatore workspace: a citizen with a paid notice (receipt printable) and one still to pay
  if (options.payer !== false) await seedDemoPayer(core, demoActor);
  core.logger.info('demo.seeded', { ec: demoEc.name });
}
