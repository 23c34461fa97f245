/**
 * @jest-environment node
 */
// The wrapper against a real HTTP server on 127.0.0.1, through a wx shim that talks real sockets (the sources;
// test/consumer runs the same scenarios on the package as a consumer gets it).
import { loadLib, useContext } from './scenarios/context';
import { featureScenarios } from './scenarios/features';
import { policyScenarios } from './scenarios/policy';
import { responseScenarios } from './scenarios/responses';
import { transportScenarios } from './scenarios/transport';

const ctx = useContext(() =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loadLib((m) => require(`../../request/${m}`)),
);
responseScenarios(ctx);
policyScenarios(ctx);
transportScenarios(ctx);
featureScenarios(ctx);
