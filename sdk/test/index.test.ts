import { describe, expect, test } from 'vitest';
import * as sdk from '../src/index.js';

describe('@sightline/sdk', () => {
  test('exports the contract functions (init, track, identify, optOut, optIn, flush)', () => {
    for (const name of ['init', 'track', 'identify', 'optOut', 'optIn', 'flush', 'shutdown', 'capturePageviews']) {
      expect(typeof (sdk as Record<string, unknown>)[name], name).toBe('function');
    }
  });

  test('has no default export', () => {
    expect(sdk).not.toHaveProperty('default');
  });
});
