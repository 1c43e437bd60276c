import bwipjs from 'bwip-js/node';
import QRCode from 'qrcode';
import type { ModuleMatrix } from './pdfWriter';

/** QR code version and error correction fixed by pagoPA's notice guideline (3.4). */
export const QR_VERSION = 4;
export const QR_MODULES = 33;

/** The QR code of a notice: ISO/IEC 18004, version 4 (33x33), error correction M. */
export function qrMatrix(payload: string): ModuleMatrix {
  // one byte-mode segment (the payload has '|', so byte mode it is): skips qrcode's segment optimiser
  const qr = QRCode.create([{ data: Buffer.from(payload, 'latin1'), mode: 'byte' }], { version: QR_VERSION, errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const data = qr.modules.data;
  return { rows: size, cols: size, dark: (r, c) => data[r * size + c] === 1 };
}

/**
 * The Data Matrix (ECC 200) of a postal bollettino. bwip-js returns the symbol as a bit array; the
 * quiet zone is left to the layout.
 */
export function dataMatrix(payload: string): ModuleMatrix {
  const raw = bwipjs.raw({ bcid: 'datamatrix', text: payload }) as Array<{ pixs: number[]; pixx: number; pixy: number }>;
  const symbol = raw[0];
  if (!symbol) throw new Error('Data Matrix non generato.');
  const { pixs, pixx, pixy } = symbol;
  return { rows: pixy, cols: pixx, dark: (r, c) => pixs[r * pixx + c] === 1 };
}
