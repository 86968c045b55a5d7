-- Prints one machine-readable line after a wrk run: requests/s, p50/p95/p99 in ms, non-2xx/3xx count, requests.
done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT %.1f %.1f %.1f %.1f %d %d\n",
    summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout,
    summary.requests))
end
