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
CMD ["npm", "start"]
