"""The resource library (/library/): placeholder until the pages are built."""

from django.http import Http404


def _todo(request, *args, **kwargs):
    raise Http404


resource_list = resource_create = resource_detail = resource_edit = resource_file = _todo
