# Stage 1: build the web app.
FROM node:20-bookworm-slim AS web
WORKDIR /app/frontend
COPY frontend/package.json frontend/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY frontend/ ./
RUN npm run build

# Stage 2: the API server, serving the built app.
FROM python:3.11-slim-bookworm AS app
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 \
    KAIZEN_FRONTEND_DIST=/app/frontend/dist
WORKDIR /app/backend
COPY backend/requirements.lock ./
RUN pip install --no-cache-dir -r requirements.lock
COPY backend/ ./
RUN pip install --no-cache-dir --no-deps . \
    && useradd --system --create-home kaizen && mkdir -p /app/data && chown kaizen /app/data
COPY --from=web /app/frontend/dist /app/frontend/dist
USER kaizen
WORKDIR /app
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/api/v1/health')"
CMD ["kaizen", "serve", "--host", "0.0.0.0", "--port", "8000", "--workers", "2"]
