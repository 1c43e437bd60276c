import { formatEuro } from '../../../../src-shared/domain/amount';
import { POSITION_STATUSES, positionStatusLabels } from '../../../../src-shared/domain/positionStatus';
import { stationUrl } from '../../../nodo/onboarding';
import { collectStatus } from '../../../simulation';
import { readOptions, unknownOption } from '../args';
import { defineCommand } from '../command';
import { formatCount } from '../output';

export interface StatusCommandOptions {
  json: boolean;
}

export function parseStatusArgs(args: readonly string[]): StatusCommandOptions {
  let json = false;
  for (const o of readOptions(args)) {
    if (o.flag === '--json') json = true;
    else throw unknownOption('status', o.flag);
  }
  return { json };
}

export const statusCommand = defineCommand<StatusCommandOptions>({
  name: 'status',
  summary: 'riepiloga posizioni per stato, ricevute e registrazione sul Nodo',
  usage: ['sportello status [--json]', '', '  --json   il riepilogo in JSON, per gli script'],
  parse: parseStatusArgs,
  async run(ctx, o) {
    const report = await collectStatus(await ctx.core());
    if (o.json) {
      ctx.out.line(JSON.stringify(report, null, 2));
      return;
    }
    const { ec, positions, receipts, nodo } = report;
    ctx.out.line(`Dati in ${report.dataDir}`);
    if (!ec) {
      ctx.out.line('Ente: non ancora configurato (completa la configurazione iniziale, oppure usa --demo).');
      return;
    }
    ctx.out.line(`Ente: ${ec.name} – codice fiscale ${ec.fiscalCode}, codice di segregazione ${ec.segregationCode}, ambiente ${ec.environment}`);
    ctx.out.line('');
    ctx.out.line(`Posizioni debitorie: ${formatCount(positions.total)}`);
    for (const s of POSITION_STATUSES) ctx.out.line(`  ${positionStatusLabels[s].padEnd(22)} ${formatCount(positions.byStatus[s]).padStart(12)}`);
    ctx.out.line('');
    ctx.out.line(
      `Ricevute: ${formatCount(receipts.total)} – incassato ${formatEuro(receipts.amount)}, commissioni ${formatEuro(receipts.fees)}, ` +
        `da verificare (anomalie) ${formatCount(receipts.anomalies)}`,
    );
    ctx.out.line('');
    const reg = nodo.registration;
    if (!reg) {
      ctx.out.line('Nodo dei Pagamenti: Ente non registrato («sportello simulate» lo registra).');
      return;
    }
    const connection = reg.connection === 'direct' ? 'collegamento diretto' : `tramite il partner ${reg.connection.partnerFiscalCode}`;
    ctx.out.line(`Nodo dei Pagamenti: Ente registrato (${connection}, ambiente ${reg.environment}); IBAN censiti: ${reg.onboarding.ibans}; chiave API di connessione: ${reg.onboarding.nodoApiKey ? 'sì' : 'no'}`);
    if (nodo.stations.length === 0) ctx.out.line('Stazioni: nessuna');
    for (const st of nodo.stations) {
      const links = st.ecs.map((l) => `segregazione ${l.segregationCode}`).join(', ');
      ctx.out.line(`  ${st.code}  ${st.state}${st.enabled ? '' : ' (disabilitata)'}  ${stationUrl(st.connection)}  primitive v${st.primitiveVersion}  ${links}`);
      if (st.stateReason) ctx.out.line(`    ${st.stateReason}`);
    }
  },
});
