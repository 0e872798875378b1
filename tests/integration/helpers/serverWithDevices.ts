import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Dialect } from '../../../src/server/data/schema';
import { startTestServer, type TestServer } from '../../helpers/testServer';
import { createDevice, type Device, type DeviceOptions } from './device';

/**
 * One real server for a test file (started before, closed after) and simulated devices that are
 * disposed after each test. Call at the top level of a file or a describe block.
 */
export function serverWithDevices(dialect: Dialect = 'sqlite') {
  let started: TestServer | undefined;
  const devices: Device[] = [];
  beforeAll(async () => {
    started = await startTestServer({ dialect });
  });
  afterAll(async () => {
    await started?.close();
  });
  afterEach(async () => {
    for (const d of devices.splice(0)) await d.dispose();
  });
  const env = {
    get server(): TestServer {
      if (!started) throw new Error('The test server starts in beforeAll; use it inside a test');
      return started;
    },
    device: async (username: string, options: DeviceOptions = {}): Promise<Device> => {
      const d = await createDevice(env.server, username, options);
      devices.push(d);
      return d;
    },
    /** After `device.reload()`: dispose the reloaded device, not the closed one. */
    replace: (old: Device, next: Device): void => {
      devices.splice(devices.indexOf(old), 1, next);
    },
  };
  return env;
}
