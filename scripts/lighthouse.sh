#!/usr/bin/env bash
# Lighthouse scores of the sample, by hand (not part of the tests): builds the sample, serves it with nginx using the
# build's own _server/nginx.conf (so with its compression and headers), and runs Lighthouse 12.2.3 (npx, mobile
# preset, simulated throttling) on Debian's chromium, RUNS times per page. Needs nginx (Debian: nginx-light), chromium,
# node/npm. Usage: scripts/lighthouse.sh [RUNS=3] [PORT=8425]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}; PORT=${2:-8425}
WORK=$(mktemp -d); chmod 755 "$WORK"; trap 'nginx -c "$WORK/nginx.conf" -s stop 2>/dev/null || true; rm -rf "$WORK"' EXIT
dotnet run --project src/CchcPortal.Cli -v q -- build --output "$WORK/out" >/dev/null
# base_url's folder ("/cchc/") is where the pages are served, as on the commune's server.
PREFIX=$(sed -n 's/^error_page 404 \(.*\)404\.html;$/\1/p' "$WORK/out/_server/nginx.conf")
mkdir -p "$WORK/www$(dirname "${PREFIX%/}")" "$WORK/tmp"; ln -s "$WORK/out" "$WORK/www${PREFIX%/}"
cat > "$WORK/nginx.conf" <<CONF
worker_processes 1; pid $WORK/nginx.pid; error_log $WORK/error.log; daemon on;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types; default_type application/octet-stream; access_log off;
  client_body_temp_path $WORK/tmp; proxy_temp_path $WORK/tmp; fastcgi_temp_path $WORK/tmp; uwsgi_temp_path $WORK/tmp; scgi_temp_path $WORK/tmp;
  server { listen 127.0.0.1:$PORT; root $WORK/www; include $WORK/out/_server/nginx.conf; }
}
CONF
nginx -c "$WORK/nginx.conf"
for run in $(seq "$RUNS"); do
  for page in home: task:ke-hoach/2025/nhiem-vu/07/ monitoring:theo-doi/ search:search/; do
    name=${page%%:*}; path=${page#*:}
    CHROME_PATH=/usr/bin/chromium npx --yes lighthouse@12.2.3 "http://127.0.0.1:$PORT$PREFIX$path" --quiet \
      --chrome-flags="--headless=new --no-sandbox --disable-gpu" --output=json --output-path="$WORK/$name.json" 2>&1 | grep -v "^$" || true
    node -e '
      const r = require(process.argv[1]);
      console.log(process.argv[2].padEnd(11), Object.values(r.categories).map(c => `${c.id} ${Math.round(c.score * 100)}`).join(", "),
        `| TBT ${r.audits["total-blocking-time"].displayValue}, LCP ${r.audits["largest-contentful-paint"].displayValue}, ${Math.round(r.audits["total-byte-weight"].numericValue / 1024 * 10) / 10} KB transferred`);
    ' "$WORK/$name.json" "$name (run $run)"
  done
done
