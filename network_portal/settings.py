"""Settings of the Regional CTIP Network Portal, read from environment variables.

Every setting that differs between a laptop and production comes from the environment
(see `deploy/env.example`); the defaults are safe for local development only.
"""

import os
import secrets
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    """Read a yes/no variable; anything but a clear yes or no is an error, not a guess."""
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be an integer, not {value!r}") from exc


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
# Without SECRET_KEY, management commands (check, migrate, makemigrations) still work with a throwaway
# key, but the production server refuses to start: network_portal/wsgi.py checks SECRET_KEY_MISSING.
SECRET_KEY_MISSING = not SECRET_KEY and not DEBUG
if not SECRET_KEY:
    SECRET_KEY = (
        # "django-insecure-": `check --deploy` then warns that no SECRET_KEY was set.
        "insecure-development-key-never-use-in-production" if DEBUG else "django-insecure-" + secrets.token_urlsafe(50)
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "modeltranslation",  # before the admin, as its documentation asks
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "allauth.mfa",  # second factor: authenticator app codes (TOTP), passkeys/security keys, recovery codes
    "allauth.usersessions",  # a user's active sessions, which they can end
    "crispy_forms",
    "crispy_bootstrap5",
    "bootstrap",
    "django_filters",
    "simple_history",
    "rules",
    "network_portal",
    "members",
    "forums",
    "countryreviews",
    "strategy",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "network_portal.middleware.SecurityHeadersMiddleware",  # Content-Security-Policy, Permissions-Policy
    "network_portal.request_size.RequestSizeLimitMiddleware",  # 413 before anything reads the body
    "whitenoise.middleware.WhiteNoiseMiddleware",  # static files: compressed, fingerprinted, cached for a year
    "network_portal.page_cache.PageCacheMiddleware",  # whole pages: public ones for all, a session's own for it
    "django.middleware.gzip.GZipMiddleware",  # pages compressed (and kept compressed in the cache)
    # ETag of the uncompressed page (the same on every worker: gzip adds random bytes), 304 when the browser has it.
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "members.middleware.QueryLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "allauth.usersessions.middleware.UserSessionsMiddleware",
    "members.middleware.IdleSessionMiddleware",
    "members.middleware.SecondFactorRequiredMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "members.middleware.LoginLanguageMiddleware",
]

ROOT_URLCONF = "network_portal.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "builtins": ["members.templatetags.portal_dates"],
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "members.context_processors.applications",
            ],
        },
    },
]

WSGI_APPLICATION = "network_portal.wsgi.application"

VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'portal.sqlite3'}",
        # Each gunicorn worker keeps its connection open (opening one costs more than most pages) and checks it
        # before reusing it, so that after a database restart the next request simply connects again.
        conn_max_age=env_int("CONN_MAX_AGE", 600),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Every transaction takes SQLite's write lock when it begins, and another writer waits up to 20 s for it:
    # otherwise a transaction that has read fails at once with "database is locked" when it then writes
    # (SQLite ignores select_for_update).
    DATABASES["default"].setdefault("OPTIONS", {}).update(transaction_mode="IMMEDIATE", timeout=20)

AUTH_USER_MODEL = "members.User"
AUTHENTICATION_BACKENDS = [
    "members.backends.PortalBackend",  # e-mail login; coordinators hold every permission
    "rules.permissions.ObjectPermissionBackend",  # everyone else: the predicates of each app's permissions.py
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Accounts: e-mail + password; no self sign-up (members are invited by the network).
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "optional"
ACCOUNT_ADAPTER = "members.adapters.AccountAdapter"
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_PREVENT_ENUMERATION = True
# Changing an e-mail address, a second factor or a recovery code asks for the password (or a second factor)
# again unless the user gave it in the last few minutes; so does entering the admin (network_portal/views.py).
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_REAUTHENTICATION_TIMEOUT = env_int("REAUTHENTICATION_TIMEOUT", 300)
ACCOUNT_EMAIL_NOTIFICATIONS = True  # "your password / e-mail was changed" mails: a hijacked account is noticed
LOGIN_REDIRECT_URL = "/"
# Behind reverse proxies (nginx…), their number: the visitor's address (rate limits, the security log, the list of
# sessions) is then read from X-Forwarded-For, counted from the right; 0 = the connection's address (REMOTE_ADDR).
ALLAUTH_TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)

