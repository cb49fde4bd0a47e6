"""Announcements (/news/): placeholder until the pages are built."""

from django.http import Http404


def _todo(request, *args, **kwargs):
    raise Http404


announcement_list = announcement_create = announcement_detail = announcement_edit = _todo
comment_add = comment_delete = _todo
