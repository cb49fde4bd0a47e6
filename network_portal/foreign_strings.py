"""Texts of Django and django-allauth that the portal's pages show, copied here so our catalogues carry them.

Django has no Pashto catalogue, and allauth none for Urdu, Pashto, Tajik or Turkmen: without these copies a
Pashto login error or a Turkmen "This field is required." would appear in English. Our catalogues under
locale/ come first in Django's search order, so these translations also replace theirs in every language.
The msgids must stay exactly as the libraries write them; nothing imports this module.
"""

from django.utils.translation import gettext_noop as _

DJANGO_FORMS = [
    _("This field is required."),
    _("Enter a valid email address."),
    _("Enter a valid URL."),
    _("Enter a valid date."),
    _("Enter a whole number."),
    _("Enter a number."),
    _("Select a valid choice. %(value)s is not one of the available choices."),
    _("Ensure this value is greater than or equal to %(limit_value)s."),
    _("Ensure this value is less than or equal to %(limit_value)s."),
    _("No file was submitted. Check the encoding type on the form."),
    _("The submitted file is empty."),
    _("Upload a valid image. The file you uploaded was either not an image or a corrupted image."),
    _("Please correct the duplicate data for %(field)s."),
    _("Delete"),
    _("Currently"),
    _("Change"),
    _("Clear"),
    _("Yes"),
    _("No"),
    _("Unknown"),
    _("This password is too short. It must contain at least %(min_length)d character."),
    _("This password is too common."),
    _("This password is entirely numeric."),
    _("The password is too similar to the %(verbose_name)s."),
]

ALLAUTH = [
    _("Email"),
    _("Password"),
    _("Remember Me"),
    _("Current Password"),
    _("New Password"),
    _("New Password (again)"),
    _("You must type the same password each time."),
    _("The email address and/or password you specified are not correct."),
    _("Too many failed login attempts. Try again later."),
    _("This account is currently inactive."),
    _("Please type your current password."),
    _("Incorrect password."),
    _("The password reset token was invalid."),
    _("You cannot remove your primary email address."),
    _("This email address is already associated with this account."),
    _("Your primary email address must be verified."),
    _("Be patient, you are sending too many requests."),
    # allauth's pages after a password reset, which we do not override.
    _("Password Reset"),
    _(
        "We have sent you an email. If you have not received it please check your spam folder. Otherwise contact "
        "us if you do not receive it in a few minutes."
    ),
    _("Change Password"),
    _("Your password is now changed."),
    # allauth's second factor and sessions: form labels, errors and the messages after each change.
    _("Code"),
    _("Authenticator code"),
    _("Incorrect code."),
    _("You cannot add an email address to an account protected by two-factor authentication."),
    _("You cannot deactivate two-factor authentication."),
    _("You cannot generate recovery codes without having two-factor authentication enabled."),
    _("You cannot activate two-factor authentication until you have verified your email address."),
    _("Use your password"),
    _("Use authenticator app or code"),
    _("Use a security key"),
    _("Name"),
    _("A new set of recovery codes has been generated."),
    _("Authenticator app activated."),
    _("Authenticator app deactivated."),
    _("Security key added."),
    _("Security key removed."),
    _("Signed out of all other sessions."),
    # allauth's security notification e-mails (their frame is templates/account/email/base_notification.txt).
    _("Password Changed"),
    _("Your password has been changed."),
    _("Password Set"),
    _("Your password has been set."),
    _("Email Changed"),
    _("Your email has been changed from %(from_email)s to %(to_email)s."),
    _("Email Removed"),
    _("Email address %(deleted_email)s has been removed from your account."),
    _("Authenticator App Activated"),
    _("Authenticator App Deactivated"),
    _("New Recovery Codes Generated"),
    _("A new set of Two-Factor Authentication recovery codes has been generated."),
    _("Security Key Added"),
    _("A new security key has been added."),
    _("Security Key Removed"),
    _("A security key has been removed."),
]
