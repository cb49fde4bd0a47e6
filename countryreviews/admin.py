from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from .models import CountryReview, OverviewEntry, RegionalOverview, ReviewChange, ReviewRevision, ReviewStatistic


class RevisionInline(admin.TabularInline):
    model = ReviewRevision
    fields = ["number", "status", "version", "updated_at", "changed_by", "published_at", "published_by"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(CountryReview)
class CountryReviewAdmin(admin.ModelAdmin):
    list_display = ["country", "year", "created_at", "created_by"]
    list_filter = ["country", "year"]
    search_fields = ["country__name", "country__code"]
    list_select_related = ["country", "created_by"]
    inlines = [RevisionInline]


class StatisticInline(admin.TabularInline):
    model = ReviewStatistic
    extra = 0


class ChangeInline(admin.TabularInline):
    model = ReviewChange
    fields = ["at", "action", "user", "fields", "comment"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(ReviewRevision)
class ReviewRevisionAdmin(TranslationAdmin):
    list_display = ["review", "number", "status", "version", "updated_at", "changed_by", "published_at", "published_by"]
    list_filter = ["status", "review__country", "review__year"]
    search_fields = ["review__country__name", "summary", "law_name"]
    list_select_related = ["review__country", "changed_by", "published_by"]
    readonly_fields = [
        "version",
        "created_at",
        "created_by",
        "updated_at",
        "changed_by",
        "submitted_at",
        "submitted_by",
        "published_at",
        "published_by",
        "withdrawn_at",
    ]
    inlines = [StatisticInline, ChangeInline]

    def get_readonly_fields(self, request, obj=None):
        # A published or withdrawn revision is frozen here too.
        if obj is not None and not obj.is_open:
            return [f.name for f in self.model._meta.fields]
        return self.readonly_fields

    def get_inlines(self, request, obj):
        return [ChangeInline] if obj is not None and not obj.is_open else self.inlines


@admin.register(ReviewStatistic)
class ReviewStatisticAdmin(admin.ModelAdmin):
    list_display = ["revision", "indicator", "year", "value", "illustrative", "source"]
    list_filter = ["indicator", "illustrative", "year", "revision__review__country"]
    search_fields = ["source", "revision__review__country__name"]
    list_select_related = ["revision__review__country"]


@admin.register(ReviewChange)
class ReviewChangeAdmin(admin.ModelAdmin):
    list_display = ["at", "revision", "action", "user"]
    list_filter = ["action", "revision__review__country"]
    search_fields = ["user__email", "comment", "revision__review__country__name"]
    list_select_related = ["revision__review__country", "user"]
    date_hierarchy = "at"

    def has_change_permission(self, request, obj=None):
        return False


class OverviewEntryInline(admin.TabularInline):
    model = OverviewEntry
    extra = 0
    raw_id_fields = ["revision"]


@admin.register(RegionalOverview)
class RegionalOverviewAdmin(admin.ModelAdmin):
    list_display = ["year", "display_title", "status", "published_at", "published_by"]
    list_filter = ["status"]
    search_fields = ["title", "introduction"]
    list_select_related = ["published_by"]
    inlines = [OverviewEntryInline]
