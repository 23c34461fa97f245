/**
 * @jest-environment node
 */
// Issue 11's faults against the sources (test/consumer runs the same scenarios on the built package).
import * as lib from '../../request';
import { bugScenarios } from './scenarios/bugs';
import { useContext } from './scenarios/context';

bugScenarios(useContext(() => lib));
