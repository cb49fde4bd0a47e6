"""What writes the security log by itself: receivers of Django's, django-allauth's and our models' signals.

Logins, logouts and failed logins (Django's auth signals, which allauth's login sends too); passwords,
e-mail addresses and second factors (allauth's signals); and the changes that give or take powers —
the coordinator, staff, superuser and active flags of an account, memberships and their roles, steering
committee seats, and the account linked to a person (who holds a seat through it). Model signals, so a
change is logged whether it is made in the portal, in the admin or in the shell. Fixture loading (raw
saves) is not logged. Publications are logged where they happen (countryreviews/workflow.py).

Connected in MembersConfig.ready().
"""

from django.apps import apps
from django.contrib.auth import signals as auth_signals
from django.db.models import signals

from .models import Membership, Person, SteeringCommitteeSeat, User
from .security import Kind, describe_user, log_event

ACCOUNT_FLAGS = ["is_coordinator", "is_staff", "is_superuser", "is_active"]
SEAT_FIELDS = ["organization_id", "representative_id", "term_start", "term_end"]


# --- logins -----------------------------------------------------------------------------------------------


def logged_in(sender, request, user, **kwargs):
    log_event(Kind.LOGIN, request=request, actor=user, target_user=user)


def logged_out(sender, request, user, **kwargs):
    if user is not None:
        log_event(Kind.LOGOUT, request=request, actor=user, target_user=user)


def login_failed(sender, credentials, request=None, **kwargs):
    """The e-mail typed is kept (shortened, one line): it is how an attack on one account shows."""
    typed = str(credentials.get("email") or credentials.get(User.USERNAME_FIELD) or "")[:100]
    account = User.objects.filter(email__iexact=typed).first() if typed else None
    log_event(
        Kind.LOGIN_FAILED,
        request=request,
        actor=None,
        target_user=account,
        target=f"user {typed}",
        detail="" if account else "no account with this e-mail address",
    )


# --- django-allauth: passwords, e-mail addresses, second factors ------------------------------------------


def on_behalf(kind, detail=""):
    """A receiver of an allauth signal that sends `request` and `user`."""

    def receiver(sender, request, user, **kwargs):
        log_event(kind, request=request, target_user=user, detail=detail(kwargs) if callable(detail) else detail)

    return receiver


def email_confirmed(sender, request, email_address, **kwargs):
    log_event(Kind.EMAIL_CONFIRMED, request=request, target_user=email_address.user, detail=email_address.email)


def recovery_code_used(sender, request, user, authenticator, **kwargs):
    if authenticator.type == "recovery_codes":
        log_event(Kind.RECOVERY_CODE_USED, request=request, target_user=user)


def connect_allauth():
    from allauth.account import signals as account

    account.password_changed.connect(on_behalf(Kind.PASSWORD_CHANGED), weak=False, dispatch_uid="security.password_changed")
    account.password_set.connect(
        on_behalf(Kind.PASSWORD_CHANGED, "first password set"), weak=False, dispatch_uid="security.password_set"
    )
    account.password_reset.connect(on_behalf(Kind.PASSWORD_RESET), weak=False, dispatch_uid="security.password_reset")
    account.email_added.connect(
        on_behalf(Kind.EMAIL_ADDED, lambda kw: kw["email_address"].email), weak=False, dispatch_uid="security.email_added"
    )
    account.email_removed.connect(
        on_behalf(Kind.EMAIL_REMOVED, lambda kw: kw["email_address"].email), weak=False, dispatch_uid="security.email_removed"
    )
    account.email_changed.connect(
        on_behalf(
            Kind.EMAIL_CHANGED,
            lambda kw: f"{getattr(kw['from_email_address'], 'email', '')} → {kw['to_email_address'].email}",
        ),
        weak=False,
        dispatch_uid="security.email_changed",
    )
    account.email_confirmed.connect(email_confirmed, dispatch_uid="security.email_confirmed")
    if not apps.is_installed("allauth.mfa"):
        return  # its signals module imports its models
    from allauth.mfa import signals as mfa

    def kind_of_factor(kw):
        return kw["authenticator"].type

    mfa.authenticator_added.connect(
        on_behalf(Kind.SECOND_FACTOR_ADDED, kind_of_factor), weak=False, dispatch_uid="security.factor_added"
    )
    mfa.authenticator_removed.connect(
        on_behalf(Kind.SECOND_FACTOR_REMOVED, kind_of_factor), weak=False, dispatch_uid="security.factor_removed"
    )
    mfa.authenticator_reset.connect(
        on_behalf(Kind.RECOVERY_CODES_GENERATED), weak=False, dispatch_uid="security.factor_reset"
    )
    mfa.authentication_failed.connect(
        on_behalf(Kind.SECOND_FACTOR_FAILED, kind_of_factor), weak=False, dispatch_uid="security.factor_failed"
    )
    mfa.authenticator_used.connect(recovery_code_used, dispatch_uid="security.recovery_code_used")


# --- powers: account flags, memberships, seats, a person's account ----------------------------------------


