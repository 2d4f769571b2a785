/** Jest globalTeardown: stops the MariaDB server started by globalSetup and removes its directory. */
import type { MariaDbServer } from '../../dev/forge-runtime/sql/mariadbServer';
import { SERVER_KEY } from './globalSetup';

export default async function globalTeardown(): Promise<void> {
  const holder = globalThis as Record<string, unknown>;
  const server = holder[SERVER_KEY] as MariaDbServer | undefined;
  if (server !== undefined) {
    await server.stop();
    Reflect.deleteProperty(holder, SERVER_KEY);
  }
}
