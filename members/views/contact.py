"""Writing to the secretariat (/contact/): placeholder until the pages are built."""

from django.http import Http404


def _todo(request, *args, **kwargs):
    raise Http404


contact = contact_thanks = message_list = message_detail = _todo
