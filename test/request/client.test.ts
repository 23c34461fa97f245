/**
 * @jest-environment node
 */
// The wrapper against a real HTTP server on 127.0.0.1, through a wx shim that talks real sockets (the sources;
// test/consumer runs the same scenarios on the package as a consumer gets it).
import * as lib from '../../request';
import { useContext } from './scenarios/context';
import { featureScenarios } from './scenarios/features';
import { policyScenarios } from './scenarios/policy';
import { responseScenarios } from './scenarios/responses';
import { transportScenarios } from './scenarios/transport';

const ctx = useContext(() => lib);
responseScenarios(ctx);
policyScenarios(ctx);
transportScenarios(ctx);
featureScenarios(ctx);
