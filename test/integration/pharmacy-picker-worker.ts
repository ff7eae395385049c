/**
 * One kiosk process picking prescriptions, for pharmacy-picker-processes.test.ts:
 * opens the shared database, says "ready", waits for "go" on stdin so both
 * processes contend at once, picks N times and prints the picks as JSON.
 */
import { openDatabase } from '../../electron/services/storage/database';
import { createPrescriptionPicker } from '../../electron/services/pharmacy/prescription-picker';

const [dataDir, count, n] = process.argv.slice(2);
const db = openDatabase({ dataDir });
const prescriptions = Array.from({ length: Number(n) }, (_, i) => ({ id: `loneliness-${i + 1}` }));
const content = { symptoms: [{ id: 'loneliness', prescriptions }] } as unknown as Parameters<typeof createPrescriptionPicker>[0]['content'];
const picker = createPrescriptionPicker({ db, kioskId: 'gangnam-1', content });

process.stdout.write('ready\n');
process.stdin.once('data', () => {
  const picks = Array.from({ length: Number(count) }, () => picker.pick('loneliness'));
  db.close();
  process.stdout.write(JSON.stringify(picks) + '\n');
  process.exit(0);
});
