// Run as a separate process by the db tests (see spawnDatabaseChild):
//   node --import tsx tests/support/database-child.ts <database-url> open|crash
// open:  opens the database, prints {"status":"open"}, closes it, exits 0;
// crash: opens it, writes a row, prints {"status":"open"}, and dies by SIGKILL
//        (no close, no lock release: what a power cut or OOM kill leaves);
// if opening fails it prints {"status":"refused","code":…,"message":…} and exits 1.
import { openDatabase } from '@samplan/server/store/database.ts';
import { SamplanError } from '@samplan/shared';

const [url, mode] = process.argv.slice(2);
if (!url || (mode !== 'open' && mode !== 'crash')) throw new Error('usage: database-child.ts <url> open|crash');

try {
  const db = await openDatabase(url);
  if (mode === 'crash') {
    await db.prisma.organisation.create({ data: { sector: 'general_practice', name: `written by ${process.pid}` } });
    console.log(JSON.stringify({ status: 'open' }));
    process.kill(process.pid, 'SIGKILL');
  }
  console.log(JSON.stringify({ status: 'open' }));
  await db.close();
} catch (error) {
  const code = error instanceof SamplanError ? error.code : 'UNKNOWN';
  console.log(JSON.stringify({ status: 'refused', code, message: error instanceof Error ? error.message : String(error) }));
  process.exitCode = 1;
}