# Second factor (django-allauth MFA). Coordinators, staff, steering committee representatives and
# organization editors must have one before they use their powers (members/middleware.py); members may.
MFA_SUPPORTED_TYPES = ["totp", "webauthn", "recovery_codes"]
MFA_TOTP_ISSUER = os.environ.get("MFA_TOTP_ISSUER", "CTIP Network Portal")
MFA_TOTP_TOLERANCE = 1  # accept the previous and next 30-second code: phones' clocks drift
MFA_RECOVERY_CODE_COUNT = 10
MFA_FORMS = {
    "add_webauthn": "members.forms.accounts.AddWebAuthnForm",
    "edit_webauthn": "members.forms.accounts.EditWebAuthnForm",
    "authenticate_webauthn": "members.forms.accounts.AuthenticateWebAuthnForm",
}
# Passkeys need https, except on localhost for `make run`.
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = DEBUG
# Sessions: a user sees theirs and ends them (allauth usersessions). A session ends after SESSION_IDLE_TIMEOUT
# seconds without a request (members/middleware.py) and at the latest SESSION_COOKIE_AGE after the login.
USERSESSIONS_TRACK_ACTIVITY = False  # the idle check keeps its own time without a write on every request
SESSION_IDLE_TIMEOUT = env_int("SESSION_IDLE_TIMEOUT", 2 * 60 * 60)
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 12 * 60 * 60)
# The admin asks for the password (or second factor) again after this many seconds without an admin page.
ADMIN_IDLE_TIMEOUT = env_int("ADMIN_IDLE_TIMEOUT", 15 * 60)
LOGIN_URL = "account_login"

