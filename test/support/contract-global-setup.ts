/** jest globalSetup: see contract-summary.ts. */
import { globalSetup } from './contract-summary';

export default globalSetup;
