"""The web report: the month's whole report as a page, for the people on the access lists, after sign-in."""
