"""The members app's models, one module per area; import them from here (`from members.models import …`)."""

from .accounts import Membership, User, UserManager
from .directory import (
    SPOKEN_LANGUAGES,
    WEEKDAYS,
    Country,
    FocusArea,
    NationalNetwork,
    Organization,
    OrganizationQuerySet,
    Person,
    Population,
    Service,
    VerifiedBy,
    countries_with_member_counts,
    get_country_or_404,
    stale_since,
)
from .joining import (
    INVITATION_VALID_FOR,
    Application,
    Invitation,
    InvitationUnusable,
    hash_token,
    unique_organization_slug,
    validate_decline_reason,
)
from .legal import (
    Agreement,
    AgreementStatusChange,
    LegalAmendment,
    LegalInstrument,
)
from .notifications import Notification, NotificationPreference, Topic
from .referrals import ReferralRequest
from .security import SecurityEvent, SecurityLogIsAppendOnly
from .sharing import (
    Announcement,
    AnnouncementComment,
    Audience,
    ContactMessage,
    PublicStatus,
    Resource,
    unique_slug,
)
from .steering import SteeringCommitteeSeat

__all__ = [
    "Agreement",
    "AgreementStatusChange",
    "LegalAmendment",
    "LegalInstrument",
    "Announcement",
    "AnnouncementComment",
    "Application",
    "Audience",
    "ContactMessage",
    "Country",
    "FocusArea",
    "INVITATION_VALID_FOR",
    "Invitation",
    "InvitationUnusable",
    "Membership",
    "NationalNetwork",
    "Notification",
    "NotificationPreference",
    "Organization",
    "OrganizationQuerySet",
    "Person",
    "Population",
    "PublicStatus",
    "ReferralRequest",
    "SPOKEN_LANGUAGES",
    "VerifiedBy",
    "WEEKDAYS",
    "Resource",
    "SecurityEvent",
    "SecurityLogIsAppendOnly",
    "Service",
    "SteeringCommitteeSeat",
    "Topic",
    "User",
    "UserManager",
    "countries_with_member_counts",
    "get_country_or_404",
    "stale_since",
    "hash_token",
    "unique_organization_slug",
    "unique_slug",
    "validate_decline_reason",
]
