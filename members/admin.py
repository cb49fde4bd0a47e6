from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline

from . import verification
from .models import (
    Country,
    FocusArea,
    Membership,
    NationalNetwork,
    Organization,
    Person,
    Service,
    SteeringCommitteeSeat,
    User,
)


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user", "organization"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "first_name", "last_name", "is_coordinator", "is_staff", "is_active", "last_login"]
    list_filter = ["is_coordinator", "is_staff", "is_active"]
    search_fields = ["email", "first_name", "last_name"]
    inlines = [MembershipInline]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Personal info"), {"fields": ("first_name", "last_name")}),
        (_("Roles"), {"fields": ("is_active", "is_coordinator", "is_staff", "is_superuser", "groups", "user_permissions")}),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    # Hiding names (where staff are at risk) takes effect on every public page, feed and export at once.
    list_display = ["code", "name", "order", "hide_names_publicly"]
    list_editable = ["order", "hide_names_publicly"]
    search_fields = ["code", "name"]


@admin.register(NationalNetwork)
class NationalNetworkAdmin(TranslationAdmin):
    list_display = ["name", "acronym", "country", "founded"]
    list_filter = ["country"]
    search_fields = ["name", "acronym"]


@admin.register(FocusArea)
class FocusAreaAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "order"]
    prepopulated_fields = {"slug": ["name"]}


class ServiceInline(TranslationStackedInline):
    model = Service
    extra = 0


class PersonInline(admin.TabularInline):
    model = Person
    extra = 0
    fields = ["name", "position", "country", "email", "phone", "contact_visibility", "user"]
    autocomplete_fields = ["user"]


@admin.register(Organization)
class OrganizationAdmin(TranslationAdmin):
    list_display = ["name", "acronym", "country", "kind", "membership_status", "updated_at", "verified_at"]
    list_filter = ["country", "kind", "membership_status", "focus_areas", "national_network"]
    search_fields = ["name", "acronym", "name_local", "city", "search_text"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["focus_areas"]
    readonly_fields = ["created_at", "updated_at"]
    list_select_related = ["country"]
    inlines = [ServiceInline, PersonInline, MembershipInline]
    actions = ["mark_verified"]

    @admin.action(description=_("Mark selected organizations as verified now"))
    def mark_verified(self, request, queryset):
        """As "Mark verified" on a profile: each organization and its services, verified by the secretariat."""
        organizations = list(queryset)
        for organization in organizations:
            verification.confirm(organization, request.user, as_secretariat=True)
        self.message_user(request, _("%(count)d organizations marked as verified.") % {"count": len(organizations)})


@admin.register(Service)
class ServiceAdmin(TranslationAdmin):
    list_display = ["name", "kind", "organization", "phone", "toll_free", "city", "open_24_7", "members_only",
                    "verified_at", "verified_as"]
    list_filter = ["kind", "members_only", "toll_free", "open_24_7", "walk_in", "verified_as", "organization__country"]
    search_fields = ["name", "phone", "sms", "whatsapp", "telegram", "signal", "email", "city", "areas_served",
                     "organization__name", "organization__acronym"]
    list_select_related = ["organization"]
    date_hierarchy = "verified_at"
    autocomplete_fields = ["organization"]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "position", "organization", "country", "contact_visibility", "user"]
    list_filter = ["country", "contact_visibility"]
    search_fields = ["name", "position", "email", "organization__name", "organization__acronym"]
    list_select_related = ["organization", "country", "user"]
    autocomplete_fields = ["organization", "user"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "organization", "role", "created_at"]
    list_filter = ["role", "organization__country"]
    search_fields = ["user__email", "organization__name", "organization__acronym"]
    list_select_related = ["user", "organization"]
    autocomplete_fields = ["user", "organization"]


@admin.register(SteeringCommitteeSeat)
class SteeringCommitteeSeatAdmin(admin.ModelAdmin):
    # The account holds the seat's powers: a coordinator links it (Person.user), never an invitation.
    list_display = ["country", "organization", "representative", "representative__user", "term_start", "term_end"]
    list_filter = ["country"]
    search_fields = ["organization__name", "representative__name"]
    list_select_related = ["country", "organization", "representative__user"]
    autocomplete_fields = ["organization", "representative"]


# Joining, invitations and the list-serve (issue 6).
from .models import Application, Invitation, Notification, NotificationPreference  # noqa: E402


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    list_display = ["name", "country", "contact_name", "status", "created_at", "decided_by", "decided_at"]
    list_filter = ["status", "country"]
    search_fields = ["name", "acronym", "contact_name", "contact_email"]
    list_select_related = ["country", "decided_by"]
    readonly_fields = ["created_at", "decided_at", "decided_by", "organization"]
    filter_horizontal = ["focus_areas"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "organization", "role", "invited_by", "created_at", "expires_at", "accepted_at", "revoked_at"]
    list_filter = ["role"]
    search_fields = ["email", "organization__name"]
    list_select_related = ["organization", "invited_by"]
    exclude = ["token_hash"]
    readonly_fields = ["organization", "email", "role", "invited_by", "created_at", "accepted_at", "accepted_by"]

    def has_add_permission(self, request):
        return False  # invitations are sent from the staff page, which e-mails the link


