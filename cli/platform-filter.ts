// --platform KEY: keep one platform's entries (its short key from core/platforms.ts, or its full name).
import { PLATFORMS } from '../miniprogram/core/platforms';
import type { Entry } from '../miniprogram/core/types';
import { UsageError } from './io';
import { didYouMean } from './suggest';

/** The entries of the platform named by --platform, or all of them when the option is absent. */
export function platformFilter(value: string | undefined): (entry: Entry) => boolean {
  if (value === undefined) return () => true;
  const wanted = value.trim();
  const info = PLATFORMS.find((p) => p.key === wanted.toLowerCase() || p.name === wanted);
  if (!info) {
    const keys = PLATFORMS.map((p) => p.key);
    throw new UsageError(
      `unknown platform ${wanted}${didYouMean(wanted, keys)}; platforms: ${keys.join(', ')}`,
    );
  }
  return (entry) => entry.platform === info.name;
}
