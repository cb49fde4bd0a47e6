"""The rows of the one permissions table (run by tests/test_permissions.py): who gets which status where.

Columns of each status tuple follow ROLES in tests/conftest.py: anonymous, member, editor, other_editor,
stakeholder, steering, coordinator.
"""

import dataclasses
import datetime

import pytest

from .conftest import ROLES

LOGIN = "login"  # 302 to /accounts/login/?next=<the page>
NEXT_YEAR = datetime.date.today().year + 1  # [publishing] a review's year is never in the future

# One status per role, in the order of ROLES:
#        anonymous member editor other_editor stakeholder steering coordinator
PUBLIC = (200, 200, 200, 200, 200, 200, 200)
NOT_FOUND = (404, 404, 404, 404, 404, 404, 404)
LOGGED_IN = (LOGIN, 200, 200, 200, 200, 200, 200)
LOGGED_IN_404 = (LOGIN, 404, 404, 404, 404, 404, 404)
POST_ONLY = (LOGIN, 405, 405, 405, 405, 405, 405)  # login_required outside require_POST
COORDINATOR = (LOGIN, 403, 403, 403, 403, 403, 200)
COORDINATOR_POST_ONLY = (LOGIN, 403, 403, 403, 403, 403, 405)  # the permission is checked before the method
COORDINATOR_INVALID = (LOGIN, 403, 403, 403, 403, 403, 400)
COORDINATOR_DONE = (LOGIN, 403, 403, 403, 403, 403, 302)
COORDINATOR_SEES_APPLICANTS = (404, 404, 404, 404, 404, 404, 200)
LOGIN_COORDINATOR_SEES_APPLICANTS = (LOGIN, 404, 404, 404, 404, 404, 200)
ORGANIZATION_EDITORS = (LOGIN, 403, 200, 403, 403, 403, 200)  # editors of madina-test, coordinators
ORGANIZATION_EDITORS_INVALID = (LOGIN, 403, 400, 403, 403, 403, 400)
ORGANIZATION_EDITORS_DONE = (LOGIN, 403, 302, 403, 403, 403, 302)
REPRESENTATIVES = (LOGIN, 403, 403, 403, 403, 200, 200)  # any steering representative, coordinators
REPRESENTATIVES_INVALID = (LOGIN, 403, 403, 403, 403, 400, 400)
REPRESENTATIVES_DONE = (LOGIN, 403, 403, 403, 403, 302, 302)
DRAFT_READERS_TJ = (404, 200, 200, 404, 404, 200, 200)  # Tajik members, representatives, coordinators
DRAFT_READERS_PK = (404, 404, 404, 200, 404, 200, 200)
OVERVIEW_DRAFT_READERS = (404, 404, 404, 404, 404, 200, 200)
ADMIN = (302, 302, 302, 302, 302, 302, 200)  # everyone but coordinators to the admin's login page
MEMBERS_READ = (404, 200, 200, 200, 404, 200, 200)  # network members (not the stakeholder), coordinators
AUTHOR_AND_COORDINATORS_READ = (404, 404, 200, 404, 404, 404, 200)  # the editor's hidden post
# [structure] (issue 18) a draft strategy's forms: members see the draft (403), the stakeholder does not (404).
STRATEGY_DRAFTERS = (LOGIN, 403, 403, 403, 404, 200, 200)
STRATEGY_DRAFTERS_INVALID = (LOGIN, 403, 403, 403, 404, 400, 400)
STRATEGY_DRAFTERS_DONE = (LOGIN, 403, 403, 403, 404, 302, 302)
STRATEGY_DRAFTERS_FORBIDDEN = (LOGIN, 403, 403, 403, 404, 403, 403)
DRAFT_OTHERS_404 = (LOGIN, 403, 403, 403, 404, 404, 404)
FROZEN = (LOGIN, 403, 403, 403, 403, 403, 403)  # an adopted or superseded version's text
# [/structure]


@dataclasses.dataclass(frozen=True)
class Url:
    """A URL of the table and the status each role gets for GET and for POST (None: not asked)."""

    name: str
    args: tuple = ()
    get: tuple | None = None
    post: tuple | None = None
    query: str = ""
    data: dict = dataclasses.field(default_factory=dict)

    def __post_init__(self):
        for statuses in (self.get, self.post):
            assert statuses is None or len(statuses) == len(ROLES), (self.name, self.args)


def url(name, *args, get=None, post=None, query="", data=None):
    return Url(name, tuple(args), get, post, query, data or {})


