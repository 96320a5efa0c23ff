// @status-banner/react server-rendered by the React 19 the workspace installs (react18-in-node runs the same suite
// against React 18).

import { describeReactSsr } from '../../../../test/helpers/react-ssr.mjs';

describeReactSsr();
