/**
 * A worker thread that indexes search bundles: receives a `BundleJob` and writes the bundle. Each worker
 * imports Pagefind anew, and so runs a Pagefind of its own: Pagefind's service handles one request at a
 * time, so bundles indexed side by side need one each. It is closed after every bundle, so that no
 * Pagefind outlives its thread.
 */
import * as pagefind from 'pagefind';
import { serveJobs } from '../worker-pool.ts';
import { indexBundle, type BundleJob } from './pagefind-index.ts';

serveJobs(async (job: BundleJob) => {
  try {
    await indexBundle(job);
  } finally {
    await pagefind.close();
  }
});
