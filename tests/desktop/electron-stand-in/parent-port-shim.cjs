// Runs first in a stand-in utility process (a Node child_process.fork): gives it Electron's `process.parentPort` on
// top of Node's IPC channel, then loads the real entry. As in Electron, messages wait until a 'message' listener is
// there, each arrives as { data, ports }, and the process ends with its parent.
const { EventEmitter } = require('node:events');

const port = new EventEmitter();
const waiting = [];
const deliver = (data) => port.emit('message', { data, ports: [] });
process.on('message', (data) => {
  if (port.listenerCount('message') > 0 && waiting.length === 0) deliver(data);
  else waiting.push(data);
});
port.on('newListener', (event) => {
  if (event !== 'message') return;
  // After the listener is added: emit from the next tick, in order.
  setImmediate(() => {
    while (waiting.length > 0 && port.listenerCount('message') > 0) deliver(waiting.shift());
  });
});
port.postMessage = (message) => process.send(message);
process.on('disconnect', () => process.exit(0));
Object.defineProperty(process, 'parentPort', { value: port });

const [entry, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], entry, ...args];
require(entry);