@admin.register(NotificationPreference)
class NotificationPreferenceAdmin(admin.ModelAdmin):
    list_display = ["user", "frequency", "review_published", "overview_published", "forums", "action_items", "new_members"]
    list_filter = ["frequency"]
    search_fields = ["user__email"]
    autocomplete_fields = ["user"]
    filter_horizontal = ["review_countries"]


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["subject", "user", "topic", "digest", "status", "attempts", "created_at", "sent_at"]
    list_filter = ["status", "topic", "digest"]
    search_fields = ["subject", "user__email", "dedupe_key"]
    list_select_related = ["user"]
    readonly_fields = ["created_at", "sent_at"]


# The security log (issue 13): read only, for everyone, superusers included.
from .models import SecurityEvent  # noqa: E402


@admin.register(SecurityEvent)
class SecurityEventAdmin(admin.ModelAdmin):
    list_display = ["at", "kind", "actor_email", "target", "ip_address", "detail"]
    list_filter = ["kind"]
    search_fields = ["actor_email", "target", "detail", "ip_address"]
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


# Announcements (issue 15): coordinators read, correct and delete posts and comments here too.
from .models import Announcement, AnnouncementComment  # noqa: E402


class AnnouncementCommentInline(admin.TabularInline):
    model = AnnouncementComment
    extra = 0
    fields = ["author", "body", "created_at"]
    readonly_fields = ["created_at"]
    autocomplete_fields = ["author"]


@admin.register(Announcement)
class AnnouncementAdmin(TranslationAdmin):
    list_display = ["title", "kind", "organization", "audience", "public_status", "hidden_at", "created_at"]
    list_filter = ["kind", "audience", "public_status", "countries"]
    search_fields = ["title", "body", "organization__name", "organization__acronym", "slug"]
    list_select_related = ["organization"]
    autocomplete_fields = ["author", "organization", "reviewed_by", "hidden_by"]
    filter_horizontal = ["countries"]
    readonly_fields = ["slug", "created_at", "updated_at"]
    date_hierarchy = "created_at"
    inlines = [AnnouncementCommentInline]


@admin.register(AnnouncementComment)
class AnnouncementCommentAdmin(admin.ModelAdmin):
    list_display = ["announcement", "author", "created_at"]
    search_fields = ["body", "author__email", "announcement__title"]
    list_select_related = ["announcement", "author"]
    autocomplete_fields = ["announcement", "author"]
    readonly_fields = ["created_at"]


# Messages to the secretariat (issue 15): read and answered at /contact/messages/; here a coordinator can correct a
# status or delete a message, e.g. one that names a victim. Nobody adds one, nor changes what the sender wrote.
from .models import ContactMessage  # noqa: E402


@admin.register(ContactMessage)
class ContactMessageAdmin(admin.ModelAdmin):
    list_display = ["subject", "name", "country", "status", "created_at", "answered_by", "answered_at"]
    list_filter = ["status", "country"]
    search_fields = ["subject", "name", "email", "organization"]
    list_select_related = ["country", "answered_by"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "name", "email", "organization", "country", "subject", "message", "language", "created_at", "answered_by",
        "answered_at", "reply",
    ]

    def has_add_permission(self, request):
        return False


# The resource library (issue 15). Files are uploaded through the library's form, which checks them (members/uploads.py);
# here a coordinator corrects the facts, the audience, or deletes a resource.
from .models import Resource  # noqa: E402


@admin.register(Resource)
class ResourceAdmin(TranslationAdmin):
    list_display = ["title", "kind", "year", "organization", "audience", "public_status", "hidden_at", "created_at"]
    list_filter = ["kind", "audience", "public_status", "topic", "countries"]
    search_fields = ["title", "description", "organization__name", "organization__acronym", "slug", "original_name"]
    list_select_related = ["organization"]
    autocomplete_fields = ["author", "organization", "reviewed_by", "hidden_by"]
    filter_horizontal = ["countries"]
    readonly_fields = ["slug", "file", "original_name", "content_type", "size", "created_at", "updated_at"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False  # added at /library/new/, where the file is checked


# Cross-border referral requests (issue 16): listed without their content, so that a coordinator can erase one at
# once (for example if a personal identifier got past the form's check). Sent and answered on /referrals/ only.
from .models import ReferralRequest  # noqa: E402


@admin.register(ReferralRequest)
class ReferralRequestAdmin(admin.ModelAdmin):
    list_display = ["__str__", "status", "urgency", "created_at", "closed_at"]
    list_filter = ["status", "urgency"]
    list_select_related = ["from_organization", "to_organization"]
    fields = ["from_organization", "to_organization", "status", "created_at", "closed_at"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


# The agreements register (issue 17): kept at /agreements/; here a coordinator corrects or deletes an entry. The
# status follows the newest step of its history, as when a step is recorded on the agreement's page.
from .models import Agreement, AgreementStatusChange  # noqa: E402


class AgreementStatusChangeInline(admin.TabularInline):
    model = AgreementStatusChange
    extra = 0
    fields = ["date", "status", "note", "recorded_by", "recorded_at"]
    readonly_fields = ["recorded_by", "recorded_at"]


@admin.register(Agreement)
class AgreementAdmin(TranslationAdmin):
    list_display = ["title", "kind", "status", "signed_on", "updated_at"]
    list_filter = ["kind", "status", "countries"]
    search_fields = ["title", "summary", "other_parties", "slug"]
    autocomplete_fields = ["organizations", "resource"]
    filter_horizontal = ["countries", "networks"]
    readonly_fields = ["status", "created_at", "updated_at"]
    inlines = [AgreementStatusChangeInline]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        agreement = form.instance
        newest = agreement.status_changes.order_by("-date", "-pk").first()
        if newest is not None and newest.status != agreement.status:
            agreement.status = newest.status
            agreement.save(update_fields=["status", "updated_at"])
