// One catalog entry as a WeUI-style cell: code (matched part highlighted), platform tag, action, one line of
// text. Receives a CellView (see core/view/cells.ts), never an entry. The page handles taps on the host.
import type { CellView } from '../../core/view/cells';

Component({
  options: { styleIsolation: 'apply-shared' },
  properties: {
    /** The cell's view-model. */
    cell: { type: Object, value: {} as CellView },
    /** Hide the action badge (e.g. in the detail page's own lists). */
    plain: { type: Boolean, value: false },
    /** Let the text take two lines (search hits: the excerpt and its highlight then always show in full). */
    wrap: { type: Boolean, value: false },
  },
});
