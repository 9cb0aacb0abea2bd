import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithBackend } from '../../../../tests/unit/render-with-backend';
import { DatabaseDamageNotice } from './database-damage-notice';

describe('the notice of damage found by the background database check', () => {
  it('says what was found and what to do, in Dutch and English', () => {
    const check = { state: 'damaged', damage: 'Tree 12 page 40: btreeInitPage() returns error code 11' } as const;
    const { unmount } = renderWithBackend(<DatabaseDamageNotice check={check} />, {}, 'nl');
    expect(screen.getByRole('alert')).toHaveTextContent(
      /controle van het databasebestand vond schade \(Tree 12 page 40: .*\)\. Sluit Klankbord en start het opnieuw/,
    );
    unmount();
    renderWithBackend(<DatabaseDamageNotice check={check} />, {}, 'en');
    expect(screen.getByRole('alert')).toHaveTextContent(/found damage \(Tree 12 page 40: .*\)\. Close Klankbord/);
  });

  it('shows nothing while the check runs, once it passed, or when it ran before opening', () => {
    for (const state of ['running', 'passed', 'before-open', 'failed'] as const) {
      const { unmount } = renderWithBackend(<DatabaseDamageNotice check={{ state, damage: null }} />, {}, 'en');
      expect(screen.queryByRole('alert')).not.toBeInTheDocument();
      unmount();
    }
  });
});
