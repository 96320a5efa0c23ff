// @status-banner/react server-rendered by React 18 (installed in test/react18): this process resolves `react`
// and `react-dom` there first. (react-dom 18, being there, requires that same React.)

import { register } from 'node:module';
import { describeReactSsr } from '../../../../test/helpers/react-ssr.mjs';

const react18 = new URL('../../../../test/react18/package.json', import.meta.url).href;
const hook = `export async function resolve(specifier, context, next) {
  return next(specifier, /^react(-dom)?(\\/|$)/.test(specifier) ? { ...context, parentURL: ${JSON.stringify(react18)} } : context);
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);

const { version } = await import('react');
if (!version.startsWith('18.')) throw new Error(`expected React 18 here, got ${version}`);
describeReactSsr();
