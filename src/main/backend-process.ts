// Entry of the backend's own process: Electron's utility process, forked by the main process (backend-relay.ts).
// electron-vite builds it next to the main bundle (out/main/backend-process.js); inside the asar in a packaged app.
import { serveBackend } from './backend-service';

// A utility process may end once its script has run and nothing else holds its event loop (electron/electron#42978
// saw it only in packaged apps), and a listener on the parent port does not always count. Until the main process
// sends 'close' (which ends the process), this timer keeps it running.
setInterval(() => undefined, 2 ** 30);
serveBackend(process.parentPort);
