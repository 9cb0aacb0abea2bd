import { describe, expect, it } from 'vitest';
import { createFakeTransport } from '../transport/fake-transport';
import { createErrorReporter, reportWindowErrors } from './report-errors';

describe('renderer error reports', () => {
  it('sends window errors and unhandled rejections with the page address but never its query', () => {
    const transport = createFakeTransport({ 'app.reportError': () => ({ logged: true }) });
    const target = new EventTarget() as unknown as Window;
    reportWindowErrors(
      target,
      createErrorReporter(transport, () => 'http://127.0.0.1:4000/?secret=abc#x'),
    );
    const error = new TypeError('x is undefined');
    target.dispatchEvent(Object.assign(new Event('error'), { error, message: 'x is undefined' }));
    target.dispatchEvent(Object.assign(new Event('unhandledrejection'), { reason: 'plain text reason' }));
    expect(transport.calls).toEqual([
      {
        method: 'app.reportError',
        input: {
          kind: 'error',
          message: 'TypeError: x is undefined',
          stack: error.stack,
          page: 'http://127.0.0.1:4000/',
        },
      },
      {
        method: 'app.reportError',
        input: { kind: 'unhandledrejection', message: 'plain text reason', page: 'http://127.0.0.1:4000/' },
      },
    ]);
  });

  it('stops after 50 reports, so an error loop cannot fill the log', () => {
    const transport = createFakeTransport({ 'app.reportError': () => ({ logged: true }) });
    const reporter = createErrorReporter(transport, () => 'app://klankbord/');
    for (let n = 0; n < 80; n += 1) reporter.report('error', new Error(`loop ${n}`));
    expect(transport.calls).toHaveLength(50);
  });
});
