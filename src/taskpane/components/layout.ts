/** Shared layout styles of the pane's screens (one narrow column, 320-450 px). */
import { makeStyles, tokens } from '@fluentui/react-components';

export const useScreenStyles = makeStyles({
  screen: { display: 'flex', flexDirection: 'column', rowGap: '14px' },
  section: { display: 'flex', flexDirection: 'column', rowGap: '8px' },
  card: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: '6px',
    padding: '10px 12px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase400 },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: '8px', alignItems: 'center' },
  primaryRow: { display: 'flex', flexDirection: 'column', rowGap: '8px', alignItems: 'stretch' },
  list: { margin: 0, paddingLeft: '18px', display: 'flex', flexDirection: 'column', rowGap: '4px' },
});
