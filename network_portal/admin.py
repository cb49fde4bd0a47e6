"""The annual reports in the admin: read-mostly. Reports are started, written and published on their pages
(/reports/); here a coordinator finds them and may correct a draft's title or introduction."""

from django.contrib import admin

from .models import AnnualReport


@admin.register(AnnualReport)
class AnnualReportAdmin(admin.ModelAdmin):
    list_display = ["year", "display_title", "status", "published_at", "published_by"]
    list_filter = ["status"]
    search_fields = ["title", "introduction"]
    readonly_fields = [
        "year", "status", "snapshot", "created_at", "created_by", "updated_at", "published_at", "published_by"
    ]

    def has_add_permission(self, request):
        return False  # started on /reports/, where the year is checked

    def has_delete_permission(self, request, obj=None):
        return obj is not None and not obj.is_published and super().has_delete_permission(request, obj)

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.is_published:  # frozen: what was published stays as published
            return [field.name for field in AnnualReport._meta.fields]
        return self.readonly_fields
