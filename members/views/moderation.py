"""Approving, declining and hiding posts: placeholder until built."""

from django.http import Http404


def _todo(request, *args, **kwargs):
    raise Http404


approve = decline = hide = unhide = _todo
