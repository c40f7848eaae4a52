# syntax=docker/dockerfile:1
# Build: a static binary with the default knowledge embedded.
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags='-s -w' -o /out/faqbot ./cmd/faqbot

# Run: no shell, no package manager, a non-root user.
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/faqbot /usr/local/bin/faqbot
USER nonroot:nonroot
ENTRYPOINT ["/usr/local/bin/faqbot"]
CMD ["chat"]