def remember_stored(fields):
    """A pre_save receiver that keeps the stored values of `fields` on the instance, for post_save to compare.

    Skipped for new rows, fixtures, and saves of other fields only (a login saves `last_login`).
    """

    names = {*fields, *(name.removesuffix("_id") for name in fields)}  # save(update_fields=) takes either

    def receiver(sender, instance, raw=False, update_fields=None, **kwargs):
        instance._security_stored = None
        if raw or instance._state.adding or (update_fields is not None and not names & set(update_fields)):
            return
        instance._security_stored = sender._base_manager.filter(pk=instance.pk).values(*fields).first()

    return receiver


def stored(instance) -> dict:
    """What remember_stored() kept (once: a second save of the same instance compares afresh)."""
    return instance.__dict__.pop("_security_stored", None) or {}


def changes(instance, fields) -> list[str]:
    before = stored(instance)
    return [name for name in fields if name in before and before[name] != getattr(instance, name)]


def yes_no(value) -> str:
    return "yes" if value else "no"


def account_saved(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    if created:
        flags = [name for name in ACCOUNT_FLAGS if name != "is_active" and getattr(instance, name)]
        if flags:
            log_event(Kind.ROLE_CHANGED, target_user=instance, detail="created with " + ", ".join(flags))
        return
    changed = changes(instance, ACCOUNT_FLAGS)
    if changed:
        now = {name: getattr(instance, name) for name in changed}
        detail = "; ".join(f"{name}: {yes_no(not value)} → {yes_no(value)}" for name, value in now.items())
        log_event(Kind.ROLE_CHANGED, target_user=instance, detail=detail)


def account_deleted(sender, instance, **kwargs):
    # Text only: an entry pointing at the account being deleted would break the deletion.
    log_event(Kind.ROLE_CHANGED, target=describe_user(instance), detail="account deleted")


def membership_saved(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    if created:
        detail = f"{instance.role} of {instance.organization}"
    elif changes(instance, ["role"]):
        detail = f"now {instance.role} of {instance.organization}"
    else:
        return
    log_event(Kind.ROLE_CHANGED, target_user=instance.user, detail=detail)


def membership_deleted(sender, instance, **kwargs):
    # Text only: the membership may be going because its account is deleted.
    email = User._base_manager.filter(pk=instance.user_id).values_list("email", flat=True).first() or "?"
    log_event(Kind.ROLE_CHANGED, target=f"user {email}", detail=f"no longer {instance.role} of {instance.organization}")


def seat_text(seat) -> str:
    return f"Steering committee seat: {seat.country.name}"


def seat_saved(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    if created:
        detail = f"{instance.representative} ({instance.organization}) from {instance.term_start}"
    else:
        changed = changes(instance, SEAT_FIELDS)
        if not changed:
            return
        detail = f"{instance.representative} ({instance.organization}), {instance.term_start}–{instance.term_end or ''}; "
        detail += "changed: " + ", ".join(name.removesuffix("_id") for name in changed)
    log_event(Kind.SEAT_CHANGED, target=seat_text(instance), target_user=instance.representative.user, detail=detail)


def seat_deleted(sender, instance, **kwargs):
    log_event(Kind.SEAT_CHANGED, target=seat_text(instance), detail=f"deleted: {instance}")


def person_saved(sender, instance, created, raw=False, **kwargs):
    """The account linked to a person: whoever it is holds the person's steering committee seat."""
    if raw:
        return
    before = {"user_id": None} if created else stored(instance)
    if "user_id" in before and before["user_id"] != instance.user_id:
        old = User._base_manager.filter(pk=before["user_id"]).values_list("email", flat=True).first() or "none"
        new = instance.user.email if instance.user_id else "none"
        log_event(
            Kind.ROLE_CHANGED,
            target=f"person {instance.name} (#{instance.pk})",
            target_user=instance.user,
            detail=f"linked account: {old} → {new}",
        )


def connect():
    auth_signals.user_logged_in.connect(logged_in, dispatch_uid="security.logged_in")
    auth_signals.user_logged_out.connect(logged_out, dispatch_uid="security.logged_out")
    auth_signals.user_login_failed.connect(login_failed, dispatch_uid="security.login_failed")
    connect_allauth()
    for model, fields, saved in [
        (User, ACCOUNT_FLAGS, account_saved),
        (Membership, ["role"], membership_saved),
        (SteeringCommitteeSeat, SEAT_FIELDS, seat_saved),
        (Person, ["user_id"], person_saved),
    ]:
        signals.pre_save.connect(remember_stored(fields), sender=model, weak=False, dispatch_uid=f"security.{model.__name__}")
        signals.post_save.connect(saved, sender=model, dispatch_uid=f"security.{model.__name__}")
    signals.post_delete.connect(account_deleted, sender=User, dispatch_uid="security.user_deleted")
    signals.post_delete.connect(membership_deleted, sender=Membership, dispatch_uid="security.membership_deleted")
    signals.post_delete.connect(seat_deleted, sender=SteeringCommitteeSeat, dispatch_uid="security.seat_deleted")