# Arguments written "@name" are looked up in the world (primary keys and tokens made when it is built).
TABLE = [
    # The home page, the health check and the public feeds.
    url("home", get=PUBLIC, post=PUBLIC),
    url("healthz", get=PUBLIC, post=PUBLIC),
    # The language switch redirects back for everyone (a POST also remembers the choice).
    url("set_language", get=(302,) * 7, post=(302,) * 7),
    url("feeds:reviews", get=PUBLIC, post=PUBLIC),
    url("feeds:reviews-rss", get=PUBLIC, post=PUBLIC),
    url("feeds:overview", get=PUBLIC, post=PUBLIC),
    url("feeds:overview-rss", get=PUBLIC, post=PUBLIC),
    url("feeds:forums", get=PUBLIC, post=PUBLIC),
    url("feeds:forums-rss", get=PUBLIC, post=PUBLIC),
    url("feeds:members-rss", get=PUBLIC, post=PUBLIC),
    url("members:feed-new-members", get=PUBLIC, post=PUBLIC),
    # The Django admin and allauth's login page (not our URL names; kept because links point at them).
    url("admin:index", get=ADMIN, post=ADMIN),
    url("admin:members_organization_changelist", get=ADMIN),
    url("account_login", get=(200, 302, 302, 302, 302, 302, 302), post=(200, 302, 302, 302, 302, 302, 302)),
    # The directory, country pages, the steering committee.
    url("members:directory", get=PUBLIC, post=PUBLIC),
    url("members:directory", get=PUBLIC, query="?q=madina&country=tj&page=2"),
    # Every code of the network, in either case, has a page: tests/members/test_country.py.
    url("members:country", "tj", get=PUBLIC, post=PUBLIC),
    url("members:country", "af", get=PUBLIC),
    url("members:country", "xx", get=NOT_FOUND),
    url("members:steering-committee", get=PUBLIC, post=PUBLIC),
    # Organization profiles: members, former members and stakeholders are listed; applicants only for coordinators.
    url("members:organization", "madina-test", get=PUBLIC, post=PUBLIC),
    url("members:organization", "former", get=PUBLIC),
    url("members:organization", "tj-commission", get=PUBLIC),
    url("members:organization", "applicant", get=COORDINATOR_SEES_APPLICANTS),
    url("members:organization", "no-such-org", get=NOT_FOUND),
    url("members:organization-edit", "madina-test", get=ORGANIZATION_EDITORS, post=ORGANIZATION_EDITORS_INVALID),
    url("members:organization-edit", "other-pk", get=(LOGIN, 403, 403, 200, 403, 403, 200)),
    url("members:organization-edit", "seat-holder", get=(LOGIN, 403, 403, 403, 403, 200, 200)),
    url("members:organization-edit", "tj-commission", get=COORDINATOR),
    url("members:organization-edit", "applicant", get=LOGIN_COORDINATOR_SEES_APPLICANTS),
    url("members:organization-edit", "no-such-org", get=LOGGED_IN_404),
    url("members:organization-history", "madina-test", get=ORGANIZATION_EDITORS, post=ORGANIZATION_EDITORS),
    url("members:organization-history", "applicant", get=LOGIN_COORDINATOR_SEES_APPLICANTS),
    url("members:recent-changes", get=COORDINATOR, post=COORDINATOR),
    url("members:security-log", get=COORDINATOR, post=COORDINATOR),
    url("members:security-log", get=COORDINATOR, query="?kind=login&email=example.org&page=2"),
    # Staff of an organization: its editors and coordinators.
    url("members:staff", "madina-test", get=ORGANIZATION_EDITORS, post=ORGANIZATION_EDITORS),
    url("members:staff", "applicant", get=LOGIN_COORDINATOR_SEES_APPLICANTS),
    url("members:staff", "no-such-org", get=LOGGED_IN_404),
    url("members:staff-invite", "madina-test", get=ORGANIZATION_EDITORS, post=ORGANIZATION_EDITORS_INVALID),
    url(
        "members:staff-invite", "madina-test", post=ORGANIZATION_EDITORS_DONE,
        data={"email": "new.colleague@example.org", "role": "member"},
    ),
    url("members:staff-role", "madina-test", "@member_membership", get=POST_ONLY, post=ORGANIZATION_EDITORS_DONE),
    url(
        "members:staff-role", "madina-test", "@member_membership", post=ORGANIZATION_EDITORS_DONE,
        data={"role": "editor"},
    ),
    # Someone else's membership through one's own organization's URL: not found.
    url("members:staff-role", "madina-test", "@other_membership", post=(LOGIN, 403, 404, 403, 403, 403, 404)),
    url("members:staff-remove", "madina-test", "@member_membership", get=POST_ONLY, post=ORGANIZATION_EDITORS_DONE),
    url("members:staff-remove", "madina-test", "@other_membership", post=(LOGIN, 403, 404, 403, 403, 403, 404)),
    url("members:staff-remove", "madina-test", 999999, post=(LOGIN, 403, 404, 403, 403, 403, 404)),
    url(
        "members:staff-invitation-revoke", "madina-test", "@invitation",
        get=POST_ONLY, post=ORGANIZATION_EDITORS_DONE,
    ),
    url("members:staff-invitation-revoke", "madina-test", 999999, post=(LOGIN, 403, 404, 403, 403, 403, 404)),
    # Joining: the public form, the coordinators' review of applications, the invitation link.
    url("members:join", get=PUBLIC, post=(400, 400, 400, 400, 400, 400, 400)),
    url("members:join-thanks", get=PUBLIC, post=PUBLIC),
    url("members:applications", get=COORDINATOR, post=COORDINATOR),
    url("members:application", "@application", get=COORDINATOR, post=COORDINATOR),
    url("members:application", 999999, get=(LOGIN, 403, 403, 403, 403, 403, 404)),
    url("members:application-approve", "@application", get=COORDINATOR_POST_ONLY, post=COORDINATOR_DONE),
    url("members:application-approve", 999999, post=(LOGIN, 403, 403, 403, 403, 403, 404)),
    url("members:application-decline", "@application", get=COORDINATOR_POST_ONLY, post=COORDINATOR_INVALID),
    url(
        "members:application-decline", "@application", post=COORDINATOR_DONE,
        data={"reason": "Not working on trafficking."},
    ),
    # The invitation is addressed to someone without an account: they may sign up; every logged-in role
    # is someone else (403).
    url("members:invitation", "@invitation_token", get=(200, 403, 403, 403, 403, 403, 403),
        post=(400, 403, 403, 403, 403, 403, 403)),
    url("members:invitation", "no-such-token", get=NOT_FOUND, post=NOT_FOUND),
    # A user's own account.
    url("members:account", get=LOGGED_IN, post=(LOGIN, 400, 400, 400, 400, 400, 400)),
    url("members:notification-settings", get=LOGGED_IN, post=(LOGIN, 400, 400, 400, 400, 400, 400)),
    # The signed token is the credential (the member's, whoever follows the link).
    url("members:unsubscribe", "@unsubscribe_token", get=PUBLIC, post=PUBLIC),
    url("members:unsubscribe", "not-a-token", get=(400,) * 7, post=(400,) * 7),
    # What the network shares (issue 15). Posts of the Tajik member: public-news (approved for everyone),
    # members-news (members only), pending-news (for everyone, waiting for approval); hidden-news is the
    # editor's, hidden by a coordinator. The library's resources follow the same pattern.
    url("members:news", get=PUBLIC, post=PUBLIC),
    url("members:feed-news", get=PUBLIC, post=PUBLIC),
    url("members:announcement-create", get=(LOGIN, 200, 200, 200, 403, 200, 200),
        post=(LOGIN, 400, 400, 400, 403, 400, 400)),
    url("members:announcement", "public-news", get=PUBLIC),
    url("members:announcement", "members-news", get=MEMBERS_READ),
    url("members:announcement", "pending-news", get=MEMBERS_READ),
    url("members:announcement", "hidden-news", get=AUTHOR_AND_COORDINATORS_READ),
    url("members:announcement", "no-such-news", get=NOT_FOUND, post=NOT_FOUND),
    url("members:announcement-edit", "members-news", get=(LOGIN, 200, 403, 403, 404, 403, 200),
        post=(LOGIN, 400, 403, 403, 404, 403, 400)),
    url("members:announcement-edit", "public-news", get=(LOGIN, 200, 403, 403, 403, 403, 200)),
    url("members:announcement-edit", "hidden-news", get=(LOGIN, 404, 403, 404, 404, 404, 200)),
    url("members:announcement-comment", "members-news", get=POST_ONLY, post=(LOGIN, 400, 400, 400, 404, 400, 400)),
    url("members:announcement-comment", "public-news", post=(LOGIN, 400, 400, 400, 403, 400, 400)),
    url("members:announcement-comment", "hidden-news", post=(LOGIN, 404, 403, 404, 404, 404, 403)),
    url("members:comment-delete", "@comment", get=POST_ONLY, post=(LOGIN, 302, 403, 403, 404, 403, 302)),
    url("members:announcement-approve", "pending-news", get=POST_ONLY, post=(LOGIN, 403, 403, 403, 404, 302, 302)),
    url("members:announcement-approve", "public-news", post=(LOGIN, 403, 403, 403, 403, 302, 302)),  # nothing to do
    url("members:announcement-decline", "pending-news", get=(LOGIN, 403, 403, 403, 404, 200, 200),
        post=(LOGIN, 403, 403, 403, 404, 400, 400)),
    url("members:announcement-decline", "pending-news", post=(LOGIN, 403, 403, 403, 404, 302, 302),
        data={"reason": "Names a person at risk."}),
    url("members:announcement-hide", "public-news", get=COORDINATOR, post=COORDINATOR_INVALID),
    url("members:announcement-hide", "public-news", post=COORDINATOR_DONE, data={"reason": "Out of date."}),
    url("members:announcement-hide", "members-news", get=(LOGIN, 403, 403, 403, 404, 403, 200)),
    url("members:announcement-unhide", "hidden-news", get=POST_ONLY, post=(LOGIN, 404, 403, 404, 404, 404, 302)),
    # The library: public-resource, members-resource, pending-resource (the member's files, as the posts above);
    # hidden-resource is the member's too, hidden: its author still reads it, the editor of the same
    # organization does not. A file goes out only through its page's rules.
    url("members:library", get=PUBLIC, post=PUBLIC),
    url("members:feed-library", get=PUBLIC, post=PUBLIC),
    url("members:resource-create", get=(LOGIN, 200, 200, 200, 403, 200, 200),
        post=(LOGIN, 400, 400, 400, 403, 400, 400)),
    url("members:resource", "public-resource", get=PUBLIC, post=PUBLIC),
    url("members:resource", "members-resource", get=MEMBERS_READ),
    url("members:resource", "pending-resource", get=MEMBERS_READ),
    url("members:resource", "hidden-resource", get=(404, 200, 404, 404, 404, 404, 200)),
    url("members:resource", "no-such-resource", get=NOT_FOUND),
    url("members:resource-file", "public-resource", get=PUBLIC),
    url("members:resource-file", "members-resource", get=MEMBERS_READ, post=MEMBERS_READ),
    url("members:resource-file", "pending-resource", get=MEMBERS_READ),
    url("members:resource-file", "hidden-resource", get=(404, 200, 404, 404, 404, 404, 200)),
    url("members:resource-edit", "public-resource", get=(LOGIN, 200, 403, 403, 403, 403, 200),
        post=(LOGIN, 400, 403, 403, 403, 403, 400)),
    url("members:resource-edit", "members-resource", get=(LOGIN, 200, 403, 403, 404, 403, 200)),
    url("members:resource-edit", "hidden-resource", get=(LOGIN, 403, 404, 404, 404, 404, 200)),
    url("members:resource-approve", "pending-resource", get=POST_ONLY, post=(LOGIN, 403, 403, 403, 404, 302, 302)),
    url("members:resource-decline", "pending-resource", get=(LOGIN, 403, 403, 403, 404, 200, 200),
        post=(LOGIN, 403, 403, 403, 404, 400, 400)),
    url("members:resource-hide", "public-resource", get=COORDINATOR, post=COORDINATOR_INVALID),
    url("members:resource-unhide", "hidden-resource", get=POST_ONLY, post=(LOGIN, 403, 404, 404, 404, 404, 302)),
    # Writing to the secretariat: anyone; the messages are the coordinators'.
    url("members:contact", get=PUBLIC, post=(400,) * 7),
    url("members:contact-thanks", get=PUBLIC, post=PUBLIC),
    url("members:contact-messages", get=COORDINATOR, post=COORDINATOR),
    url("members:contact-message", "@contact_message", get=COORDINATOR, post=COORDINATOR_INVALID),
    url("members:contact-message", "@contact_message", post=COORDINATOR_DONE, data={"action": "close"}),
    url("members:contact-message", 999999, get=(LOGIN, 403, 403, 403, 403, 403, 404)),
    # [verification] (issue 16)
    # "Still correct" (editors) and "Mark verified" (coordinators) on a profile; the coordinators' stale entries.
    url("members:organization-confirm", "madina-test", get=POST_ONLY, post=ORGANIZATION_EDITORS_DONE),
    url("members:organization-confirm", "seat-holder", post=(LOGIN, 403, 403, 403, 403, 302, 302)),
    url("members:organization-confirm", "tj-commission", post=COORDINATOR_DONE),
    url("members:organization-confirm", "applicant", post=(LOGIN, 404, 404, 404, 404, 404, 302)),
    url("members:organization-confirm", "no-such-org", post=LOGGED_IN_404),
    url("members:stale-entries", get=COORDINATOR, post=COORDINATOR),
    url("members:stale-entries", get=COORDINATOR, query="?country=TJ&page=2"),
    # [/verification]
    # [services] (issue 16)
    # @service and @members_only_service: services of madina-test; @other_service: of other-pk. Editors of the
    # organization and coordinators add, edit and delete them; a service of another organization is not found.
    url("members:service-create", "madina-test", get=ORGANIZATION_EDITORS, post=ORGANIZATION_EDITORS_INVALID),
    url("members:service-create", "madina-test", post=ORGANIZATION_EDITORS_DONE,
        data={"kind": "hotline", "name_en": "New hotline", "phone": "+992 37 000 0000"}),
    url("members:service-create", "other-pk", get=(LOGIN, 403, 403, 200, 403, 403, 200)),
    url("members:service-create", "seat-holder", get=(LOGIN, 403, 403, 403, 403, 200, 200)),
    url("members:service-create", "applicant", get=LOGIN_COORDINATOR_SEES_APPLICANTS),
    url("members:service-create", "no-such-org", get=LOGGED_IN_404, post=LOGGED_IN_404),
    url("members:service-edit", "madina-test", "@service", get=ORGANIZATION_EDITORS, post=ORGANIZATION_EDITORS_INVALID),
    url("members:service-edit", "madina-test", "@members_only_service", get=ORGANIZATION_EDITORS,
        post=ORGANIZATION_EDITORS_DONE, data={"kind": "shelter", "name_en": "Madina safe house", "members_only": "on"}),
    url("members:service-edit", "madina-test", "@other_service", get=(LOGIN, 403, 404, 403, 403, 403, 404),
        post=(LOGIN, 403, 404, 403, 403, 403, 404)),
    url("members:service-edit", "other-pk", "@other_service", get=(LOGIN, 403, 403, 200, 403, 403, 200)),
    url("members:service-edit", "madina-test", 999999, get=(LOGIN, 403, 404, 403, 403, 403, 404)),
    url("members:service-delete", "madina-test", "@service", get=ORGANIZATION_EDITORS, post=ORGANIZATION_EDITORS_DONE),
    url("members:service-delete", "madina-test", "@other_service", get=(LOGIN, 403, 404, 403, 403, 403, 404),
        post=(LOGIN, 403, 404, 403, 403, 403, 404)),
    url("members:service-delete", "other-pk", "@other_service", post=(LOGIN, 403, 403, 302, 403, 403, 302)),
    # [/services]
    # [help] (issue 16)
    # Find help is for everyone (members-only services for members: tests/members/test_help.py); a wrong choice is
    # a form error (400), an unknown country's card a 404.
    url("members:help", get=PUBLIC, post=PUBLIC),
    url("members:help", get=PUBLIC, query="?country=tj&origin=af&kind=shelter&language=fa"),
    url("members:help", get=(400,) * 7, query="?country=xx"),
    url("members:help-card", "tj", get=PUBLIC, post=PUBLIC),
    url("members:help-card", "AF", get=PUBLIC),
    url("members:help-card", "xx", get=NOT_FOUND),
    # [/help]
    # [referrals] (issue 16)
    # @referral: madina-test (TJ: member, editor) asks other-pk (PK: other_editor), waiting for an answer;
    # @accepted_referral: the same, accepted. Steering (a third TJ organization) and the stakeholder see neither.
    url("members:referrals", get=(LOGIN, 200, 200, 200, 403, 200, 200), post=(LOGIN, 200, 200, 200, 403, 200, 200)),
    url("members:referral-create", get=(LOGIN, 200, 200, 200, 403, 200, 403),
        post=(LOGIN, 400, 400, 400, 403, 400, 403)),
    url("members:referral-create", query="?to=other-pk", get=(LOGIN, 200, 200, 200, 403, 200, 403)),
    url("members:referral", "@referral", get=(LOGIN, 200, 200, 200, 404, 404, 200),
        post=(LOGIN, 200, 200, 200, 404, 404, 200)),
    url("members:referral", 999999, get=LOGGED_IN_404),
    url("members:referral-accept", "@referral", get=POST_ONLY, post=(LOGIN, 403, 403, 302, 404, 404, 403)),
    url("members:referral-decline", "@referral", get=POST_ONLY, post=(LOGIN, 403, 403, 400, 404, 404, 403)),
    url("members:referral-decline", "@referral", post=(LOGIN, 403, 403, 302, 404, 404, 403),
        data={"note": "Our shelter is full."}),
    url("members:referral-close", "@referral", get=POST_ONLY, post=(LOGIN, 403, 403, 403, 404, 404, 403)),
    url("members:referral-close", "@accepted_referral", post=(LOGIN, 302, 302, 302, 404, 404, 302)),
    url("members:referral-withdraw", "@referral", get=POST_ONLY, post=(LOGIN, 302, 302, 403, 404, 404, 403)),
    url("members:referral-withdraw", "@accepted_referral", post=(LOGIN, 403, 403, 403, 404, 404, 403)),
    # [/referrals]
    # [map] (issue 16)
    # The map of members is public; a kind of service filters it, an unknown kind is ignored.
    url("members:map", get=PUBLIC, post=PUBLIC),
    url("members:map", get=PUBLIC, query="?service=hotline"),
    url("members:map", get=PUBLIC, query="?service=nonsense"),
    # [/map]
    # [opendata] (issue 16)
    # Open data is public data: everyone gets the same, read-only (405 for a POST); nobody gets an applicant or a
    # members-only service there, not even a coordinator.
    url("members:open-data", get=PUBLIC, post=(405,) * 7),
    url("members:hsds", get=PUBLIC, post=(405,) * 7),
    url("members:hsds-organizations", get=PUBLIC, post=(405,) * 7),
    url("members:hsds-organizations", get=PUBLIC, query="?full=true&full_service=true&per_page=100"),
    url("members:hsds-organizations", get=(400,) * 7, query="?page=0"),
    url("members:hsds-organization", "@opendata_organization", get=PUBLIC, post=(405,) * 7),
    url("members:hsds-organization", "@opendata_organization", get=PUBLIC, query="?full_service=true"),
    url("members:hsds-organization", "@opendata_applicant", get=NOT_FOUND),
    url("members:hsds-services", get=PUBLIC, post=(405,) * 7),
    url("members:hsds-services", get=PUBLIC, query="?full=true&per_page=100"),
    url("members:hsds-service", "@opendata_service", get=PUBLIC, post=(405,) * 7),
    url("members:hsds-service", "@opendata_members_only_service", get=NOT_FOUND),
    url("members:open-data-download", get=PUBLIC, post=(405,) * 7),
    # [/opendata]
    # [laws] (issue 17)
    # The register is public; the steering representative of a country (steering: Tajikistan) and the coordinators
    # keep its entries. @law is Tajik, @pk_law Pakistani; empty POSTs are form errors (400), nothing is deleted.
    url("members:laws", get=PUBLIC, post=PUBLIC),
    url("members:laws", get=PUBLIC, query="?country=tj&kind=law"),
    url("members:laws", get=PUBLIC, query="?country=xx&kind=nonsense"),
    url("members:law", "@law", get=PUBLIC, post=PUBLIC),
    url("members:law", "no-such-law", get=NOT_FOUND),
    url("members:law-create", get=REPRESENTATIVES, post=REPRESENTATIVES_INVALID),
    url("members:law-edit", "@law", get=REPRESENTATIVES, post=REPRESENTATIVES_INVALID),
    url("members:law-edit", "@pk_law", get=COORDINATOR, post=COORDINATOR_INVALID),
    url("members:law-edit", "no-such-law", get=LOGGED_IN_404),
    url("members:law-amendment-create", "@law", get=REPRESENTATIVES, post=REPRESENTATIVES_INVALID),
    url("members:law-amendment-create", "@pk_law", get=COORDINATOR, post=COORDINATOR_INVALID),
    url("members:law-amendment-edit", "@law", "@law_amendment", get=REPRESENTATIVES, post=REPRESENTATIVES_INVALID),
    url("members:law-amendment-edit", "@law", "@pk_law_amendment", get=(LOGIN, 403, 403, 403, 403, 404, 404)),
    url("members:law-amendment-delete", "@law", 999999, get=POST_ONLY, post=(LOGIN, 403, 403, 403, 403, 404, 404)),
    url("members:law-amendment-delete", "@pk_law", 999999, post=(LOGIN, 403, 403, 403, 403, 403, 404)),
    # [/laws]
    # [agreements] (issue 17)
    # The register is public. Steering representatives and coordinators add agreements; tj-agreement (Tajikistan a
    # party) is kept by the Tajik representative and coordinators, af-agreement by coordinators only.
    url("members:agreements", get=PUBLIC, post=PUBLIC),
    url("members:agreements", get=PUBLIC, query="?country=TJ&kind=bilateral&status=proposed"),
    url("members:agreement", "tj-agreement", get=PUBLIC, post=PUBLIC),
    url("members:agreement", "no-such-agreement", get=NOT_FOUND),
    url("members:agreement-create", get=REPRESENTATIVES, post=REPRESENTATIVES_INVALID),
    url("members:agreement-edit", "tj-agreement", get=REPRESENTATIVES, post=REPRESENTATIVES_INVALID),
    url("members:agreement-edit", "af-agreement", get=COORDINATOR, post=COORDINATOR_INVALID),
    url("members:agreement-edit", "no-such-agreement", get=LOGGED_IN_404, post=LOGGED_IN_404),
    url("members:agreement-status", "tj-agreement", get=POST_ONLY, post=REPRESENTATIVES_INVALID),
    url("members:agreement-status", "tj-agreement", post=REPRESENTATIVES_DONE,
        data={"status": "negotiating", "date": "2018-01-10"}),
    url("members:agreement-status", "af-agreement", post=COORDINATOR_INVALID),
    url("members:agreement-status", "no-such-agreement", post=LOGGED_IN_404),
    # [/agreements]
    # [reports] (issue 17)
    # The annual report: 2017 published (public), 2018 a draft (representatives and coordinators only, 404 for others).
    url("annual-reports", get=PUBLIC, post=PUBLIC),
    url("annual-report", 2017, get=PUBLIC, post=PUBLIC),
    url("annual-report", 2017, get=PUBLIC, query="?print=1"),
    url("annual-report", 2018, get=OVERVIEW_DRAFT_READERS),
    url("annual-report", 2016, get=NOT_FOUND),
    url("annual-report-create", get=REPRESENTATIVES, post=REPRESENTATIVES_INVALID),
    url("annual-report-create", post=REPRESENTATIVES_DONE, data={"year": 2019}),
    url("annual-report-create", post=REPRESENTATIVES_INVALID, data={"year": 2016}),  # before the network
    url("annual-report-edit", 2018, get=(LOGIN, 404, 404, 404, 404, 200, 200), post=(LOGIN, 404, 404, 404, 404, 400, 400)),
    url("annual-report-edit", 2018, post=(LOGIN, 404, 404, 404, 404, 302, 302), query="?content=en",
        data={"title_en": "Annual report 2018"}),
    url("annual-report-edit", 2017, get=(LOGIN, 403, 403, 403, 403, 302, 302)),  # frozen once published
    url("annual-report-publish", 2018, get=(LOGIN, 404, 404, 404, 404, 200, 200), post=(LOGIN, 404, 404, 404, 404, 302, 302)),
    url("annual-report-publish", 2017, get=(LOGIN, 403, 403, 403, 403, 302, 302), post=(LOGIN, 403, 403, 403, 403, 302, 302)),
    url("feeds:reports", get=PUBLIC, post=PUBLIC),
    url("feeds:reports-rss", get=PUBLIC, post=PUBLIC),
    # [/reports]
    # [publishing] (issue 17)
    # Publishing with the confirmation's `confirm`; a published revision has nothing to confirm (back to it, 302).
    url("countryreviews:publish", "tj", 2018, 1, post=(LOGIN, 403, 403, 404, 404, 302, 302), data={"confirm": "yes"}),
    url("countryreviews:publish", "pk", 2018, 1, get=(LOGIN, 404, 404, 403, 404, 403, 200),
        post=(LOGIN, 404, 404, 403, 404, 403, 302), data={"confirm": "yes"}),
    url("countryreviews:publish", "tj", 2017, 1, get=(LOGIN, 403, 403, 403, 403, 302, 302)),
    url("countryreviews:publish", "tj", 2018, 9, get=LOGGED_IN_404, post=LOGGED_IN_404, data={"confirm": "yes"}),
    # TJ 2019 has no revision: its start page offers to start from the 2018 draft; the choice is required.
    url("countryreviews:edit", "tj", 2019, get=(LOGIN, 200, 200, 404, 404, 200, 200)),
    url("countryreviews:start", "tj", 2019, post=(LOGIN, 400, 400, 404, 404, 400, 400)),
    url("countryreviews:start", "tj", 2019, post=(LOGIN, 302, 302, 404, 404, 302, 302), data={"start_from": "previous"}),
    url("countryreviews:start", "tj", 2019, post=(LOGIN, 400, 400, 404, 404, 400, 400), data={"start_from": "other"}),
    # No review of a future year: not found everywhere.
    url("countryreviews:detail", "tj", NEXT_YEAR, get=NOT_FOUND),
    url("countryreviews:edit", "tj", NEXT_YEAR, get=LOGGED_IN_404, post=LOGGED_IN_404),
    url("countryreviews:start", "tj", NEXT_YEAR, get=POST_ONLY, post=LOGGED_IN_404),
    url("countryreviews:go-edit", get=LOGGED_IN_404, query=f"?cc=tj&year={NEXT_YEAR}"),
    # "Add a row" re-shows the edit form with one more statistics row, saving nothing.
    url("countryreviews:edit", "tj", 2018, post=(LOGIN, 200, 200, 404, 404, 200, 200), data={"add_statistic": "1"}),
    # [/publishing]
    # [suppression] (issue 17)
    # [/suppression]
    # [import] (issue 17)
    # [/import]
    # Strategy, action plan and budget (issue 18). Strategies: "@strategy_old" (2014–2018, superseded),
    # "@strategy_adopted" (2019–2023, in force), "@strategy_draft" (2024–2028); each with "@<name>_goal",
    # "_objective", "_indicator", "_activity" (budget public), "_private_activity", "_line", "_private_line".
    # [structure] (issue 18)
    # /strategy/ shows the version in force to everyone; an adopted or superseded version is public, a draft is read by
    # network members and coordinators only (404 to the public and the stakeholder).
    url("strategy:current", get=PUBLIC, post=PUBLIC),
    url("strategy:detail", "@strategy_adopted", get=PUBLIC, post=PUBLIC),
    url("strategy:detail", "@strategy_old", get=PUBLIC, post=PUBLIC),
    url("strategy:detail", "@strategy_draft", get=MEMBERS_READ, post=MEMBERS_READ),
    url("strategy:detail", 999999, get=NOT_FOUND, post=NOT_FOUND),
    # Representatives and coordinators start a strategy (an empty form comes back with 400).
    url("strategy:create", get=REPRESENTATIVES, post=REPRESENTATIVES_INVALID),
    url("strategy:create", post=REPRESENTATIVES_DONE,
        data={"title_en": "A new strategy", "start_year": "2029", "end_year": "2033"}),
    url("strategy:create", post=REPRESENTATIVES_INVALID,
        data={"title_en": "Too long", "start_year": "2029", "end_year": "2040"}),
    # A draft's text: members see it but may not change it (403); unseen by the stakeholder (404).
    url("strategy:edit", "@strategy_draft", get=STRATEGY_DRAFTERS, post=STRATEGY_DRAFTERS_INVALID),
    url("strategy:goal-create", "@strategy_draft", get=STRATEGY_DRAFTERS, post=STRATEGY_DRAFTERS_INVALID),
    url("strategy:goal-create", "@strategy_draft", post=STRATEGY_DRAFTERS_DONE, data={"code": "2", "title_en": "Goal"}),
    url("strategy:goal-edit", "@strategy_draft", "@draft_goal", get=STRATEGY_DRAFTERS,
        post=STRATEGY_DRAFTERS_INVALID),
    url("strategy:goal-delete", "@strategy_draft", "@draft_goal", get=STRATEGY_DRAFTERS,
        post=(LOGIN, 403, 403, 403, 404, 409, 409)),  # refused: activities are under it
    url("strategy:objective-create", "@strategy_draft", get=STRATEGY_DRAFTERS, post=STRATEGY_DRAFTERS_INVALID),
    url("strategy:objective-edit", "@strategy_draft", "@draft_objective", get=STRATEGY_DRAFTERS,
        post=STRATEGY_DRAFTERS_INVALID),
    url("strategy:objective-delete", "@strategy_draft", "@draft_objective", get=STRATEGY_DRAFTERS,
        post=(LOGIN, 403, 403, 403, 404, 409, 409)),
    url("strategy:indicator-create", "@strategy_draft", get=STRATEGY_DRAFTERS, post=STRATEGY_DRAFTERS_INVALID),
    url("strategy:indicator-edit", "@strategy_draft", "@draft_indicator", get=STRATEGY_DRAFTERS,
        post=STRATEGY_DRAFTERS_INVALID),
    url("strategy:indicator-delete", "@strategy_draft", "@draft_indicator", get=STRATEGY_DRAFTERS,
        post=STRATEGY_DRAFTERS_DONE),
    # Another strategy's goal, objective or indicator under the draft's address: 404 for those who may edit the draft.
    url("strategy:goal-edit", "@strategy_draft", "@adopted_goal", get=DRAFT_OTHERS_404, post=DRAFT_OTHERS_404),
    url("strategy:goal-delete", "@strategy_draft", "@adopted_goal", get=DRAFT_OTHERS_404, post=DRAFT_OTHERS_404),
    url("strategy:objective-edit", "@strategy_draft", "@adopted_objective", get=DRAFT_OTHERS_404,
        post=DRAFT_OTHERS_404),
    url("strategy:objective-delete", "@strategy_draft", "@old_objective", get=DRAFT_OTHERS_404,
        post=DRAFT_OTHERS_404),
    url("strategy:indicator-edit", "@strategy_draft", "@adopted_indicator", get=DRAFT_OTHERS_404,
        post=DRAFT_OTHERS_404),
    url("strategy:indicator-delete", "@strategy_draft", "@old_indicator", get=DRAFT_OTHERS_404,
        post=DRAFT_OTHERS_404),
    # An adopted or superseded version is frozen: every form of its text, its adoption, 403.
    url("strategy:edit", "@strategy_adopted", get=FROZEN, post=FROZEN),
    url("strategy:edit", "@strategy_old", get=FROZEN, post=FROZEN),
    url("strategy:goal-create", "@strategy_adopted", get=FROZEN, post=FROZEN),
    url("strategy:goal-edit", "@strategy_adopted", "@adopted_goal", get=FROZEN, post=FROZEN),
    url("strategy:goal-delete", "@strategy_adopted", "@adopted_goal", get=FROZEN, post=FROZEN),
    url("strategy:goal-edit", "@strategy_old", "@old_goal", get=FROZEN, post=FROZEN),
    url("strategy:objective-create", "@strategy_old", get=FROZEN, post=FROZEN),
    url("strategy:objective-edit", "@strategy_adopted", "@adopted_objective", get=FROZEN, post=FROZEN),
    url("strategy:objective-delete", "@strategy_adopted", "@adopted_objective", get=FROZEN, post=FROZEN),
    url("strategy:indicator-create", "@strategy_adopted", get=FROZEN, post=FROZEN),
    url("strategy:indicator-edit", "@strategy_adopted", "@adopted_indicator", get=FROZEN, post=FROZEN),
    url("strategy:indicator-edit", "@strategy_old", "@old_indicator", get=FROZEN, post=FROZEN),
    url("strategy:indicator-delete", "@strategy_adopted", "@adopted_indicator", get=FROZEN, post=FROZEN),
    url("strategy:adopt", "@strategy_adopted", get=FROZEN, post=FROZEN),
    url("strategy:adopt", "@strategy_old", get=FROZEN, post=FROZEN),
    # Adopting the draft: a held meeting (by its slug) and a date; without them the form comes back.
    url("strategy:adopt", "@strategy_draft", get=STRATEGY_DRAFTERS, post=STRATEGY_DRAFTERS_INVALID),
    url("strategy:adopt", "@strategy_draft", post=STRATEGY_DRAFTERS_DONE,
        data={"forum": "kabul-test", "adopted_on": "2018-08-27"}),
    url("strategy:adopt", "@strategy_draft", post=STRATEGY_DRAFTERS_INVALID,
        data={"forum": "kabul-test", "adopted_on": "2018-08-01"}),  # before the meeting
    # A revision starts from the version in force only (POST).
    url("strategy:revise", "@strategy_adopted", get=POST_ONLY, post=REPRESENTATIVES_DONE),
    url("strategy:revise", "@strategy_old", get=POST_ONLY, post=FROZEN),
    url("strategy:revise", "@strategy_draft", get=POST_ONLY, post=STRATEGY_DRAFTERS_FORBIDDEN),
    # [/structure]
    # [plan] (issue 18)
    # The plan and its activities are read like the strategy (drafts: members only). Representatives and
    # coordinators keep the plan of a draft or the version in force (an empty form comes back with 400; an empty
    # list of linked action items is a valid save); a superseded version is read-only (403).
    url("strategy:plan", "@strategy_adopted", get=PUBLIC, post=PUBLIC),
    url("strategy:plan", "@strategy_adopted", get=PUBLIC, query="?status=overdue&country=tj&organization=madina-test"),
    url("strategy:plan", "@strategy_old", get=PUBLIC),
    url("strategy:plan", "@strategy_draft", get=MEMBERS_READ),
    url("strategy:plan", 999999, get=NOT_FOUND),
    url("strategy:activity", "@strategy_adopted", "@adopted_activity", get=PUBLIC, post=PUBLIC),
    url("strategy:activity", "@strategy_adopted", "@adopted_private_activity", get=PUBLIC),
    url("strategy:activity", "@strategy_old", "@old_activity", get=PUBLIC),
    url("strategy:activity", "@strategy_draft", "@draft_activity", get=MEMBERS_READ),
    url("strategy:activity", "@strategy_adopted", "@draft_activity", get=NOT_FOUND),  # another strategy's
    url("strategy:activity-create", "@strategy_adopted", get=REPRESENTATIVES, post=REPRESENTATIVES_INVALID),
    url("strategy:activity-create", "@strategy_draft", get=(LOGIN, 403, 403, 403, 404, 200, 200),
        post=(LOGIN, 403, 403, 403, 404, 400, 400)),
    url("strategy:activity-create", "@strategy_old", get=(LOGIN,) + (403,) * 6, post=(LOGIN,) + (403,) * 6),
    url("strategy:activity-edit", "@strategy_adopted", "@adopted_activity", get=REPRESENTATIVES,
        post=REPRESENTATIVES_INVALID),
    url("strategy:activity-edit", "@strategy_draft", "@draft_activity", get=(LOGIN, 403, 403, 403, 404, 200, 200),
        post=(LOGIN, 403, 403, 403, 404, 400, 400)),
    url("strategy:activity-edit", "@strategy_old", "@old_activity", get=(LOGIN,) + (403,) * 6,
        post=(LOGIN,) + (403,) * 6),
    url("strategy:activity-edit", "@strategy_adopted", "@draft_activity", get=(LOGIN, 403, 403, 403, 403, 404, 404)),
    url("strategy:activity-update", "@strategy_adopted", "@adopted_activity", get=POST_ONLY,
        post=REPRESENTATIVES_INVALID),
    url("strategy:activity-update", "@strategy_draft", "@draft_activity", post=(LOGIN, 403, 403, 403, 404, 400, 400)),
    url("strategy:activity-update", "@strategy_old", "@old_activity", post=(LOGIN,) + (403,) * 6),
    url("strategy:activity-update", "@strategy_adopted", "@draft_activity", post=(LOGIN, 403, 403, 403, 403, 404, 404)),
    url("strategy:objective-action-items", "@strategy_adopted", "@adopted_objective", get=REPRESENTATIVES,
        post=REPRESENTATIVES_DONE),
    url("strategy:objective-action-items", "@strategy_adopted", "@adopted_objective", post=REPRESENTATIVES_INVALID,
        data={"items": "999999"}),
    url("strategy:objective-action-items", "@strategy_draft", "@draft_objective",
        get=(LOGIN, 403, 403, 403, 404, 200, 200), post=(LOGIN, 403, 403, 403, 404, 302, 302)),
    url("strategy:objective-action-items", "@strategy_old", "@old_objective", get=(LOGIN,) + (403,) * 6,
        post=(LOGIN,) + (403,) * 6),
    url("strategy:objective-action-items", "@strategy_adopted", "@draft_objective",
        get=(LOGIN, 403, 403, 403, 403, 404, 404)),
    # [/plan]
    # [budget] (issue 18)
    # The budget page and the CSV files: adopted (in force or superseded) for everyone, a draft for members.
    *[url(name, "@strategy_adopted", get=PUBLIC, post=PUBLIC)
      for name in ("strategy:budget", "strategy:budget-csv", "strategy:plan-csv")],
    *[url(name, "@strategy_old", get=PUBLIC) for name in ("strategy:budget", "strategy:budget-csv", "strategy:plan-csv")],
    *[url(name, "@strategy_draft", get=MEMBERS_READ, post=MEMBERS_READ)
      for name in ("strategy:budget", "strategy:budget-csv", "strategy:plan-csv")],
    url("strategy:budget", 999999, get=NOT_FOUND),
    # Budget lines: steering representatives and coordinators, in force and in a draft (404 to the stakeholder);
    # a superseded version's are read-only (403).
    url("strategy:budget-line-create", "@strategy_adopted", "@adopted_activity", get=REPRESENTATIVES,
        post=REPRESENTATIVES_INVALID),
    url("strategy:budget-line-create", "@strategy_adopted", "@adopted_private_activity", post=REPRESENTATIVES_DONE,
        data={"year": "2019", "item": "Interpretation", "currency": "USD", "planned": "10"}),
    url("strategy:budget-line-create", "@strategy_draft", "@draft_activity", get=(LOGIN, 403, 403, 403, 404, 200, 200),
        post=(LOGIN, 403, 403, 403, 404, 302, 302),
        data={"year": "2024", "item": "Interpretation", "currency": "EUR", "planned": "10"}),
    url("strategy:budget-line-create", "@strategy_old", "@old_activity", get=(LOGIN,) + (403,) * 6, post=(LOGIN,) + (403,) * 6),
    url("strategy:budget-line-create", "@strategy_adopted", "@draft_activity", get=(LOGIN, 403, 403, 403, 403, 404, 404)),
    url("strategy:budget-line-edit", "@strategy_adopted", "@adopted_line", get=REPRESENTATIVES,
        post=REPRESENTATIVES_INVALID),
    url("strategy:budget-line-edit", "@strategy_adopted", "@adopted_private_line", post=REPRESENTATIVES_DONE,
        data={"year": "2020", "item": "Rent", "currency": "EUR", "planned": "600", "spent": "100"}),
    url("strategy:budget-line-edit", "@strategy_draft", "@draft_private_line", get=(LOGIN, 403, 403, 403, 404, 200, 200)),
    url("strategy:budget-line-edit", "@strategy_old", "@old_line", get=(LOGIN,) + (403,) * 6, post=(LOGIN,) + (403,) * 6),
    url("strategy:budget-line-edit", "@strategy_adopted", "@draft_line", get=(LOGIN, 403, 403, 403, 403, 404, 404)),
    url("strategy:budget-line-delete", "@strategy_adopted", "@adopted_private_line", get=REPRESENTATIVES,
        post=REPRESENTATIVES_DONE),
    url("strategy:budget-line-delete", "@strategy_draft", "@draft_line", get=(LOGIN, 403, 403, 403, 404, 200, 200),
        post=(LOGIN, 403, 403, 403, 404, 302, 302)),
    url("strategy:budget-line-delete", "@strategy_old", "@old_private_line", get=(LOGIN,) + (403,) * 6,
        post=(LOGIN,) + (403,) * 6),
    # Marking an activity's budget public: POST only, steering representatives and coordinators.
    url("strategy:budget-visibility", "@strategy_adopted", "@adopted_private_activity", get=POST_ONLY,
        post=REPRESENTATIVES_DONE, data={"public": "1"}),
    url("strategy:budget-visibility", "@strategy_draft", "@draft_activity", post=(LOGIN, 403, 403, 403, 404, 302, 302),
        data={"public": "0"}),
    url("strategy:budget-visibility", "@strategy_old", "@old_activity", post=(LOGIN,) + (403,) * 6, data={"public": "0"}),
    # [/budget]
    # [progress] (issue 18)
    # Progress at a glance is read like the strategy (drafts: members only).
    url("strategy:progress", "@strategy_adopted", get=PUBLIC, post=PUBLIC),
    url("strategy:progress", "@strategy_old", get=PUBLIC),
    url("strategy:progress", "@strategy_draft", get=MEMBERS_READ, post=MEMBERS_READ),
    url("strategy:progress", 999999, get=NOT_FOUND),
    # Indicator results: representatives and coordinators, in force and in a draft (a negative result comes back
    # with 400; an empty form saves "no results"); a superseded version's are read-only (403).
    url("strategy:indicator-results", "@strategy_adopted", "@adopted_indicator", get=REPRESENTATIVES,
        post=REPRESENTATIVES_INVALID, data={"value_2019": "-1"}),
    url("strategy:indicator-results", "@strategy_adopted", "@adopted_indicator", post=REPRESENTATIVES_DONE,
        data={"value_2019": "2", "note_2019": "Members' survey"}),
    url("strategy:indicator-results", "@strategy_draft", "@draft_indicator", get=(LOGIN, 403, 403, 403, 404, 200, 200),
        post=(LOGIN, 403, 403, 403, 404, 302, 302), data={"value_2024": "1"}),
    url("strategy:indicator-results", "@strategy_old", "@old_indicator", get=(LOGIN,) + (403,) * 6,
        post=(LOGIN,) + (403,) * 6),
    url("strategy:indicator-results", "@strategy_adopted", "@draft_indicator", get=(LOGIN, 403, 403, 403, 403, 404, 404)),
    # [/progress]
    # [recent] (issue 17)
    # Filtered recent changes, and a filter with "to" before "from" (a message, not an error): coordinators only.
    url("members:recent-changes", get=COORDINATOR, query="?kind=invitations&country=tj&since=2018-01-01&until=2018-12-31"),
    url("members:recent-changes", get=COORDINATOR, query="?since=2018-12-31&until=2018-01-01"),
    # [/recent]
    # Forum records are public; coordinators manage them.
    url("forums:list", get=PUBLIC, post=PUBLIC),
    url("forums:calendar", get=PUBLIC, post=PUBLIC),
    url("forums:follow-up", get=PUBLIC, post=PUBLIC),
    url("forums:detail", "dushanbe-test", get=PUBLIC, post=PUBLIC),
    url("forums:detail", "no-such-forum", get=NOT_FOUND),
    url("forums:forum-calendar", "dushanbe-test", get=PUBLIC, post=PUBLIC),
    url("forums:forum-calendar", "no-such-forum", get=NOT_FOUND),
    url("forums:create", get=COORDINATOR, post=COORDINATOR_INVALID),
    url("forums:edit", "dushanbe-test", get=COORDINATOR, post=COORDINATOR_INVALID),
    url("forums:edit", "no-such-forum", get=LOGGED_IN_404),
    url("forums:history", "dushanbe-test", get=COORDINATOR, post=COORDINATOR),
    url("forums:history", "no-such-forum", get=LOGGED_IN_404),
    url("forums:part-edit", "dushanbe-test", "sessions", get=COORDINATOR, post=COORDINATOR_INVALID),
    url("forums:part-edit", "dushanbe-test", "recommendations", get=COORDINATOR, post=COORDINATOR_INVALID),
    url("forums:part-edit", "dushanbe-test", "action-items", get=COORDINATOR, post=COORDINATOR_INVALID),
    url("forums:part-edit", "no-such-forum", "sessions", get=LOGGED_IN_404),
    url("forums:documents", "dushanbe-test", get=COORDINATOR, post=COORDINATOR_INVALID),
    url("forums:documents", "no-such-forum", get=LOGGED_IN_404),
    url("forums:document", "dushanbe-test", "@document", get=PUBLIC, post=PUBLIC),
    url("forums:document", "kabul-test", "@document", get=NOT_FOUND),  # a document of another forum
    url("forums:document", "dushanbe-test", 999999, get=NOT_FOUND),
    url("forums:document-delete", "dushanbe-test", "@document", get=POST_ONLY, post=COORDINATOR_DONE),
    url("forums:document-delete", "kabul-test", "@document", post=(LOGIN, 403, 403, 403, 403, 403, 404)),
    # An empty POST is read as no form at all (`request.POST or None`): the blank upload form again.
    url("forums:participants-import", "dushanbe-test", get=COORDINATOR, post=COORDINATOR),
    url("forums:participants-import", "no-such-forum", get=LOGGED_IN_404),
    url("forums:participants-export", "dushanbe-test", get=COORDINATOR, post=COORDINATOR),
    url("forums:participants-export", "no-such-forum", get=LOGGED_IN_404),
    # Progress updates on action items: steering committee representatives and coordinators.
    url("forums:action-item-update", "@action_item", get=REPRESENTATIVES, post=REPRESENTATIVES_INVALID),
    url("forums:action-item-update", 999999, get=LOGGED_IN_404),
    # Country reviews. TJ 2017 r1 is published, TJ 2018 r1 and PK 2018 r1 are drafts.
    url("countryreviews:list", get=PUBLIC, post=PUBLIC),
    url("countryreviews:detail", "tj", 2017, get=PUBLIC, post=PUBLIC),
    url("countryreviews:detail", "TJ", 2017, get=PUBLIC),
    url("countryreviews:detail", "tj", 1999, get=NOT_FOUND),
    url("countryreviews:detail", "xx", 2017, get=NOT_FOUND),
    url("countryreviews:detail", "tj", 2018, get=DRAFT_READERS_TJ),
    url("countryreviews:detail", "pk", 2018, get=DRAFT_READERS_PK),
    url("countryreviews:revision", "tj", 2017, 1, get=PUBLIC, post=PUBLIC),
    url("countryreviews:revision", "tj", 2017, 9, get=NOT_FOUND),
    url("countryreviews:revision", "tj", 2018, 1, get=DRAFT_READERS_TJ),
    # Writing: members of the country (the Tajik representative is one), coordinators.
    url("countryreviews:edit", "tj", 2018, get=(LOGIN, 200, 200, 404, 404, 200, 200),
        post=(LOGIN, 400, 400, 404, 404, 400, 400)),
    url("countryreviews:edit", "tj", 2017, get=(LOGIN, 200, 200, 403, 403, 200, 200)),
    url("countryreviews:edit", "pk", 2018, get=(LOGIN, 404, 404, 200, 404, 403, 200)),
    url("countryreviews:edit", "uz", 2019, get=(LOGIN, 404, 404, 404, 404, 404, 200)),
    url("countryreviews:go-edit", get=(LOGIN, 302, 302, 302, 302, 302, 302), post=(LOGIN, 302, 302, 302, 302, 302, 302),
        query="?cc=tj&year=2018"),
    url("countryreviews:go-edit", get=LOGGED_IN_404),
    url("countryreviews:start", "tj", 2017, get=POST_ONLY, post=(LOGIN, 302, 302, 403, 403, 302, 302)),
    url("countryreviews:submit", "tj", 2018, 1, get=POST_ONLY, post=(LOGIN, 302, 302, 404, 404, 302, 302)),
    url("countryreviews:submit", "pk", 2018, 1, post=(LOGIN, 404, 404, 302, 404, 403, 302)),
    # Deciding: only the country's representative or a coordinator.
    # Publishing asks first (GET: the confirmation page); a POST without `confirm` shows it again, 400 ([publishing]).
    url("countryreviews:publish", "tj", 2018, 1, get=(LOGIN, 403, 403, 404, 404, 200, 200),
        post=(LOGIN, 403, 403, 404, 404, 400, 400)),
    url("countryreviews:publish", "tj", 2017, 1, post=(LOGIN, 403, 403, 403, 403, 302, 302)),
    url("countryreviews:publish", "pk", 2018, 1, post=(LOGIN, 404, 404, 403, 404, 403, 400)),
    url("countryreviews:return", "tj", 2018, 1, get=POST_ONLY, post=(LOGIN, 403, 403, 404, 404, 302, 302),
        data={"comment": "Please add sources."}),
    url("countryreviews:withdraw", "tj", 2017, 1, get=POST_ONLY, post=(LOGIN, 403, 403, 403, 403, 302, 302)),
    # The regional overview: 2017 is published, 2018 a draft edition; any representative or a coordinator assembles.
    url("countryreviews:overview", get=PUBLIC, post=PUBLIC),
    url("countryreviews:overview-year", 2017, get=PUBLIC, post=PUBLIC),
    url("countryreviews:overview-year", 2018, get=OVERVIEW_DRAFT_READERS),
    url("countryreviews:overview-year", 2016, get=NOT_FOUND),
    url("countryreviews:overview-csv", 2017, get=PUBLIC, post=PUBLIC),
    url("countryreviews:overview-csv", 2018, get=OVERVIEW_DRAFT_READERS),
    url("countryreviews:overview-create", get=REPRESENTATIVES, post=REPRESENTATIVES_INVALID),
    url("countryreviews:overview-edit", 2018, get=(LOGIN, 404, 404, 404, 404, 200, 200),
        post=(LOGIN, 404, 404, 404, 404, 400, 400)),
    url("countryreviews:overview-edit", 2017, get=(LOGIN, 403, 403, 403, 403, 302, 302)),  # frozen once published
    url("countryreviews:overview-refresh", 2018, get=POST_ONLY, post=(LOGIN, 404, 404, 404, 404, 302, 302)),
    url("countryreviews:overview-refresh", 2017, post=REPRESENTATIVES_DONE),
    url("countryreviews:overview-publish", 2018, get=POST_ONLY, post=(LOGIN, 404, 404, 404, 404, 302, 302)),
    # Removing a withdrawn review's text from a published edition (PK 2017 r1): coordinators; an empty reason is refused.
    url("countryreviews:overview-redact", 2017, "pk", get=COORDINATOR, post=COORDINATOR_INVALID),
    url("countryreviews:overview-redact", 2017, "pk", post=COORDINATOR_DONE, data={"reason": "Names a shelter's street."}),
    url("countryreviews:overview-redact", 2017, "tj", get=(LOGIN, 403, 403, 403, 403, 403, 404)),  # not withdrawn
    url("countryreviews:overview-redact", 2018, "tj", get=(LOGIN, 404, 404, 404, 404, 403, 404)),  # a draft edition
    url("countryreviews:overview-redact", 2016, "tj", get=LOGGED_IN_404),
]


def _case_id(entry: Url, method: str) -> str:
    args = ",".join(str(a) for a in entry.args)
    data = "{" + ",".join(entry.data) + "}" if entry.data and method == "POST" else ""
    return f"{method} {entry.name}({args}){entry.query}{data}"


# One case per URL and method; it asks every role (see test_permissions_table).
CASES = [
    pytest.param(entry, method, statuses, id=_case_id(entry, method))
    for entry in TABLE
    for method, statuses in (("GET", entry.get), ("POST", entry.post))
    if statuses is not None
]
