# One image for every service; docker-compose picks the entry point per container.
# Node 22 is the LTS line the suite runs on in CI (see "engines" in package.json).
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# Compiled tests and benchmarks stay behind.
RUN npm run build && rm -rf dist/tests dist/bench dist/packages/*/test dist/subgraphs/*/test dist/gateway/test

FROM node:22-bookworm-slim AS production-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM node:22-bookworm-slim
ENV NODE_ENV=production
# Production's V8 flags (packages/shared/src/service/runtime-flags.ts says why; a test keeps the two equal).
ENV NODE_OPTIONS="--max-semi-space-size=64"
WORKDIR /app
# Owned by root, run as `node`: the service cannot rewrite its own code.
COPY --from=production-deps /app/node_modules ./node_modules
COPY --from=build /app/package.json ./
COPY --from=build /app/dist ./dist
COPY --from=build /app/schema ./schema
COPY --from=build /app/safelist/generated ./safelist/generated
# The privacy centre and console (static files the gateway serves at /privacy and /console).
COPY --from=build /app/web/dist ./web/dist
USER node
HEALTHCHECK --interval=10s --timeout=4s --start-period=30s --retries=6 CMD ["node", "dist/scripts/healthcheck.js"]
CMD ["node", "dist/gateway/src/main.js"]
