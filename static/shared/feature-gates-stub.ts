/**
 * Stand-in for `@atlaskit/feature-gate-js-client/feature-gates`, swapped in by
 * scripts/build-ui.ts. Atlaskit components ask it whether platform feature
 * gates are on; inside a Forge Custom UI iframe no Statsig client is ever
 * initialised, so the real client answers "off" to every question anyway.
 * The stub gives the same answers without shipping ~50 KB (gzip) of Statsig.
 */
const FeatureGates = {
  initializeCompleted: (): boolean => false,
  checkGate: (_gate: string): boolean => false,
  getExperimentValue: <T>(_experiment: string, _parameter: string, defaultValue: T): T => defaultValue,
  getExperiment: (): undefined => undefined,
  hasCheckGateErrorOccurred: (): boolean => false,
  hasGetExperimentValueErrorOccurred: (): boolean => false,
  getDefaultPerimeter: (): string => 'commercial',
};

export default FeatureGates;
