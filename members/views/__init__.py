"""The members app's pages, one module per area: directory, accounts, notifications, joining, invitations, staff, history,
security (the security log)."""
