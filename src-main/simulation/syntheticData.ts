import { fiscalCodeCheckLetter, luhnCheckDigit } from '../../src-shared/domain/fiscalCode';
import type { DebtorInput } from '../positions/types';
import { SeededRandom } from '../platform/random';

/**
 * Synthetic but plausible Italian people and companies for simulations: names, addresses and fiscal
 * codes built with the real rules (surname/name letters, birth date, Belfiore code, check letter; Luhn
 * for partite IVA), so they pass the same validation as real data. Nothing here names a real person:
 * names are combined at random and e-mail addresses use the reserved `.example` domain.
 */

const MALE_NAMES = [
  'Marco', 'Giuseppe', 'Giovanni', 'Antonio', 'Francesco', 'Luca', 'Alessandro', 'Andrea', 'Matteo', 'Lorenzo',
  'Davide', 'Stefano', 'Paolo', 'Roberto', 'Salvatore', 'Mario', 'Luigi', 'Vincenzo', 'Simone', 'Federico',
  'Riccardo', 'Gabriele', 'Tommaso', 'Emanuele', 'Niccolò', 'Pietro', 'Filippo', 'Giorgio', 'Fabio', 'Massimo',
];
const FEMALE_NAMES = [
  'Giulia', 'Francesca', 'Chiara', 'Sara', 'Martina', 'Alessia', 'Valentina', 'Elena', 'Federica', 'Silvia',
  'Laura', 'Anna', 'Maria', 'Paola', 'Roberta', 'Elisa', 'Giorgia', 'Sofia', 'Aurora', 'Beatrice',
  'Alice', 'Ilaria', 'Serena', 'Cristina', 'Daniela', 'Monica', 'Barbara', 'Lucia', 'Teresa', 'Rosa',
];
const SURNAMES = [
  'Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco',
  'Bruno', 'Gallo', 'Conti', 'De Luca', 'Mancini', 'Costa', 'Giordano', 'Rizzo', 'Lombardi', 'Moretti',
  'Barbieri', 'Fontana', 'Santoro', 'Mariani', 'Rinaldi', 'Caruso', 'Ferrara', 'Galli', 'Martini', 'Leone',
  'Longo', 'Gentile', 'Martinelli', 'Vitale', 'Lombardo', 'Serra', 'Coppola', 'De Santis', 'D’Angelo', 'Marchetti',
  'Parisi', 'Villa', 'Conte', 'Ferraro', 'Ferri', 'Fabbri', 'Bianco', 'Marini', 'Grasso', 'Valentini',
  'Messina', 'Sala', 'De Angelis', 'Gatti', 'Pellegrini', 'Palumbo', 'Sanna', 'Farina', 'Rizzi', 'Monti',
];

/** Comuni with their Belfiore code (birthplace in the fiscal code), province, CAP and province tax office. */
export const COMUNI = [
  { name: 'Roma', belfiore: 'H501', province: 'RM', cap: '00184', office: '058' },
  { name: 'Milano', belfiore: 'F205', province: 'MI', cap: '20121', office: '015' },
  { name: 'Napoli', belfiore: 'F839', province: 'NA', cap: '80133', office: '063' },
  { name: 'Torino', belfiore: 'L219', province: 'TO', cap: '10121', office: '001' },
  { name: 'Palermo', belfiore: 'G273', province: 'PA', cap: '90133', office: '082' },
  { name: 'Genova', belfiore: 'D969', province: 'GE', cap: '16121', office: '010' },
  { name: 'Bologna', belfiore: 'A944', province: 'BO', cap: '40121', office: '037' },
  { name: 'Firenze', belfiore: 'D612', province: 'FI', cap: '50122', office: '048' },
  { name: 'Bari', belfiore: 'A662', province: 'BA', cap: '70121', office: '072' },
  { name: 'Catania', belfiore: 'C351', province: 'CT', cap: '95121', office: '087' },
  { name: 'Venezia', belfiore: 'L736', province: 'VE', cap: '30124', office: '027' },
  { name: 'Verona', belfiore: 'L781', province: 'VR', cap: '37121', office: '023' },
  { name: 'Padova', belfiore: 'G224', province: 'PD', cap: '35122', office: '028' },
  { name: 'Trieste', belfiore: 'L424', province: 'TS', cap: '34121', office: '032' },
  { name: 'Brescia', belfiore: 'B157', province: 'BS', cap: '25121', office: '017' },
  { name: 'Parma', belfiore: 'G337', province: 'PR', cap: '43121', office: '034' },
  { name: 'Modena', belfiore: 'F257', province: 'MO', cap: '41121', office: '036' },
  { name: 'Perugia', belfiore: 'G478', province: 'PG', cap: '06121', office: '054' },
  { name: 'Cagliari', belfiore: 'B354', province: 'CA', cap: '09124', office: '092' },
  { name: 'Pescara', belfiore: 'G482', province: 'PE', cap: '65121', office: '068' },
  { name: 'Ancona', belfiore: 'A271', province: 'AN', cap: '60121', office: '042' },
  { name: 'Trento', belfiore: 'L378', province: 'TN', cap: '38122', office: '022' },
  { name: 'Bergamo', belfiore: 'A794', province: 'BG', cap: '24121', office: '016' },
  { name: 'Lecce', belfiore: 'E506', province: 'LE', cap: '73100', office: '075' },
] as const;

