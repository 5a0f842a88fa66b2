import { loadConfig, databaseConfig } from '@reform/config';
import { DomainError } from '@reform/decider';
import { z } from 'zod';
import { bootstrapAdministrator } from './bootstrap-admin';

/**
 * npm run directory:bootstrap-admin -- (env: DATABASE_URL, ADMIN_USERNAME, ADMIN_PASSWORD,
 * ADMIN_PROVINCE, ADMIN_DISPLAY_NAME). Run once, after the unit list is imported.
 */
async function main(): Promise<void> {
  const config = loadConfig({
    ...databaseConfig,
    ADMIN_USERNAME: z.string().min(3),
    ADMIN_PASSWORD: z.string().min(12, 'at least 12 characters'),
    ADMIN_PROVINCE: z.string().regex(/^\d{2}$/, 'a province code such as 49'),
    ADMIN_DISPLAY_NAME: z.string().default('Sở Nội vụ'),
  });
  const id = await bootstrapAdministrator({
    databaseUrl: config.DATABASE_URL,
    username: config.ADMIN_USERNAME,
    password: config.ADMIN_PASSWORD,
    displayName: config.ADMIN_DISPLAY_NAME,
    provinceCode: config.ADMIN_PROVINCE,
  });
  console.log(`Platform administrator ${config.ADMIN_USERNAME} created (${id}) at province ${config.ADMIN_PROVINCE}.`);
}

main().catch((error) => {
  console.error(error instanceof DomainError ? `${error.message} (${error.code})` : error instanceof Error ? error.message : error);
  process.exit(1);
});
