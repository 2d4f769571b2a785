import { TABLE_OPTIONS } from './directoryTables';

/**
 * Automation webhook deliveries (FEATURES S7, docs/webhooks.md): one row per payload part and target, with its body,
 * status and attempts; the Settings delivery log reads it newest first. Finished rows older than 30 days are purged
 * by the hourly tick.
 */
export const createWebhookDeliveries = `CREATE TABLE IF NOT EXISTS webhook_deliveries (
  id VARCHAR(64) NOT NULL,
  trig VARCHAR(32) NOT NULL,
  target_id VARCHAR(64) NOT NULL,
  target_url VARCHAR(512) NOT NULL,
  body MEDIUMTEXT NOT NULL,
  part INT NOT NULL,
  parts INT NOT NULL,
  is_test TINYINT NOT NULL,
  status VARCHAR(16) NOT NULL,
  attempts INT NOT NULL,
  http_status INT NULL,
  error VARCHAR(64) NULL,
  created_at DATETIME(3) NOT NULL,
  updated_at DATETIME(3) NOT NULL,
  next_attempt_at DATETIME(3) NULL,
  PRIMARY KEY (id),
  INDEX idx_webhook_created (created_at, id),
  INDEX idx_webhook_trigger (trig, created_at, id),
  INDEX idx_webhook_status (status, updated_at)
) ${TABLE_OPTIONS}`;