const STREETS = [
  'Via Roma', 'Via Giuseppe Garibaldi', 'Via Giuseppe Mazzini', 'Corso Vittorio Emanuele II', 'Via Camillo Benso di Cavour',
  'Piazza Dante Alighieri', 'Via Giuseppe Verdi', 'Viale della Repubblica', 'Via XX Settembre', 'Via Alessandro Manzoni',
  'Via Nazionale', 'Via dei Mille', 'Via Giacomo Matteotti', 'Viale Europa', 'Via Antonio Gramsci', 'Via della Libertà',
  'Piazza del Popolo', 'Via San Francesco', 'Via IV Novembre', 'Via Trieste', 'Via Trento', 'Via Dante',
];

const ACTIVITIES = [
  'Costruzioni', 'Edilizia', 'Impianti Elettrici', 'Trasporti', 'Traslochi', 'Ristorazione', 'Servizi', 'Commercio',
  'Arredamenti', 'Autoriparazioni', 'Ponteggi', 'Giardinaggio', 'Eventi', 'Forniture Alimentari',
];
const LEGAL_FORMS = ['S.r.l.', 'S.r.l.s.', 'S.n.c.', 'S.a.s.', 'S.p.A.'];

const MONTH_LETTERS = 'ABCDEHLMPRST';
const VOWELS = new Set(['A', 'E', 'I', 'O', 'U']);

/** Upper-case letters only, accents stripped: what the fiscal code algorithm reads. */
function letters(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .toUpperCase();
}

function split(text: string): { consonants: string[]; vowels: string[] } {
  const chars = letters(text).split('');
  return { consonants: chars.filter((c) => !VOWELS.has(c)), vowels: chars.filter((c) => VOWELS.has(c)) };
}

/** Surname part: consonants, then vowels, then X, first three. */
export function surnameCode(surname: string): string {
  const { consonants, vowels } = split(surname);
  return [...consonants, ...vowels, 'X', 'X', 'X'].slice(0, 3).join('');
}

/** Name part: with four or more consonants the 1st, 3rd and 4th; otherwise like the surname. */
export function nameCode(name: string): string {
  const { consonants, vowels } = split(name);
  if (consonants.length >= 4) return consonants[0]! + consonants[2]! + consonants[3]!;
  return [...consonants, ...vowels, 'X', 'X', 'X'].slice(0, 3).join('');
}

/** A person's 16-character fiscal code from its parts, with the correct check letter. */
export function personFiscalCode(p: { surname: string; name: string; birth: { year: number; month: number; day: number }; sex: 'M' | 'F'; belfiore: string }): string {
  const day = p.birth.day + (p.sex === 'F' ? 40 : 0);
  const first15 =
    surnameCode(p.surname) +
    nameCode(p.name) +
    String(p.birth.year % 100).padStart(2, '0') +
    MONTH_LETTERS.charAt(p.birth.month - 1) +
    String(day).padStart(2, '0') +
    p.belfiore;
  return first15 + fiscalCodeCheckLetter(first15);
}

/** An 11-digit partita IVA: 7-digit serial, 3-digit provincial office, Luhn check digit. */
export function partitaIva(serial: number, office: string): string {
  const first10 = String(serial % 10_000_000).padStart(7, '0') + office;
  return first10 + luhnCheckDigit(first10);
}

function asciiLower(text: string): string {
  return letters(text).toLowerCase();
}

/** Debtor `index` of a pool: the same seed and index always give the same person or company. */
export function syntheticDebtor(seed: number, index: number, companyShare = 0.12): DebtorInput {
  const rng = SeededRandom.fromSeed(mix(seed, index));
  const home = rng.pick(COMUNI);
  const address = { address: rng.pick(STREETS), civicNumber: civic(rng), postalCode: home.cap, city: home.name, province: home.province, country: 'IT' };
  if (rng.chance(companyShare)) {
    const owner = rng.pick(SURNAMES);
    const fullName = `${owner} ${rng.pick(ACTIVITIES)} ${rng.pick(LEGAL_FORMS)}`;
    return {
      type: 'G',
      fiscalCode: partitaIva(rng.int(1, 9_999_999), home.office),
      fullName,
      ...address,
      email: `amministrazione@${asciiLower(owner)}${index % 1000}.example`,
      phone: rng.chance(0.7) ? `+39 0${rng.digits(2)} ${rng.digits(6)}` : null,
    };
  }
  const sex: 'M' | 'F' = rng.chance(0.5) ? 'F' : 'M';
  const name = rng.pick(sex === 'F' ? FEMALE_NAMES : MALE_NAMES);
  const surname = rng.pick(SURNAMES);
  const birth = { year: rng.int(1940, 2005), month: rng.int(1, 12), day: rng.int(1, 28) };
  // most people were born where they live, some elsewhere
  const birthplace = rng.chance(0.7) ? home : rng.pick(COMUNI);
  return {
    type: 'F',
    fiscalCode: personFiscalCode({ surname, name, birth, sex, belfiore: birthplace.belfiore }),
    fullName: `${name} ${surname}`,
    ...address,
    email: rng.chance(0.6) ? `${asciiLower(name)}.${asciiLower(surname)}${birth.year % 100}@posta.example` : null,
    phone: rng.chance(0.5) ? `+39 3${rng.digits(2)} ${rng.digits(7)}` : null,
  };
}

function civic(rng: SeededRandom): string {
  const n = String(rng.int(1, 180));
  return rng.chance(0.1) ? `${n}/${rng.pick(['A', 'B', 'C'])}` : n;
}

/** A 32-bit mix of a seed and an index (murmur3's finaliser), to seed one generator per item. */
export function mix(seed: number, index: number): number {
  let h = (Math.imul(seed | 0, 0x9e3779b1) ^ Math.imul(index | 0, 0x85ebca6b) ^ Math.floor(index / 0x1_0000_0000)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}
