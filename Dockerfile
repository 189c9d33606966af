# One image for every role of docker-compose.yml: `lis serve` (web), `lis digest --schedule`
# (clock), `lis ingest` (release), and the Chroma server itself (`chroma run`, from the
# same chromadb package, so client and server versions always match).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app

COPY pyproject.toml README.md ./
COPY bot ./bot
COPY ingest ./ingest
RUN pip install --quiet . && useradd --create-home --uid 10001 lis

COPY knowledge ./knowledge
COPY prompts ./prompts
RUN mkdir -p /data/lis/uploads /data/chroma && chown -R lis /data && chmod 700 /data/lis
USER lis

# Per-container scratch (embedded-store locks, pending uploads); the shared state is in
# PostgreSQL (DATABASE_URL) and the knowledge in the Chroma server (CHROMA_HOST).
ENV LIS_DATA_DIR=/data/lis KNOWLEDGE_DIR=/app/knowledge PROMPTS_DIR=/app/prompts PORT=3000
EXPOSE 3000
CMD ["lis", "serve"]
