# One image for the API (+ web app) and the grader workers; compose picks the command.
# Node 24 LTS: isolated-vm 7 ships a prebuilt binary for it, so no compiler is needed.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY . .
RUN npm ci && npm run build

FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
COPY --from=build /app /app
EXPOSE 3000
# node itself is PID 1 (not npm, whose shell does not pass SIGTERM on): `docker stop` reaches
# the platform's orderly shutdown. Same command as `npm start`; compose overrides it for graders.
STOPSIGNAL SIGTERM
CMD ["node", "--no-node-snapshot", "--import", "tsx", "scripts/start.ts"]
