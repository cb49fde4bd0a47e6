"""The members app's forms, one module per area: directory, accounts, notifications, joining, staff."""
