import { App } from 'aws-cdk-lib';
import { OrganizerStack } from '../lib/stacks/organizer-stack.ts';

const app = new App();
const secretsPrefix: unknown = app.node.tryGetContext('secretsPrefix');
// No `env`: the template stays environment-agnostic, so synth needs no AWS account or lookups.
new OrganizerStack(app, 'OrganizerStack', typeof secretsPrefix === 'string' ? { secretsPrefix } : {});
