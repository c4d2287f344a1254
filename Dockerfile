# The same set-up as on a developer's machine: Debian bookworm, the mediasoup
# worker built from Debian's libraries by scripts/setup.mjs.
FROM node:20-bookworm
WORKDIR /app
COPY . .
RUN node scripts/setup.mjs --for start && rm -rf /root/.cache/samplan/mediasoup-build
ENV NODE_ENV=production
EXPOSE 3000
CMD ["npm", "run", "start", "--workspace", "@samplan/server"]