LANGUAGE_CODE = "en"
# The network's languages. Every string is marked for translation; a language is offered (menu,
# account settings, browser detection) only once its compiled catalogue exists under locale/, because
# until then a Dari browser would get a right-to-left page of English text.
ALL_LANGUAGES = [
    ("en", _("English")),
    ("ru", _("Russian")),
    ("fa", _("Dari")),
    ("ps", _("Pashto")),
    ("ur", _("Urdu")),
    ("uz", _("Uzbek")),
    ("tg", _("Tajik")),
    ("tk", _("Turkmen")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGES = [
    (code, name)
    for code, name in ALL_LANGUAGES
    if code == LANGUAGE_CODE or (LOCALE_PATHS[0] / code / "LC_MESSAGES" / "django.mo").exists()
]
# Django knows no Pashto, and calls Dari by the name of Persian: tell it both, for the language menu.
LANG_INFO.update(
    {
        "ps": {"bidi": True, "code": "ps", "name": "Pashto", "name_local": "پښتو"},
        "uz": {**LANG_INFO["uz"], "name_local": "Oʻzbekcha"},
        "tg": {**LANG_INFO["tg"], "name_local": "Тоҷикӣ"},
        "fa": {**LANG_INFO["fa"], "name": "Dari", "name_local": "دری"},
    }
)
# Content written by people (descriptions, service details, forum records, review sections) may be
# written in each of the eight languages: django-modeltranslation keeps one column per language
# (`description_ru`…), declared in each app's translation.py. Which text a reader gets, and how a text
# in another language is marked, is decided by members/content.py, not by modeltranslation's fallbacks.
MODELTRANSLATION_LANGUAGES = tuple(code for code, _name in ALL_LANGUAGES)
MODELTRANSLATION_DEFAULT_LANGUAGE = LANGUAGE_CODE
MODELTRANSLATION_FALLBACK_LANGUAGES = MODELTRANSLATION_LANGUAGES
MODELTRANSLATION_AUTO_POPULATE = False
# "description (Russian)", not modeltranslation's "description [ru]": labels of forms and of the history.
MODELTRANSLATION_BUILD_LOCALIZED_VERBOSE_NAME = lambda verbose_name, language: format_lazy(  # noqa: E731
    "{} ({})", verbose_name, dict(ALL_LANGUAGES)[language]
)
# Our date formats for English (day first) and for Dari and Pashto (Solar Hijri); Django's for the rest.
FORMAT_MODULE_PATH = ["network_portal.formats"]
# Right-to-left: Django's list lacks Pashto.
LANGUAGES_BIDI = ["fa", "ps", "ur", "ar"]
TIME_ZONE = "Asia/Tashkent"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024
# Whole request bodies, files included (Django's limits leave files out): a 10 MB document plus the fields.
MAX_REQUEST_SIZE = env_int("MAX_REQUEST_SIZE", 25 * 1024 * 1024)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
# send_notifications holds a row lock while the mail server answers: never wait forever.
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "CTIP Network Portal <portal@example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Messages from the contact page (/contact/) are e-mailed to this address; empty: the address of DEFAULT_FROM_EMAIL.
SECRETARIAT_EMAIL = os.environ.get("SECRETARIAT_EMAIL", "")
# Messages to the secretariat are deleted this many days after they were received (manage.py prune_contact_messages).
CONTACT_MESSAGE_DAYS = env_int("CONTACT_MESSAGE_DAYS", 365)
# A directory entry not confirmed for this many months "may be out of date"; its editors are reminded once per period.
VERIFICATION_MONTHS = env_int("VERIFICATION_MONTHS", 12)
# Cross-border referral requests are erased this many days after they close.
REFERRAL_RETENTION_DAYS = env_int("REFERRAL_RETENTION_DAYS", 90)
# Published statistics of the network's own data below this are shown as "fewer than" it, never exactly, and no
# total or other figure lets them be worked out (countryreviews/disclosure.py). 1 turns it off.
SMALL_NUMBER_THRESHOLD = env_int("SMALL_NUMBER_THRESHOLD", 5)
if SMALL_NUMBER_THRESHOLD < 1:
    raise ImproperlyConfigured("SMALL_NUMBER_THRESHOLD must be 1 or more")
# "Leave this site" (on /help/ and the directory) goes here at once: a neutral page, light and reachable
# across the region, that an onlooker would not remark on.
LEAVE_SITE_URL = os.environ.get("LEAVE_SITE_URL", "https://www.google.com/")

# Absolute links in e-mails (invitations, notifications, unsubscribe) start with this.
PORTAL_BASE_URL = os.environ.get("PORTAL_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
# Give up on a notification e-mail after this many failed attempts.
NOTIFICATION_MAX_ATTEMPTS = env_int("NOTIFICATION_MAX_ATTEMPTS", 5)

# The cache holds the rate limits' counters and the public pages served to visitors who are not logged in
# (network_portal/page_cache.py). Without REDIS_URL it is a file cache, shared by the gunicorn workers of one
# host. With REDIS_URL (e.g. redis://127.0.0.1:6379/0) the cache and the sessions live in Redis, so that any
# number of app servers share them and keep no state of their own. CACHE_BACKEND/CACHE_LOCATION choose another.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "portal"),
            # A Redis that is down or restarting is noticed within a second: the visitor gets the 503 page.
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1, "retry_on_timeout": False},
        }
    }
    SESSION_ENGINE = "network_portal.sessions"  # in Redis; while Redis is unreachable: 503, not "logged out"
else:
    CACHES = {
        "default": {
            "BACKEND": os.environ.get("CACHE_BACKEND", "django.core.cache.backends.filebased.FileBasedCache"),
            "LOCATION": os.environ.get("CACHE_LOCATION", str(VAR_DIR / "cache")),
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "portal"),
        }
    }
# Rendered pages (public ones, and each session's own) are kept this many seconds at most (0 = not at all); any
# change saved in the portal makes them all stale at once (network_portal/page_cache.py).
# Off by default with DEBUG, where templates change under a running server.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 0 if DEBUG else 600)
PAGE_CACHE_ENTRIES = env_int("PAGE_CACHE_ENTRIES", 2000)  # pages kept per worker process, the most recent

