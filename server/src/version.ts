/**
 * The product version, from package.json. esbuild compiles the one property into the bundles,
 * so they never read package.json at run time (and the browser's could not).
 */
import { version } from '../../package.json';

export const VERSION: string = version;
