# syntax=docker/dockerfile:1

# ---- builder -----------------------------------------------------------------
# The toolchain of rust-toolchain.toml (the locked dependencies need 1.95).
FROM rust:1.95-bookworm AS builder

# diesel's postgres backend links against libpq. SQLite is bundled
# (libsqlite3-sys "bundled") and SMTP TLS uses rustls, so nothing else is needed.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpq-dev \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /build

# Build the dependency graph against placeholder sources first, so that editing
# the code does not invalidate the (slow) dependency layer.
COPY Cargo.toml Cargo.lock ./
RUN mkdir src \
    && echo 'fn main() {}' > src/main.rs \
    && touch src/lib.rs \
    && cargo build --release --locked --bin talkoot \
    && rm -rf src

# migrations/ (embed_migrations!), openapi.yaml (include_str!), the texts in locales/
# (fluent-templates' static_loader!) and askama.toml (where the templates are) are
# compiled into the binary, so they must be in the build context, not just at runtime.
COPY src ./src
COPY locales ./locales
COPY askama.toml ./askama.toml
COPY migrations ./migrations
COPY reference ./reference
COPY openapi.yaml ./openapi.yaml

# COPY keeps the context's mtimes, which can be older than the placeholder
# build; touching the crate roots makes cargo rebuild our own crate for sure.
RUN touch src/main.rs src/lib.rs \
    && cargo build --release --locked --bin talkoot \
    && cp target/release/talkoot /usr/local/bin/talkoot

# ---- runtime -----------------------------------------------------------------
FROM debian:bookworm-slim

# libpq5 for PostgreSQL. SMTP TLS trusts the compiled-in webpki roots; the system
# CA store is for libpq TLS to a managed database (sslrootcert=system).
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpq5 ca-certificates \
    && rm -rf /var/lib/apt/lists/*

RUN groupadd --system --gid 10001 talkoot \
    && useradd --system --uid 10001 --gid talkoot --home-dir /app \
       --shell /usr/sbin/nologin talkoot \
    && mkdir -p /app/data \
    && chown -R talkoot:talkoot /app

COPY --from=builder /usr/local/bin/talkoot /usr/local/bin/talkoot

# Relative defaults (sqlite://data/talkoot.db, data/jwt_secret, file://data/mail)
# resolve against the working directory, so they all land in the volume.
WORKDIR /app
# Declared after the chown so a fresh named volume inherits the ownership.
VOLUME ["/app/data"]

USER talkoot:talkoot

# The application default is 127.0.0.1, unreachable from outside a container.
ENV BIND_ADDR=0.0.0.0:8080
EXPOSE 8080

# No HEALTHCHECK: the slim image has no curl/wget. Orchestrators should probe
# GET /healthz (liveness) and GET /readyz (readiness, checks the database).
ENTRYPOINT ["talkoot"]
CMD ["serve"]
