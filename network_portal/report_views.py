"""Pages of the network's annual report (built in issue 17)."""

from django.http import Http404


def report_detail(request, year):
    raise Http404
