/**
 * @jest-environment node
 */
// Issue 11's faults against the sources (test/consumer runs the same scenarios on the built package).
import { bugScenarios } from './scenarios/bugs';
import { loadLib, useContext } from './scenarios/context';

bugScenarios(
  useContext(() =>
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loadLib((m) => require(`../../request/${m}`)),
  ),
);
