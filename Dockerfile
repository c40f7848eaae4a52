# syntax=docker/dockerfile:1
# Build: a static binary (no cgo) with the default knowledge embedded.
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags='-s -w' -o /out/faqbot ./cmd/faqbot && mkdir -p /out/data

# Run: no shell, no package manager, a non-root user. Configure through the environment
# (FAQBOT_HTTP_ADDR, FAQBOT_STORE, FAQBOT_KNOWLEDGE, FAQBOT_ADMIN_TOKEN...; see .env.example).
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/faqbot /usr/local/bin/faqbot
# The SQLite store lives on a volume, owned by the non-root user, so that events and feedback outlive the
# container (docker run -v faqbot-data:/data ...).
COPY --from=build --chown=65532:65532 /out/data /data
VOLUME /data
USER nonroot:nonroot
WORKDIR /home/nonroot
ENV FAQBOT_HTTP_ADDR=:8080 FAQBOT_STORE=/data/faqbot.db FAQBOT_LOG_FORMAT=json
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 CMD ["/usr/local/bin/faqbot", "healthcheck"]
ENTRYPOINT ["/usr/local/bin/faqbot"]
CMD ["serve"]
