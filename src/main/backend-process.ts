// Entry of the backend's own process: Electron's utility process, forked by the main process (backend-relay.ts).
// electron-vite builds it next to the main bundle (out/main/backend-process.js); inside the asar in a packaged app.
import { serveBackend } from './backend-service';

serveBackend(process.parentPort);
