import { render, type RenderResult } from '@testing-library/react';
import { createElement, type ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createI18n, type Language } from '../../src/renderer/src/i18n/i18n';
import { createFakeTransport, type FakeTransport } from '../../src/renderer/src/transport/fake-transport';
import { TransportProvider } from '../../src/renderer/src/transport/transport-context';

export type FakeHandlers = Parameters<typeof createFakeTransport>[0];

/** Renders a screen as the app does (transport and translations around it), backed by canned handlers. */
export function renderWithBackend(
  screen: ReactElement,
  handlers: FakeHandlers,
  language: Language = 'en',
): RenderResult & { transport: FakeTransport } {
  const transport = createFakeTransport(handlers);
  const i18n = createI18n(language);
  const result = render(
    createElement(TransportProvider, {
      transport,
      children: createElement(I18nextProvider, { i18n, children: screen }),
    }),
  );
  return { ...result, transport };
}

/** The inputs the fake transport received for one method, in order. */
export function inputsOf(transport: FakeTransport, method: string): unknown[] {
  return transport.calls.filter((call) => call.method === method).map((call) => call.input);
}
