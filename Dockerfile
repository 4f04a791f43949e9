# Bumpers: production image. Build:  docker build -t bumpers .
# Run (needs PostgreSQL):  docker run -p 3000:3000 -e DATABASE_URL=… -e NEXTAUTH_SECRET=… bumpers
# or use docker-compose.yml, which brings its own PostgreSQL.

# ---- dependencies (dev ones included: the build needs them, and tsx runs the start script) ----
FROM node:20-bookworm-slim AS deps
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
# The project's postinstall generates the Prisma client, which needs the schema; it runs below.
RUN npm ci --ignore-scripts --no-fund --no-audit

# ---- build ----
FROM deps AS build
COPY . .
# public/ may be absent from a clone (git keeps no empty folders).
RUN mkdir -p public && npm run db:generate && npx next build

# ---- runtime ----
FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    BUMPERS_DEMO_SEED=false
COPY --from=build /app/package.json /app/package-lock.json /app/tsconfig.json /app/next.config.js ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/.next ./.next
COPY --from=build /app/public ./public
# Sources the start script runs with tsx (migrations, headless init, demo seed).
COPY --from=build /app/lib ./lib
COPY --from=build /app/prisma ./prisma
COPY --from=build /app/scripts ./scripts
# The `bumpers check` command line (docs/ci.md): docker run --rm -v "$PWD:/src" -w /src bumpers node /app/bin/bumpers.mjs check .
COPY --from=build /app/bin ./bin
# Unprivileged at runtime; .data/ holds the generated session secret when NEXTAUTH_SECRET is unset.
RUN mkdir -p .data && chown -R node:node .data .next
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# scripts/start.ts applies pending migrations, runs the headless BUMPERS_INIT_* setup, seeds the
# demo organization when BUMPERS_DEMO_SEED=true, then runs `next start`. It expects DATABASE_URL;
# without it, it would start an embedded PostgreSQL inside the container (fine to try, not for keeps).
CMD ["node_modules/.bin/tsx", "--conditions=react-server", "scripts/start.ts"]
