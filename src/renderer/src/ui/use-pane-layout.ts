import { useDefaultLayout } from 'react-resizable-panels';

/**
 * A pane group's sizes, remembered in this computer's local storage per reviewer (two reviewers sharing a computer
 * each keep their own), restored when the review screen opens again.
 */
export function usePaneLayout(group: 'columns' | 'rows', reviewerId: string) {
  return useDefaultLayout({
    id: `klankbord.panes.${group}.${reviewerId}`,
    storage: localStorage,
    onlySaveAfterUserInteractions: true,
  });
}