# Uploaded files (logos, forum documents): on this server's disk under MEDIA_ROOT, or with S3_BUCKET on
# S3-compatible object storage (AWS, MinIO, Ceph…) through django-storages, so that app servers keep no files.
S3_BUCKET = os.environ.get("S3_BUCKET", "")
if S3_BUCKET:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": os.environ.get("S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("S3_REGION") or None,
            "access_key": os.environ.get("S3_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("S3_SECRET_ACCESS_KEY") or None,
            "location": os.environ.get("S3_PREFIX", "media"),
            "default_acl": None,  # the bucket stays private: files are reached through signed, expiring links
            "querystring_auth": True,
            # Signed links outlive the pages that carry them (PAGE_CACHE_SECONDS is kept below half of this).
            "querystring_expire": env_int("S3_LINK_SECONDS", 3600),
            "file_overwrite": False,
            "signature_version": "s3v4",  # signed links that every S3 region and MinIO accept
            "max_memory_size": 2_621_440,  # a document downloaded through the portal spills to disk above 2.5 MB
        },
    }

# HTTPS. With DEBUG off everything below is on by default, so `check --deploy` is clean with just a real
# SECRET_KEY and ALLOWED_HOSTS; with DEBUG on (`make run`, plain http on 127.0.0.1) it is all off.
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
# The health check answers on plain http too: load balancers and monitors probe the server directly.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
# Production runs behind a web server that ends TLS and sets X-Forwarded-Proto (overwriting the client's):
# without trusting it every request would look like http, and SECURE_SSL_REDIRECT would redirect forever.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("TRUST_X_FORWARDED_PROTO", not DEBUG) else None
# HSTS: browsers that saw the portal over https never use http for it again (a year by default).
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 365 * 24 * 60 * 60)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)  # subdomains of the portal's host
# Preloading (browsers' built-in https-only list, for a whole registrable domain) is the domain owner's decision
# and takes months to undo: off unless asked for, and check --deploy's reminder of it (W021) is silenced.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SILENCED_SYSTEM_CHECKS = ["security.W021"]

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"  # Django's default, stated: no other site keeps a handle on our window
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy (network_portal/middleware.py): the portal loads nothing from another site and has no
# inline script or style (tests/network_portal/test_headers.py checks every template), so 'self' is enough:
# Bootstrap, our CSS, the admin's and allauth's JavaScript (passkeys) are all static files of our own;
# `data:` images are Bootstrap's SVG icons and allauth's authenticator QR code. The admin needs no exception:
# Django 5.2's admin has no inline script, and the one style attribute of django-simple-history's admin history
# page (a paginator's `border-top: 0`) is merely ignored. django-csp rather than a hand-written header: it is
# maintained, offers per-view changes and nonces should a page ever need them, and Django 6.0's built-in CSP
# (SECURE_CSP) grew out of it and takes the same directives, so moving to it later is a small change.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}
if S3_BUCKET:
    # Logos are shown from the bucket: its address (S3_MEDIA_ORIGIN if the files are reached through another host).
    _region = os.environ.get("S3_REGION")
    S3_MEDIA_ORIGINS = env_list(
        "S3_MEDIA_ORIGIN",
        os.environ.get("S3_ENDPOINT_URL")
        or ",".join(
            [f"https://{S3_BUCKET}.s3.amazonaws.com"] + ([f"https://{S3_BUCKET}.s3.{_region}.amazonaws.com"] if _region else [])
        ),
    )
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"] += [
        "{0.scheme}://{0.netloc}".format(urlsplit(origin)) for origin in S3_MEDIA_ORIGINS
    ]
    PAGE_CACHE_SECONDS = min(PAGE_CACHE_SECONDS, env_int("S3_LINK_SECONDS", 3600) // 2)

# Powerful browser features the portal never uses are off for it and anything it might embed; passkeys and
# security keys (WebAuthn, the second factor) stay allowed for the portal itself.
PERMISSIONS_POLICY = ", ".join(
    [
        "camera=()",
        "microphone=()",
        "geolocation=()",
        "payment=()",
        "usb=()",
        "publickey-credentials-create=(self)",
        "publickey-credentials-get=(self)",
    ]
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # While the database or Redis is unreachable every request fails alike: one line each, not a stack trace.
    "filters": {"outage_without_trace": {"()": "network_portal.outages.OutageWithoutTrace"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["outage_without_trace"]}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}
