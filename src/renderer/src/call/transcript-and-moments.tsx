import { useTranslation } from 'react-i18next';
import { Group, Panel, Separator } from 'react-resizable-panels';
import { usePaneLayout } from '../ui/use-pane-layout';

/** The transcript above the moments pane, split by a handle the reviewer drags; the split is remembered. */
export function TranscriptAndMoments({
  transcriptPane,
  momentsPane,
  reviewerId,
}: {
  transcriptPane: React.ReactNode;
  momentsPane: React.ReactNode;
  reviewerId: string;
}) {
  const { t } = useTranslation();
  const layout = usePaneLayout('rows', reviewerId);
  return (
    <Group
      orientation="vertical"
      className="pane-rows"
      defaultLayout={layout.defaultLayout}
      onLayoutChanged={layout.onLayoutChanged}
    >
      <Panel id="transcript" className="pane" defaultSize="58%" minSize="140px">
        {transcriptPane}
      </Panel>
      <Separator className="pane-separator pane-separator-rows" aria-label={t('workspace.resizeRows')} />
      <Panel id="moments" className="pane" defaultSize="42%" minSize="170px">
        {momentsPane}
      </Panel>
    </Group>
  );
}
