/**
 * Run in a child process by the persistence test: pays a notice while the EC's station is down (so
 * the receipt stays queued), then kills itself without closing anything, like a power cut.
 * argv: <dataDir> <noticeNumber>
 */
import { MockNodo } from '../../../../src-main/nodo/mockNodo';
import { ManualClock } from '../../../../src-main/platform/clock';
import { FakeEcStation } from './fakeEcStation';
import { EC, PSP_CHANNEL, PSP_ID, START } from './harness';

async function main(): Promise<void> {
  const [dir, noticeNumber] = process.argv.slice(2) as [string, string];
  const nodo = new MockNodo({ dataDir: dir, clock: new ManualClock(START), seed: 42 });
  const ec = new FakeEcStation(EC);
  ec.addPosition(noticeNumber, 2_500);
  const disconnect = nodo.connectStation(`${EC}_01`, ec);
  const qrCode = { fiscalCode: EC, noticeNumber };
  const act = await nodo.activatePaymentNoticeV2({ idPSP: PSP_ID, idChannel: PSP_CHANNEL, qrCode, amount: 2_500, paymentMethod: 'conto', touchPoint: 'CHECKOUT' });
  if (act.outcome !== 'OK') throw new Error(JSON.stringify(act));
  disconnect();
  const paid = await nodo.payWithPsp({ idPSP: PSP_ID, paymentToken: act.paymentToken });
  if (paid.outcome !== 'OK') throw new Error(JSON.stringify(paid));
  process.stdout.write(`${act.paymentToken}\n`, () => process.kill(process.pid, 'SIGKILL'));
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
