// The preload's bridge as the page sees it (the renderer declares the same in its transport picker).
import type { RawBridge } from '../../src/contract/transport';

declare global {
  interface Window {
    klankbord?: RawBridge;
  }
}

export {};
