"""Stub: written by the structure helper (issue 18)."""

from django.http import Http404


def current(request):
    raise Http404
