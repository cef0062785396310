/** Logs how long choosing key developments took in the build (the remark plugin keeps the count). */
import type { AstroIntegration } from 'astro';

export default function keyDevelopmentsReport(): AstroIntegration {
  return {
    name: 'tickerpress-key-developments',
    hooks: {
      'astro:build:done': ({ logger }) => {
        const timing = globalThis.__tickerpressKeyDevelopments;
        if (!timing || timing.briefings === 0) return;
        const perBriefing = timing.milliseconds / timing.briefings;
        logger.info(
          `${timing.briefings} briefings in ${(timing.milliseconds / 1000).toFixed(1)} s (${perBriefing.toFixed(2)} ms each)`,
        );
        globalThis.__tickerpressKeyDevelopments = undefined;
      },
    },
  };
}
