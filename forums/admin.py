from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline
from simple_history.admin import SimpleHistoryAdmin

from .models import ActionItem, ActionUpdate, Forum, ForumDocument, Participant, Recommendation, Session


class SessionInline(admin.TabularInline):
    model = Session
    extra = 0


class RecommendationInline(TranslationTabularInline):
    model = Recommendation
    extra = 0


class ParticipantInline(admin.TabularInline):
    model = Participant
    extra = 0
    autocomplete_fields = ["person", "organization"]
    fields = [
        "name", "person", "organization", "organization_name", "country", "role", "position", "attended", "email", "phone",
    ]


class DocumentInline(admin.TabularInline):
    model = ForumDocument
    extra = 0
    fields = ["title", "original_name", "content_type", "size", "uploaded_at"]
    readonly_fields = ["original_name", "content_type", "size", "uploaded_at"]

    def has_add_permission(self, request, obj=None):
        # Uploads go through the portal's document page, which checks their content.
        return False


@admin.register(Forum)
class ForumAdmin(TranslationAdmin, SimpleHistoryAdmin):
    list_display = ["title", "kind", "status", "start_date", "end_date", "city", "country"]
    list_filter = ["kind", "status", "country"]
    search_fields = ["title", "city", "summary"]
    date_hierarchy = "start_date"
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["organizers", "funders"]
    inlines = [SessionInline, RecommendationInline, ParticipantInline, DocumentInline]


class ActionUpdateInline(admin.TabularInline):
    model = ActionUpdate
    extra = 0
    autocomplete_fields = ["author"]


@admin.register(ActionItem)
class ActionItemAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "forum", "status", "due_date"]
    list_filter = ["status", "forum", "responsible_countries"]
    search_fields = ["text"]
    filter_horizontal = ["responsible_organizations", "responsible_countries"]
    inlines = [ActionUpdateInline]


@admin.register(Participant)
class ParticipantAdmin(admin.ModelAdmin):
    list_display = ["name", "organization", "organization_name", "country", "role", "attended", "forum"]
    list_filter = ["forum", "country", "role", "attended"]
    search_fields = ["name", "organization__name", "organization__acronym", "organization_name"]
    autocomplete_fields = ["person", "organization"]


@admin.register(ForumDocument)
class ForumDocumentAdmin(admin.ModelAdmin):
    list_display = ["title", "forum", "content_type", "size", "uploaded_at"]
    list_filter = ["forum", "content_type"]
    search_fields = ["title", "original_name"]
    readonly_fields = ["file", "original_name", "content_type", "size", "uploaded_at", "uploaded_by"]

    def has_add_permission(self, request):
        return False
