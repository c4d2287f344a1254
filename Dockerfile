# Samplan's image, in two stages. The builder is the same set-up as a
# developer's machine (Debian bookworm, scripts/setup.mjs: npm packages, the
# mediasoup worker built from Debian's libraries, the Prisma client, the client
# bundle, the compiled server in server/dist); the final image holds only what
# the server runs: no compilers, no -dev packages, no npm development tools, no
# TypeScript sources.

FROM node:20-bookworm AS build
WORKDIR /app
COPY . .
RUN node scripts/setup.mjs --for start \
 # setup.mjs links the worker from its cache in the home directory; the final image takes the file itself.
 && worker=node_modules/mediasoup/worker/out/Release/mediasoup-worker \
 && cp --remove-destination "$(readlink -f "$worker")" "$worker" \
 && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
# What the mediasoup worker links at run time: WORKER_RUNTIME_PACKAGES in scripts/setup.mjs.
RUN apt-get update \
 && apt-get install -y --no-install-recommends libssl3 libuv1 libsrtp2-1 libusrsctp2 \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin samplan
WORKDIR /app
COPY --from=build /app/package.json /app/tsconfig.base.json ./
COPY --from=build /app/node_modules ./node_modules
# setup.mjs --for start compiled server/src and shared/src (with the Prisma client it generated) into
# server/dist/main.mjs (scripts/build-server.mjs); the npm packages it loads are in node_modules.
COPY --from=build /app/server/package.json ./server/
COPY --from=build /app/server/dist ./server/dist
COPY --from=build /app/prisma ./prisma
COPY --from=build /app/client/package.json ./client/
COPY --from=build /app/client/dist ./client/dist
# Only the embedded database (DATABASE_URL=pglite:./data/db) writes here; production uses PostgreSQL.
RUN mkdir -p /app/data && chown samplan /app/data
USER samplan
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
EXPOSE 3000
# Node runs as PID 1 and gets SIGTERM itself (npm in between would not pass it on), so a stop drains the calls.
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/api/health/live`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--enable-source-maps", "server/dist/main.mjs"]
