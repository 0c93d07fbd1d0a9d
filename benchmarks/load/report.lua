-- wrk script: one line per run with requests/s, p50/p95/p99 latency (ms) and errors, for the scripts beside it.
-- The request's headers come from wrk -H; LABEL names the run.
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT\t%s\t%.1f\t%.1f\t%.1f\t%.1f\t%d\t%d\n",
    os.getenv("LABEL") or "run",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests, errors))
end
