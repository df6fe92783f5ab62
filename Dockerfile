# One image for the API (+ web app) and the grader workers; compose picks the command.
FROM node:20-bookworm-slim AS build
# isolated-vm compiles from source (node-gyp).
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY . .
RUN npm ci && npm run build

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
COPY --from=build /app /app
EXPOSE 3000
# node itself is PID 1 (not npm, whose shell does not pass SIGTERM on): `docker stop` reaches
# the platform's orderly shutdown. Same command as `npm start`; compose overrides it for graders.
STOPSIGNAL SIGTERM
CMD ["node", "--no-node-snapshot", "--import", "tsx", "scripts/start.ts"]
