// Runs one DynamoDB Local for the Organizer process that started it, and ends it when that process is
// gone, even after a `kill -9` that gave it no chance to clean up: the IPC channel to the parent is a
// pipe, and the kernel closes it when the parent dies, whatever killed it. Plain JavaScript, so Node
// runs it without a loader. Usage: node dynamodb-local-watchdog.mjs <cwd> <command> [args…]
import { spawn } from 'node:child_process';
import { constants } from 'node:os';

const [cwd, command, ...args] = process.argv.slice(2);
const child = spawn(command, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });
let ending = false;

/** Asks DynamoDB Local to stop, then insists: a frozen (SIGSTOPped) Java ignores SIGTERM until continued. */
function end() {
  if (ending) return;
  ending = true;
  child.kill('SIGTERM');
  child.kill('SIGCONT');
  setTimeout(() => child.kill('SIGKILL'), 3000).unref();
}

child.once('spawn', () => process.send?.({ pid: child.pid }));
child.once('error', (error) => {
  console.error(`could not run ${command}: ${error.message}`);
  process.exit(127);
});
child.once('exit', (code, signal) => process.exit(code ?? 128 + (constants.signals[signal] ?? 0)));
process.once('disconnect', end);
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.once(signal, end);
