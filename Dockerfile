# The production image: one image for web, worker and beat (see docker-compose.yml).
# Build stage: the Python packages, with what python3-saml's xmlsec needs to build where no wheel fits
# (single sign-on, kvo.sso): libxmlsec1-dev, pkg-config, xmlsec1 and a compiler.
FROM python:3.12-slim-bookworm AS build

ENV PYTHONDONTWRITEBYTECODE=1 PIP_NO_CACHE_DIR=1
RUN apt-get update \
 && apt-get install -y --no-install-recommends build-essential libxmlsec1-dev pkg-config xmlsec1 \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY pyproject.toml README.md requirements.lock ./
# exactly the locked versions, each checked against its hash (bin/lock writes the file)
RUN python -m venv /opt/venv && /opt/venv/bin/pip install --require-hashes -r requirements.lock
COPY kvo kvo
COPY gebieden gebieden
COPY werkgroepen werkgroepen
COPY analyse analyse
COPY aanpak aanpak
COPY audits audits
COPY demo demo
RUN /opt/venv/bin/pip install --no-deps .

FROM python:3.12-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 PATH=/opt/venv/bin:$PATH
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 \
    fontconfig fonts-dejavu-core fonts-liberation2 libxmlsec1 libxmlsec1-openssl \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY --from=build /opt/venv /opt/venv
COPY . .
RUN DJANGO_SECRET_KEY=build-only python manage.py collectstatic --noinput -v0

RUN useradd --system --uid 1000 kvo && mkdir -p /app/media && chown kvo /app/media
USER kvo
EXPOSE 8000
CMD ["gunicorn", "kvo.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
