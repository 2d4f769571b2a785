import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { DomainError } from '../../domain/model/errors';
import { webhookTargetSchema } from '../../domain/model/webhooks';
import type { WebhookConfig, WebhookTargetStore } from '../../domain/ports/webhookTargets';
import { kvsCall } from './kvsErrors';
import { kvsKeys } from './kvsKeys';

const storedSchema = z.object({
  targets: z.array(webhookTargetSchema.extend({ createdAt: z.iso.datetime() })),
  appUrl: z.string().nullable(),
});
type Stored = z.infer<typeof storedSchema>;

const toConfig = (stored: Stored): WebhookConfig => ({
  targets: stored.targets.map((t) => ({ ...t, createdAt: new Date(t.createdAt) })),
  appUrl: stored.appUrl,
});

const read = async (): Promise<Stored> => {
  const raw = await kvsCall('get webhook targets', () => kvs.get<unknown>(kvsKeys.webhookTargets));
  if (raw === undefined) return { targets: [], appUrl: null };
  const parsed = storedSchema.safeParse(raw);
  if (!parsed.success) throw new DomainError('INTERNAL', 'Stored webhook targets cannot be read');
  return parsed.data;
};

const write = (stored: Stored): Promise<void> => kvsCall('set webhook targets', () => kvs.set(kvsKeys.webhookTargets, stored));

/**
 * The targets under one KVS key, each target's secret as a Forge secret of its own (`webhook-secret:<id>`). The
 * secret is written before the target that needs it and deleted after the target is gone, so a stored target
 * always has a secret. Only `webhookSecretReader` reads a secret back.
 */
export class KvsWebhookTargets implements WebhookTargetStore {
  async load(): Promise<WebhookConfig> {
    return toConfig(await read());
  }

  async add(target: Parameters<WebhookTargetStore['add']>[0], secret: string, appUrl: string | null): Promise<void> {
    await kvsCall('set webhook secret', () => kvs.setSecret(kvsKeys.webhookSecret(target.id), secret));
    const stored = await read();
    const row = { ...target, createdAt: target.createdAt.toISOString() };
    await write({ targets: [...stored.targets.filter((t) => t.id !== target.id), row], appUrl: appUrl ?? stored.appUrl });
  }

  async remove(targetId: string): Promise<void> {
    const stored = await read();
    await write({ ...stored, targets: stored.targets.filter((t) => t.id !== targetId) });
    await kvsCall('delete webhook secret', () => kvs.deleteSecret(kvsKeys.webhookSecret(targetId)));
  }
}

/** A target's secret, for the sender only; null when it is gone. */
export const webhookSecretReader = async (targetId: string): Promise<string | null> => {
  const secret = await kvsCall('get webhook secret', () => kvs.getSecret<unknown>(kvsKeys.webhookSecret(targetId)));
  return typeof secret === 'string' && secret !== '' ? secret : null;
};
